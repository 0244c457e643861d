import { sql, type SQL } from 'drizzle-orm'
import type { AnalyticsDrillRow, AnalyticsFilter, ChoroplethLevel } from '@hanjiang/shared/analytics/index'
import type { Database } from '../types.ts'
import { dayExpr, fromSql, measuresOf, measuresSql, whereSql, type Group, type MeasureRow, type Source } from './analytics.ts'
import type { RowScope } from './incident-scope.ts'

/** The SQL behind each analytics view (docs/ANALYTICS.md "What comes from where"); one statement each. */

export interface RegionMeasures extends Group {
  code: string
  name: string
  areaKm2: number
}

/** Every current region of a level (inside the street/community filter) with its measures (zeros where none). */
export async function choroplethRows(database: Database, f: AnalyticsFilter, scope: RowScope, level: ChoroplethLevel, source: Source = 'rollup'): Promise<RegionMeasures[]> {
  const col = sql.raw(level === 'street' ? 'street_code' : level === 'community' ? 'community_code' : 'grid_code')
  const within = f.gridCode ? sql`r.code LIKE ${`${f.gridCode.slice(0, 12)}%`}`
    : f.communityCode ? sql`r.code LIKE ${`${f.communityCode}%`}` : f.streetCode ? sql`r.code LIKE ${`${f.streetCode.slice(0, 9)}%`}` : sql`true`
  const rows = await database.rows<MeasureRow>(sql`
    WITH m AS (
      SELECT i.${col} AS code, ${measuresSql(source)} FROM ${fromSql(source)}
      WHERE ${whereSql(f, scope, source)} AND i.${col} IS NOT NULL GROUP BY 1
    )
    SELECT r.code, r.name, (ST_Area(r.geom::geography) / 1e6)::float8 AS area_km2, m.*
    FROM region r LEFT JOIN m ON m.code = r.code
    WHERE r.level = ${level} AND r.valid_to IS NULL AND ${within}
    ORDER BY r.code`)
  return rows.map((r) => ({ key: String(r.code), code: String(r.code), name: String(r.name), areaKm2: Number(r.area_km2), ...measuresOf(r) }))
}

/** Does the bbox meet the district at all? */
export async function bboxMeetsDistrict(database: Database, bbox: readonly [number, number, number, number]): Promise<boolean> {
  const [w, s, e, n] = bbox
  const [r] = await database.rows<{ ok: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM region WHERE level = 'district' AND valid_to IS NULL
    AND geom && ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)) AS ok`)
  return r?.ok === true
}

export interface Bin {
  lng: number
  lat: number
  count: number
  overdue: number
  urgent: number
}

/** Incident locations binned on a square grid of `cell` degrees inside the bbox: a bin's point is the mean location. */
export async function heatBins(database: Database, f: AnalyticsFilter, scope: RowScope, bbox: readonly [number, number, number, number], cell: number): Promise<Bin[]> {
  const [w, s, e, n] = bbox
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT avg(ST_X(i.location))::float8 AS lng, avg(ST_Y(i.location))::float8 AS lat, count(*)::int AS count,
      count(*) FILTER (WHERE i.overdue_at IS NOT NULL)::int AS overdue, count(*) FILTER (WHERE i.track = 'urgent')::int AS urgent
    FROM incident i
    WHERE ${whereSql(f, scope, 'raw')} AND i.location && ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)
    GROUP BY floor(ST_X(i.location) / ${cell}), floor(ST_Y(i.location) / ${cell})`)
  return rows.map((r) => ({ lng: Number(r.lng), lat: Number(r.lat), count: Number(r.count), overdue: Number(r.overdue), urgent: Number(r.urgent) }))
}

