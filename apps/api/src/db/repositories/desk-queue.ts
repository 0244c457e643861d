import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../types.ts'
import { FROM_INCIDENT, INCIDENT_COLUMNS, toRecord, type IncidentRecord } from './incident-rows.ts'
import { incidentScopeSql, type RowScope } from './incident-scope.ts'

/**
 * The dispatch desk's queue (order in packages/shared/src/desk/queue.ts), keyset-paged on the
 * whole sort key — (rank, next deadline, intake time, code) — so a page never skips or repeats an incident while
 * others arrive or change. Waiting incidents are few (the `state` index finds them); the sort runs on those only.
 */

/** Epoch milliseconds of a timestamp (truncated, as the API's ISO texts and the browser's Date.parse see it). */
const ms = (e: SQL) => sql`floor(extract(epoch FROM ${e}) * 1000)::bigint`

/** "No deadline" sorts after every deadline: a number above any JS date. */
export const NO_DUE = Number.MAX_SAFE_INTEGER

const RANK = sql`(CASE WHEN i.track = 'urgent' OR i.safety_hazard THEN 0 WHEN i.state = 'returned' THEN 1 ELSE 2 END)`
const DUE = sql`coalesce(${ms(sql`coalesce(i.dispatch_by, i.ownership_by, i.resolve_by)`)}, ${NO_DUE}::bigint)`
const CREATED = ms(sql`i.created_at`)
const CODE = sql`(i.code COLLATE "C")`

/** A position in the queue: the sort key of the last row of a page. */
export interface DeskKey {
  rank: number
  dueMs: number
  createdMs: number
  code: string
}

export interface DeskFilter {
  states: readonly string[]
  scope?: RowScope
}

function where(f: DeskFilter): SQL {
  const parts: SQL[] = [
    sql`i.state IN (${sql.join(
      f.states.map((s) => sql`${s}`),
      sql`, `,
    )})`,
  ]
  if (f.scope) parts.push(incidentScopeSql(f.scope))
  return sql.join(parts, sql` AND `)
}

/** Up to `limit` waiting incidents after `after` (from the start without it), in queue order, each with its key. */
export async function listDeskQueue(
  database: Database,
  f: DeskFilter & { after?: DeskKey; limit: number },
): Promise<{ record: IncidentRecord; key: DeskKey }[]> {
  const after = f.after
    ? sql` AND (${RANK}, ${DUE}, ${CREATED}, ${CODE}) > (${f.after.rank}::int, ${f.after.dueMs}::bigint, ${f.after.createdMs}::bigint, ${f.after.code} COLLATE "C")`
    : sql``
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT ${INCIDENT_COLUMNS}, ${RANK} AS "deskRank", ${DUE}::text AS "deskDue", ${CREATED}::text AS "deskCreated"
    ${FROM_INCIDENT}
    WHERE ${where(f)}${after}
    ORDER BY ${RANK}, ${DUE}, ${CREATED}, ${CODE}
    LIMIT ${f.limit}`)
  return rows.map((r) => ({
    record: toRecord(r),
    key: { rank: Number(r.deskRank), dueMs: Number(r.deskDue), createdMs: Number(r.deskCreated), code: String(r.code) },
  }))
}

/** How many incidents wait, and how many of them are urgent (rank 0). */
export async function countDeskQueue(database: Database, f: DeskFilter): Promise<{ total: number; urgent: number }> {
  const [r] = await database.rows<{ total: unknown; urgent: unknown }>(sql`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE i.track = 'urgent' OR i.safety_hazard)::int AS urgent
    FROM incident i WHERE ${where(f)}`)
  return { total: Number(r?.total ?? 0), urgent: Number(r?.urgent ?? 0) }
}
