import { UNIT_WORK_STATES } from '@hanjiang/shared'
import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../types.ts'
import { INCIDENT_COLUMNS, toRecord, type IncidentRecord } from './incident-rows.ts'
import { incidentScopeSql, type RowScope } from './incident-scope.ts'

const UNIT_WORK = sql.raw(`(${UNIT_WORK_STATES.map((s) => `'${s}'`).join(', ')})`)

/**
 * The callbacks (回访) the seats owe, for the dispatch desk's "待回访" list: packages/shared `callbackTask` said
 * in SQL over the candidates' event logs, so the list, its count and its pages come from ONE statement instead
 * of reading every incident's log into the API. The two must agree (apps/api/test/dispatch-callbacks.test.ts
 * compares them on every incident it makes):
 * - in the unit's hands (dispatched, accepted, on_site): the worker's latest `callbackDue` (R10) is after the
 *   last dispatch / redispatch and after the last `callback` — due since that `callbackDue`;
 * - closed, the reporter left a phone (one with a digit, as the masked number shows it): no `callback` with a
 *   satisfaction nor the reporter's own `rate` since the last closing (`closed_at`) — due since that closing.
 *   The latest satisfaction is kept on the incident by a trigger on the log (satisfaction_at, migration 0021), so
 *   the closed reports still owed come from a partial index, not a probe of every closed report's log.
 * Candidates come by the `state` index; their logs are read through (incident_id, id). Order: R10 checks first
 * (urgent hazards, the escalation chain runs on them; a year of unanswered closed reports must not bury them),
 * then the longest owed, then the code — keyset-paged on that whole key, so a page never skips or repeats a row
 * while others are called back or fall due.
 */

/** Epoch milliseconds of a timestamp (truncated, as the API's ISO texts carry it). */
const ms = (e: SQL) => sql`floor(extract(epoch FROM ${e}) * 1000)::bigint`

export type OwedCallbackKind = 'r10' | 'progress' | 'satisfaction'

/** A position in the list: the sort key of the last row of a page (rank 0: R10, 1: the others). */
export interface OwedKey {
  rank: number
  dueMs: number
  code: string
}

export interface OwedCallbackRow {
  record: IncidentRecord
  kind: OwedCallbackKind
  /** When it fell due: the worker's `callbackDue`, or the closing. */
  dueAt: Date
  key: OwedKey
}

export interface OwedCallbackPage {
  rows: OwedCallbackRow[]
  /** Every callback owed in the scope, and the R10 ones among them. */
  total: number
  r10: number
}

/**
 * Up to `limit` owed callbacks after `after` (from the start without it), R10 first, then the longest owed,
 * with the counts of all of them (also when `limit` is 0).
 */
export async function listOwedCallbacks(
  database: Database,
  f: { scope?: RowScope; after?: OwedKey; limit: number },
): Promise<OwedCallbackPage> {
  const after = f.after
    ? sql`WHERE (o.rank, o.due_ms, o.code COLLATE "C") > (${f.after.rank}::int, ${f.after.dueMs}::bigint, ${f.after.code} COLLATE "C")`
    : sql``
  const scope = f.scope ? incidentScopeSql(f.scope) : sql`true`
  const rows = await database.rows<Record<string, unknown>>(sql`
    WITH owed AS (
      SELECT i.id, i.code, CASE WHEN i.track = 'urgent' THEN 'r10' ELSE 'progress' END AS kind, ev.due_at
      FROM incident i
      CROSS JOIN LATERAL (
        SELECT
          max(e.id) FILTER (WHERE e.action IN ('dispatch', 'redispatch')) AS dispatched,
          max(e.id) FILTER (WHERE e.action = 'callbackDue') AS due_id,
          max(e.at) FILTER (WHERE e.action = 'callbackDue') AS due_at,
          max(e.id) FILTER (WHERE e.action = 'callback') AS called
        FROM incident_event e WHERE e.incident_id = i.id
      ) ev
      WHERE i.state IN ${UNIT_WORK} AND ${scope}
        AND ev.due_id > coalesce(ev.dispatched, 0) AND ev.due_id > coalesce(ev.called, 0)
      UNION ALL
      -- closed_at is the time of the last closing (a reopen clears it); satisfaction_at the latest satisfaction
      -- heard (kept from the log by a trigger, migration 0021). The condition is the partial index's predicate.
      SELECT i.id, i.code, 'satisfaction', i.closed_at
      FROM incident i
      WHERE i.state = 'closed' AND i.reporter_phone ~ '[0-9+]' AND (i.satisfaction_at IS NULL OR i.satisfaction_at < i.closed_at)
        AND ${scope}
    ), keyed AS (
      SELECT owed.*, (CASE WHEN owed.kind = 'r10' THEN 0 ELSE 1 END) AS rank, ${ms(sql`owed.due_at`)} AS due_ms FROM owed
    ), counts AS (
      SELECT count(*)::int AS total, count(*) FILTER (WHERE kind = 'r10')::int AS r10 FROM keyed
    ), page AS (
      SELECT o.id AS owed_id, o.kind AS "owedKind", o.rank, o.due_ms, o.code AS owed_code FROM keyed o ${after}
      ORDER BY o.rank, o.due_ms, o.code COLLATE "C" LIMIT ${f.limit}
    )
    SELECT c.total, c.r10, pg."owedKind", pg.due_ms::text AS "owedDueMs", ${INCIDENT_COLUMNS}
    FROM counts c
    LEFT JOIN page pg ON true
    LEFT JOIN incident i ON i.id = pg.owed_id
    LEFT JOIN incident p ON p.id = i.primary_id
    ORDER BY pg.rank, pg.due_ms, pg.owed_code COLLATE "C"`)
  const first = rows[0]
  return {
    total: Number(first?.total ?? 0),
    r10: Number(first?.r10 ?? 0),
    rows: rows
      .filter((r) => r.id !== null && r.id !== undefined)
      .map((r) => {
        const dueMs = Number(r.owedDueMs)
        const kind = r.owedKind as OwedCallbackKind
        return {
          record: toRecord(r),
          kind,
          dueAt: new Date(dueMs),
          key: { rank: kind === 'r10' ? 0 : 1, dueMs, code: String(r.code) },
        }
      }),
  }
}