/** Locations snapped to `snap` degrees with their counts (hex bins assign each snapped point to its H3 cell). */
export async function snappedPoints(database: Database, f: AnalyticsFilter, scope: RowScope, snap: number, periods?: { days: number; count: number }): Promise<(Bin & { period: number })[]> {
  // With periods: period 0 is the filter's range, 1… the equal-length ranges before it (emerging hot spots).
  const period = periods ? sql`floor((${f.toDay}::date - ${dayExpr('raw')}) / ${periods.days})::int` : sql`0`
  const g = periods ? { ...f, fromDay: shiftDay(f.toDay, -(periods.days * periods.count) + 1) } : f
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT ${period} AS period, (round(ST_X(i.location) / ${snap}) * ${snap})::float8 AS lng, (round(ST_Y(i.location) / ${snap}) * ${snap})::float8 AS lat,
      count(*)::int AS count, count(*) FILTER (WHERE i.overdue_at IS NOT NULL)::int AS overdue,
      count(*) FILTER (WHERE i.track = 'urgent')::int AS urgent
    FROM incident i
    WHERE ${whereSql(g, scope, 'raw')} AND i.location IS NOT NULL
    GROUP BY 1, 2, 3`)
  return rows.map((r) => ({ period: Number(r.period), lng: Number(r.lng), lat: Number(r.lat), count: Number(r.count), overdue: Number(r.overdue), urgent: Number(r.urgent) }))
}

export function shiftDay(day: string, days: number): string {
  const t = new Date(`${day}T00:00:00Z`)
  t.setUTCDate(t.getUTCDate() + days)
  return t.toISOString().slice(0, 10)
}

/** Every current grid's point on surface with its counts in the current period and the `count - 1` before it. */
export async function gridPeriodCounts(database: Database, f: AnalyticsFilter, scope: RowScope, periodDays: number, count: number, source: Source = 'rollup'): Promise<{ code: string; name: string; lng: number; lat: number; counts: number[] }[]> {
  const g = { ...f, fromDay: shiftDay(f.toDay, -(periodDays * count) + 1) }
  const rows = await database.rows<Record<string, unknown>>(sql`
    WITH m AS (
      SELECT i.grid_code AS code, floor((${f.toDay}::date - ${dayExpr(source)}) / ${periodDays})::int AS period,
        ${source === 'rollup' ? sql`sum(i.n)::int` : sql`count(*)::int`} AS n
      FROM ${fromSql(source)} WHERE ${whereSql(g, scope, source)} AND i.grid_code IS NOT NULL GROUP BY 1, 2
    )
    , per_grid AS (SELECT code, json_agg(json_build_array(period, n)) AS counts FROM m GROUP BY code)
    SELECT r.code, r.name, ST_X(p.pt)::float8 AS lng, ST_Y(p.pt)::float8 AS lat, coalesce(pg.counts, '[]'::json) AS counts
    FROM region r CROSS JOIN LATERAL (SELECT ST_PointOnSurface(r.geom) AS pt) p LEFT JOIN per_grid pg ON pg.code = r.code
    WHERE r.level = 'grid' AND r.valid_to IS NULL ORDER BY r.code`)
  return rows.map((r) => {
    const counts = Array.from({ length: count }, () => 0)
    const list = (typeof r.counts === 'string' ? JSON.parse(r.counts) : r.counts) as [number, number][]
    for (const [p, n] of list) if (p >= 0 && p < count) counts[p] = n
    return { code: String(r.code), name: String(r.name), lng: Number(r.lng), lat: Number(r.lat), counts }
  })
}

/** The district's outline as GeoJSON (H3 cells covering it). */
export async function districtGeoJson(database: Database): Promise<GeoJSON.MultiPolygon | null> {
  const [r] = await database.rows<{ g: string }>(sql`SELECT ST_AsGeoJSON(ST_Union(geom), 6) AS g FROM region WHERE level = 'district' AND valid_to IS NULL`)
  return r?.g ? (JSON.parse(r.g) as GeoJSON.MultiPolygon) : null
}

/** Incidents per Shanghai weekday (1 = Monday) × hour. */
export async function hourWeekday(database: Database, f: AnalyticsFilter, scope: RowScope): Promise<{ dow: number; hour: number; count: number }[]> {
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT extract(isodow FROM i.created_at AT TIME ZONE 'Asia/Shanghai')::int AS dow,
      extract(hour FROM i.created_at AT TIME ZONE 'Asia/Shanghai')::int AS hour, count(*)::int AS count
    FROM incident i WHERE ${whereSql(f, scope, 'raw')} GROUP BY 1, 2 ORDER BY 1, 2`)
  return rows.map((r) => ({ dow: Number(r.dow), hour: Number(r.hour), count: Number(r.count) }))
}

