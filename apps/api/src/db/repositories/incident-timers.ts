import type { PlannedTimer } from '@hanjiang/shared'
import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'
import { time } from './incident-rows.ts'

/** An incident's timers (deadline checks the worker fires): read, cancel, (re)schedule. */

export type NewTimer = PlannedTimer

export interface TimerRecord {
  id: number
  kind: string
  dueAt: Date
  firedAt: Date | null
  cancelledAt: Date | null
  data: unknown
}

export async function listTimers(database: Database, incidentId: number): Promise<TimerRecord[]> {
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT id, kind, to_json(due_at) #>> '{}' AS "dueAt", to_json(fired_at) #>> '{}' AS "firedAt",
           to_json(cancelled_at) #>> '{}' AS "cancelledAt", data::text AS data
    FROM timer WHERE incident_id = ${incidentId} ORDER BY id`)
  return rows.map((r) => ({
    id: Number(r.id),
    kind: String(r.kind),
    dueAt: new Date(String(r.dueAt)),
    firedAt: time(r.firedAt),
    cancelledAt: time(r.cancelledAt),
    data: r.data === null ? null : JSON.parse(String(r.data)),
  }))
}

/**
 * Cancels the pending timers of these kinds (all kinds when `kinds` is 'all'). Fired rows are history
 * and stay as they are. Returns the number cancelled.
 */
export async function cancelTimers(
  database: Database,
  tx: AppDb | undefined,
  incidentId: number,
  kinds: readonly string[] | 'all',
  at: Date,
): Promise<number> {
  if (kinds !== 'all' && kinds.length === 0) return 0
  const which =
    kinds === 'all'
      ? sql`true`
      : sql`kind IN (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})`
  const rows = await database.rows(
    sql`UPDATE timer SET cancelled_at = ${at.toISOString()}::timestamptz
        WHERE incident_id = ${incidentId} AND fired_at IS NULL AND cancelled_at IS NULL AND ${which}
        RETURNING id`,
    tx,
  )
  return rows.length
}

/**
 * Makes exactly these checks pending: for each kind, a pending row with another due time is cancelled
 * and a new one inserted; one already due at the same time is kept (so rescheduling is idempotent).
 * At most one pending row per incident and kind (unique index `timer_pending_uq`).
 */
export async function scheduleTimers(
  database: Database,
  tx: AppDb | undefined,
  incidentId: number,
  timers: readonly NewTimer[],
  at: Date,
): Promise<void> {
  if (timers.length === 0) return
  const input = JSON.stringify(
    timers.map((t) => ({ kind: t.kind, due_at: t.dueAt.toISOString(), data: t.data ?? null })),
  )
  await database.rows(
    sql`UPDATE timer t SET cancelled_at = ${at.toISOString()}::timestamptz
        FROM json_to_recordset(${input}::json) AS x(kind text, due_at timestamptz, data jsonb)
        WHERE t.incident_id = ${incidentId} AND t.kind = x.kind AND t.due_at <> x.due_at
          AND t.fired_at IS NULL AND t.cancelled_at IS NULL`,
    tx,
  )
  await database.rows(
    sql`INSERT INTO timer (incident_id, kind, due_at, data)
        SELECT ${incidentId}, x.kind, x.due_at, x.data
        FROM json_to_recordset(${input}::json) AS x(kind text, due_at timestamptz, data jsonb)
        ON CONFLICT (incident_id, kind) WHERE fired_at IS NULL AND cancelled_at IS NULL DO NOTHING`,
    tx,
  )
}
