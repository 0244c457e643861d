import { sql, type SQL } from 'drizzle-orm'
import type { AnalyticsFilter, AnalyticsMeasures } from '@hanjiang/shared/analytics/index'
import type { Database } from '../types.ts'
import { incidentScopeSql, type RowScope } from './incident-scope.ts'

/**
 * Analytics SQL (docs/ANALYTICS.md). Counts come from `incident_rollup` (kept exact by a trigger on incident,
 * migration 0026) or — for what needs a location or an hour, and as the baseline of the benchmark and the
 * agreement test — from the incident table itself. Both sources answer with the same measures.
 */
export type Source = 'rollup' | 'raw'

/** The rollup with its '' placeholders turned back into NULLs, so the incident scope SQL applies unchanged. */
const ROLLUP = sql.raw(`(SELECT day, nullif(street_code, '') AS street_code, nullif(community_code, '') AS community_code,
  nullif(grid_code, '') AS grid_code, nullif(fine_class, '') AS fine_class, nullif(unit_code, '') AS unit_code, channel,
  request_type, track, state, overdue, n, handled_n, handling_minutes, rework_n, satisfied_n, basically_satisfied_n,
  not_satisfied_n FROM incident_rollup)`)

export const fromSql = (source: Source): SQL => (source === 'rollup' ? sql`${ROLLUP} i` : sql`incident i`)

/** The Shanghai reporting day of a row. */
export const dayExpr = (source: Source): SQL =>
  source === 'rollup' ? sql`i.day` : sql`(i.created_at AT TIME ZONE 'Asia/Shanghai')::date`

const inList = (col: SQL, values: readonly string[]): SQL => sql`${col} IN (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`

/** The filter and the caller's scope as one WHERE condition. */
export function whereSql(f: AnalyticsFilter, scope: RowScope, source: Source): SQL {
  const c: SQL[] = [incidentScopeSql(scope, 'i')]
  if (source === 'rollup') {
    c.push(sql`i.day >= ${f.fromDay}::date AND i.day <= ${f.toDay}::date`)
  } else {
    // Instants, so the created_at index serves the range.
    c.push(sql`i.created_at >= (${f.fromDay}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`)
    c.push(sql`i.created_at < (${f.toDay}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`)
  }
  if (f.classCode) c.push(f.classCode.length === 6 ? sql`i.fine_class = ${f.classCode}` : sql`i.fine_class LIKE ${`${f.classCode}%`}`)
  if (f.unitCode) c.push(sql`i.unit_code = ${f.unitCode}`)
  if (f.streetCode) c.push(sql`i.street_code = ${f.streetCode}`)
  if (f.communityCode) c.push(sql`i.community_code = ${f.communityCode}`)
  if (f.gridCode) c.push(sql`i.grid_code = ${f.gridCode}`)
  if (f.channels?.length) c.push(inList(sql`i.channel`, f.channels))
  if (f.requestTypes?.length) c.push(inList(sql`i.request_type`, f.requestTypes))
  if (f.states?.length) c.push(inList(sql`i.state`, f.states))
  const overdue = source === 'rollup' ? sql`i.overdue` : sql`(i.overdue_at IS NOT NULL)`
  if (f.overdue !== undefined) c.push(f.overdue ? overdue : sql`NOT ${overdue}`)
  if (f.urgent !== undefined) c.push(f.urgent ? sql`i.track = 'urgent'` : sql`i.track <> 'urgent'`)
  return sql.join(c, sql` AND `)
}

/** The measures as SELECT columns (aliases m_*). */
export function measuresSql(source: Source): SQL {
  if (source === 'rollup') {
    return sql`coalesce(sum(i.n), 0)::int AS m_count, coalesce(sum(i.n) FILTER (WHERE i.overdue), 0)::int AS m_overdue,
      coalesce(sum(i.n) FILTER (WHERE i.track = 'urgent'), 0)::int AS m_urgent,
      coalesce(sum(i.n) FILTER (WHERE i.state = 'closed'), 0)::int AS m_closed, coalesce(sum(i.handled_n), 0)::int AS m_handled,
      coalesce(sum(i.handling_minutes), 0)::float8 AS m_handling_minutes, coalesce(sum(i.rework_n), 0)::int AS m_rework,
      coalesce(sum(i.satisfied_n), 0)::int AS m_satisfied, coalesce(sum(i.basically_satisfied_n), 0)::int AS m_basically_satisfied,
      coalesce(sum(i.not_satisfied_n), 0)::int AS m_not_satisfied`
  }
  return sql`count(*)::int AS m_count, count(*) FILTER (WHERE i.overdue_at IS NOT NULL)::int AS m_overdue,
    count(*) FILTER (WHERE i.track = 'urgent')::int AS m_urgent, count(*) FILTER (WHERE i.state = 'closed')::int AS m_closed,
    count(*) FILTER (WHERE i.dispatched_at IS NOT NULL AND i.resolved_at IS NOT NULL)::int AS m_handled,
    coalesce(sum(working_minutes_between(i.dispatched_at, i.resolved_at)) FILTER (WHERE i.dispatched_at IS NOT NULL AND i.resolved_at IS NOT NULL), 0)::float8 AS m_handling_minutes,
    count(*) FILTER (WHERE i.rework_count > 0)::int AS m_rework, count(*) FILTER (WHERE i.satisfaction = 'satisfied')::int AS m_satisfied,
    count(*) FILTER (WHERE i.satisfaction = 'basically_satisfied')::int AS m_basically_satisfied,
    count(*) FILTER (WHERE i.satisfaction = 'not_satisfied')::int AS m_not_satisfied`
}

