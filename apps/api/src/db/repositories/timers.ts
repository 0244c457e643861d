import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/**
 * The timer worker's SQL (docs/DOMAIN.md §5): claim due rows, lock their incident, mark them fired — always inside
 * the worker's one transaction (`tx`). The rows themselves are written by the incident repository
 * (insertIncident, scheduleTimers, cancelTimers).
 */

export interface ClaimedTimer {
  id: number
  incidentId: number
  kind: string
  dueAt: Date
  data: Record<string, unknown> | null
}

/**
 * Claims up to `limit` due rows, oldest first, row-locked until the transaction ends. SKIP LOCKED: rows
 * another worker (or a transition cancelling them) holds are left to it, so N workers never fire one row
 * twice and never wait for each other. Uses the partial index `timer_due_idx` (pending rows by due_at).
 */
export async function claimDueTimers(database: Database, tx: AppDb, now: Date, limit: number): Promise<ClaimedTimer[]> {
  const rows = await database.rows<Record<string, unknown>>(
    sql`SELECT id, incident_id AS "incidentId", kind, to_json(due_at) #>> '{}' AS "dueAt", data::text AS data
        FROM timer
        WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= ${now.toISOString()}::timestamptz
        ORDER BY due_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`,
    tx,
  )
  return rows.map((r) => {
    const data = r.data === null || r.data === undefined ? null : (JSON.parse(String(r.data)) as unknown)
    return {
      id: Number(r.id),
      incidentId: Number(r.incidentId),
      kind: String(r.kind),
      dueAt: new Date(String(r.dueAt)),
      data:
        data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null,
    }
  })
}

/**
 * Locks the incident row for the rest of the transaction, or returns false at once if someone else holds
 * it (a transition in progress). Never waiting here keeps the lock order deadlock-free: a transition locks
 * the incident first and then its timer rows, the worker the other way round.
 */
export async function tryLockIncident(database: Database, tx: AppDb, incidentId: number): Promise<boolean> {
  const rows = await database.rows(sql`SELECT id FROM incident WHERE id = ${incidentId} FOR UPDATE SKIP LOCKED`, tx)
  return rows.length > 0
}

/** Marks the row fired (never again claimable) and records what firing it did. */
export async function markTimerFired(
  database: Database,
  tx: AppDb,
  id: number,
  at: Date,
  outcome: string,
): Promise<void> {
  await database.rows(
    sql`UPDATE timer
        SET fired_at = ${at.toISOString()}::timestamptz,
            data = (CASE WHEN jsonb_typeof(data) = 'object' THEN data ELSE '{}'::jsonb END)
                   || jsonb_build_object('outcome', ${outcome}::text)
        WHERE id = ${id} AND fired_at IS NULL`,
    tx,
  )
}

/**
 * A row whose handling failed (a bug, bad data) is tried again later instead of blocking the queue:
 * due_at moves to `retryAt`; the original due time, the attempt count and the last error stay in `data`.
 */
export async function deferTimer(
  database: Database,
  tx: AppDb,
  t: ClaimedTimer,
  retryAt: Date,
  attempts: number,
  error: string,
): Promise<void> {
  const extra = JSON.stringify({
    attempts,
    lastError: error.slice(0, 500),
    firstDueAt: typeof t.data?.firstDueAt === 'string' ? t.data.firstDueAt : t.dueAt.toISOString(),
  })
  await database.rows(
    sql`UPDATE timer
        SET due_at = ${retryAt.toISOString()}::timestamptz,
            data = (CASE WHEN jsonb_typeof(data) = 'object' THEN data ELSE '{}'::jsonb END) || ${extra}::jsonb
        WHERE id = ${t.id} AND fired_at IS NULL`,
    tx,
  )
}

/** Bounds how long statements of this transaction wait for a row lock (`SET LOCAL lock_timeout`). */
export async function setLockTimeout(database: Database, tx: AppDb, timeout: string): Promise<void> {
  await database.rows(sql`SELECT set_config('lock_timeout', ${timeout}, true)`, tx)
}
