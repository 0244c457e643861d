import { formatShanghai } from '@hanjiang/shared'
import { sql } from 'drizzle-orm'
import type { Database } from '../types.ts'
import { incidentScopeSql, type RowScope } from './incident-scope.ts'

/** The live event stream's reads (docs/DOMAIN.md §8): event-log rows joined with their incident's summary. */

/** One line of the live stream: the event plus what a wall display needs of its incident (current). */
export interface IncidentEventSummary {
  id: number
  incidentId: number
  code: string
  action: string
  fromState: string | null
  toState: string | null
  /** Asia/Shanghai, ISO-8601 with +08:00. */
  at: string
  /** The incident's state now (may be ahead of `toState` when read late). */
  state: string
  unitCode: string | null
  streetCode: string | null
  /** The incident's most precise region code (grid, else community, else street): row scoping of the stream. */
  regionCode: string | null
  fineClass: string | null
  track: string
}

const SUMMARY = sql`
  SELECT e.id, e.incident_id AS "incidentId", i.code, e.action, e.from_state AS "fromState", e.to_state AS "toState",
         to_json(e.at) #>> '{}' AS at, i.state, i.unit_code AS "unitCode", i.street_code AS "streetCode",
         coalesce(i.grid_code, i.community_code, i.street_code) AS "regionCode", i.fine_class AS "fineClass", i.track
  FROM incident_event e JOIN incident i ON i.id = e.incident_id`

function toSummary(r: Record<string, unknown>): IncidentEventSummary {
  return {
    id: Number(r.id),
    incidentId: Number(r.incidentId),
    code: String(r.code),
    action: String(r.action),
    fromState: (r.fromState as string | null) ?? null,
    toState: (r.toState as string | null) ?? null,
    at: formatShanghai(new Date(String(r.at))),
    state: String(r.state),
    unitCode: (r.unitCode as string | null) ?? null,
    streetCode: (r.streetCode as string | null) ?? null,
    regionCode: (r.regionCode as string | null) ?? null,
    fineClass: (r.fineClass as string | null) ?? null,
    track: String(r.track),
  }
}

/** The newest event id (0 for an empty log). */
export async function maxEventId(database: Database): Promise<number> {
  const [r] = await database.rows<{ id: string | number | null }>(sql`SELECT max(id) AS id FROM incident_event`)
  return r?.id === null || r?.id === undefined ? 0 : Number(r.id)
}

/** Ids after `afterId`, oldest first: what the event bus has not seen yet. */
export async function eventIdsAfter(database: Database, afterId: number, limit: number): Promise<number[]> {
  const rows = await database.rows<{ id: string | number }>(
    sql`SELECT id FROM incident_event WHERE id > ${afterId} ORDER BY id LIMIT ${limit}`,
  )
  return rows.map((r) => Number(r.id))
}

/** Summaries of these events, in id order (ids not found are left out). */
export async function eventSummaries(database: Database, ids: readonly number[]): Promise<IncidentEventSummary[]> {
  if (!ids.length) return []
  const list = `{${ids.map((id) => Math.trunc(id)).join(',')}}`
  const rows = await database.rows(sql`${SUMMARY} WHERE e.id = ANY(${list}::bigint[]) ORDER BY e.id`)
  return rows.map(toSummary)
}

/** Summaries with `afterId < id <= upTo`, in id order, at most `limit`. */
export async function eventSummariesBetween(
  database: Database,
  afterId: number,
  upTo: number,
  limit: number,
  scope: RowScope = null,
): Promise<IncidentEventSummary[]> {
  const rows = await database.rows(
    sql`${SUMMARY} WHERE e.id > ${afterId} AND e.id <= ${upTo} AND ${incidentScopeSql(scope)} ORDER BY e.id LIMIT ${limit}`,
  )
  return rows.map(toSummary)
}