export type MeasureRow = Record<string, unknown>
export function measuresOf(r: MeasureRow): AnalyticsMeasures {
  return {
    count: Number(r.m_count ?? 0),
    overdue: Number(r.m_overdue ?? 0),
    urgent: Number(r.m_urgent ?? 0),
    closed: Number(r.m_closed ?? 0),
    handled: Number(r.m_handled ?? 0),
    handlingMinutes: Number(r.m_handling_minutes ?? 0),
    rework: Number(r.m_rework ?? 0),
    satisfied: Number(r.m_satisfied ?? 0),
    basicallySatisfied: Number(r.m_basically_satisfied ?? 0),
    notSatisfied: Number(r.m_not_satisfied ?? 0),
  }
}

export type GroupBy = 'none' | 'street' | 'community' | 'grid' | 'unit' | 'fineClass' | 'channel' | 'requestType' | 'state' | 'day' | 'week'

function keyExpr(by: GroupBy, source: Source): SQL {
  switch (by) {
    case 'none': return sql`''`
    case 'street': return sql`i.street_code`
    case 'community': return sql`i.community_code`
    case 'grid': return sql`i.grid_code`
    case 'unit': return sql`i.unit_code`
    case 'fineClass': return sql`i.fine_class`
    case 'channel': return sql`i.channel`
    case 'requestType': return sql`i.request_type`
    case 'state': return sql`i.state`
    case 'day': return sql`to_char(${dayExpr(source)}, 'YYYY-MM-DD')`
    // ISO weeks (Monday first), named by their Monday.
    case 'week': return sql`to_char(date_trunc('week', ${dayExpr(source)})::date, 'YYYY-MM-DD')`
  }
}

export interface Group extends AnalyticsMeasures {
  key: string | null
}

/** The measures per group for a filter and scope, from the rollup or from the incident table. One statement. */
export async function aggregate(database: Database, f: AnalyticsFilter, scope: RowScope, by: GroupBy, source: Source): Promise<Group[]> {
  const key = keyExpr(by, source)
  const rows = await database.rows<MeasureRow>(sql`
    SELECT ${key} AS k, ${measuresSql(source)}
    FROM ${fromSql(source)}
    WHERE ${whereSql(f, scope, source)}
    GROUP BY 1 ORDER BY 1`)
  return rows.map((r) => ({ key: r.k == null ? null : String(r.k), ...measuresOf(r) }))
}

/** Rebuilds the rollup from the incident table (the trigger keeps it exact; this repairs after calendar edits). */
export async function rebuildRollup(database: Database): Promise<number> {
  const [r] = await database.rows<{ n: number }>(sql`SELECT incident_rollup_rebuild() AS n`)
  return Number(r?.n ?? 0)
}

/**
 * Which of the given codes do not exist (class in the taxonomy, unit, regions at their level), one statement.
 * Returns the names of the parameters whose code is unknown.
 */
export async function unknownCodes(database: Database, f: AnalyticsFilter): Promise<string[]> {
  const [r] = await database.rows<Record<string, boolean>>(sql`SELECT
    ${f.classCode ?? null}::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM taxonomy_class WHERE code = ${f.classCode ?? null}) AS class,
    ${f.unitCode ?? null}::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unit WHERE code = ${f.unitCode ?? null}) AS unit,
    ${f.streetCode ?? null}::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM region WHERE code = ${f.streetCode ?? null} AND level = 'street') AS street,
    ${f.communityCode ?? null}::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM region WHERE code = ${f.communityCode ?? null} AND level = 'community') AS community,
    ${f.gridCode ?? null}::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM region WHERE code = ${f.gridCode ?? null} AND level = 'grid') AS grid`)
  return Object.entries(r ?? {}).filter(([, bad]) => bad === true).map(([k]) => k)
}