/** What a drill-down narrows the filter to: the cell, hex, bin, bar or matrix square clicked. */
export type DrillCell =
  | { kind: 'region'; code: string }
  | { kind: 'unit'; code: string }
  | { kind: 'week'; monday: string }
  | { kind: 'day'; day: string }
  | { kind: 'hour'; dow: number; hour: number }
  | { kind: 'box'; bbox: readonly [number, number, number, number] }
  | { kind: 'polygon'; geojson: string; snap: number }

function cellSql(c: DrillCell | undefined): SQL {
  if (!c) return sql`true`
  switch (c.kind) {
    case 'region': return sql`i.grid_code = ${c.code} OR i.community_code = ${c.code} OR i.street_code = ${c.code}`
    case 'unit': return sql`i.unit_code = ${c.code}`
    case 'week': return sql`date_trunc('week', ${dayExpr('raw')})::date = ${c.monday}::date`
    case 'day': return sql`${dayExpr('raw')} = ${c.day}::date`
    case 'hour': return sql`extract(isodow FROM i.created_at AT TIME ZONE 'Asia/Shanghai') = ${c.dow} AND extract(hour FROM i.created_at AT TIME ZONE 'Asia/Shanghai') = ${c.hour}`
    case 'box': {
      const [w, s, e, n] = c.bbox
      return sql`ST_X(i.location) >= ${w} AND ST_X(i.location) < ${e} AND ST_Y(i.location) >= ${s} AND ST_Y(i.location) < ${n}`
    }
    case 'polygon':
      // The same snapped point the hex count used, so the list holds exactly the counted incidents.
      return sql`ST_Intersects(ST_GeomFromGeoJSON(${c.geojson}), ST_SetSRID(ST_MakePoint(round(ST_X(i.location) / ${c.snap}) * ${c.snap}, round(ST_Y(i.location) / ${c.snap}) * ${c.snap}), 4326))`
  }
}

export type DrillRow = AnalyticsDrillRow

/** The incidents behind a number, newest first, with the total. */
export async function drillIncidents(database: Database, f: AnalyticsFilter, scope: RowScope, cell: DrillCell | undefined, offset: number, limit: number): Promise<{ total: number; items: DrillRow[] }> {
  const rows = await database.rows<Record<string, unknown>>(sql`
    WITH sel AS (SELECT i.* FROM incident i WHERE ${whereSql(f, scope, 'raw')} AND (${cellSql(cell)}))
    SELECT (SELECT count(*)::int FROM sel) AS total, s.code, s.state, s.fine_class, t.name AS class_name, s.unit_code, u.name AS unit_name,
      s.address, to_char(s.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS created_at,
      s.overdue_at IS NOT NULL AS overdue, s.track = 'urgent' AS urgent
    FROM (SELECT * FROM sel ORDER BY created_at DESC, id DESC OFFSET ${offset} LIMIT ${limit}) s
    LEFT JOIN taxonomy_class t ON t.code = s.fine_class LEFT JOIN unit u ON u.code = s.unit_code
    ORDER BY s.created_at DESC, s.id DESC`)
  let total = Number(rows[0]?.total ?? 0)
  if (!rows.length && offset > 0) {
    const [c] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM incident i WHERE ${whereSql(f, scope, 'raw')} AND (${cellSql(cell)})`)
    total = Number(c?.n ?? 0)
  }
  return {
    total,
    items: rows.map((r) => ({
      code: String(r.code), state: String(r.state), fineClass: (r.fine_class as string) ?? null, className: (r.class_name as string) ?? null,
      unitCode: (r.unit_code as string) ?? null, unitName: (r.unit_name as string) ?? null, address: (r.address as string) ?? null,
      createdAt: String(r.created_at), overdue: r.overdue === true, urgent: r.urgent === true,
    })),
  }
}
