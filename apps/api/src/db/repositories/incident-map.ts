import { INCIDENT_STATES, OPEN_STATES, type Bbox, type MapPoint } from '@hanjiang/shared'
import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../types.ts'

/**
 * The incident map's reads: what one map view needs, never the table. Zoomed out, incidents are
 * aggregated into grid cells in ONE statement; zoomed in, the view's incidents come as points (capped).
 */

export interface MapFilter {
  bbox: Bbox
  /** Validated state names (the route checks them against INCIDENT_STATES). */
  states?: readonly string[]
  /** A 2-, 4- or 6-digit class code: the fine class starts with it. */
  classCode?: string
  unitCode?: string
  streetCode?: string
  /** created_at ≥ from, < to. */
  from?: Date
  to?: Date
  /** Row scope of the caller (a handler: their unit; an inspector: their areas); absent = everything. */
  scope?: { unitCodes: readonly string[]; areaPrefixes: readonly string[] } | null
}

export interface ClusterRow {
  gx: number
  gy: number
  count: number
  lng: number
  lat: number
  /** Counts per state, in INCIDENT_STATES order. */
  byState: number[]
  urgent: number
  overdue: number
  /** The incident, when the cell holds exactly one. */
  single: PointRow | null
}

/** A point row is the map contract's point (packages/shared incident-map/view.ts). */
export type PointRow = MapPoint

const OPEN = sql.raw(`(${OPEN_STATES.map((s) => `'${s}'`).join(',')})`)
/** An open incident (of alias `i`): overdue and urgent marks count only while it is open. */
export const isOpen = sql`i.state IN ${OPEN}`

/** Trusted numbers inlined as float8 literals (both drivers then agree on the arithmetic). */
const num = (x: number): SQL => {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`)
  return sql.raw(`${x}::float8`)
}

/** The map's filter and row scope as one WHERE condition on `incident i` (the JSON map and the vector tiles share it). */
export function where(f: MapFilter): SQL {
  const [w, s, e, n] = f.bbox
  const parts: SQL[] = [sql`i.location && ST_MakeEnvelope(${num(w)}, ${num(s)}, ${num(e)}, ${num(n)}, 4326)`]
  if (f.states?.length) {
    const known = f.states.filter((x) => (INCIDENT_STATES as readonly string[]).includes(x))
    // Literals, not parameters: the planner then proves the open-incident partial index applies.
    parts.push(sql.raw(`i.state IN (${known.map((x) => `'${x}'`).join(',') || 'NULL'})`))
  }
  if (f.classCode) parts.push(sql`i.fine_class LIKE ${`${f.classCode}%`}`)
  if (f.unitCode) parts.push(sql`i.unit_code = ${f.unitCode}`)
  if (f.streetCode) parts.push(sql`i.street_code = ${f.streetCode}`)
  if (f.from) parts.push(sql`i.created_at >= ${f.from.toISOString()}::timestamptz`)
  if (f.to) parts.push(sql`i.created_at < ${f.to.toISOString()}::timestamptz`)
  if (f.scope) {
    const any: SQL[] = []
    for (const u of f.scope.unitCodes) any.push(sql`i.unit_code = ${u}`)
    for (const p of f.scope.areaPrefixes) any.push(sql`i.grid_code LIKE ${`${p}%`}`)
    parts.push(any.length ? sql`(${sql.join(any, sql` OR `)})` : sql`false`)
  }
  return sql.join(parts, sql` AND `)
}

const n = (v: unknown): number => Number(v ?? 0)
const bool = (v: unknown): boolean => v === true || v === 't'

/**
 * Incidents in the box aggregated into `dx` × `dy` degree cells, in ONE statement: per cell the count, the
 * counts by state, urgent and overdue open incidents, the centroid, and the incident itself when it is alone.
 */
export async function incidentClusters(database: Database, f: MapFilter, cell: { dx: number; dy: number }): Promise<ClusterRow[]> {
  const byState = sql.raw(INCIDENT_STATES.map((s) => `count(*) FILTER (WHERE state = '${s}')`).join(', '))
  // One bigint cell key (not two columns) and OFFSET 0: the planner then estimates few groups and hashes them;
  // with (gx, gy) it expects one group per row and sorts all of them first (2–3× slower at 100k rows).
  const rows = await database.rows(sql`
    SELECT min(gx) AS gx, min(gy) AS gy, count(*) AS n, avg(x) AS lng, avg(y) AS lat,
      ARRAY[${byState}] AS by_state,
      count(*) FILTER (WHERE urgent) AS urgent, count(*) FILTER (WHERE overdue) AS overdue,
      CASE WHEN count(*) = 1 THEN min(code) END AS code, min(state) AS state,
      min(track) AS track, min(fine_class) AS fine_class, min(unit_code) AS unit_code
    FROM (
      SELECT c.gx, c.gy, c.gx * 4194304 + c.gy AS k, p.x, p.y, i.code, i.state, i.track, i.fine_class, i.unit_code,
        (i.track = 'urgent' AND ${isOpen}) AS urgent, (i.overdue_at IS NOT NULL AND ${isOpen}) AS overdue
      FROM incident i
      CROSS JOIN LATERAL (SELECT ST_X(i.location) AS x, ST_Y(i.location) AS y) p
      CROSS JOIN LATERAL (SELECT floor(p.x / ${num(cell.dx)})::bigint AS gx, floor(p.y / ${num(cell.dy)})::bigint AS gy) c
      WHERE ${where(f)}
      OFFSET 0
    ) q
    GROUP BY k`)
  return rows.map((r) => {
    const count = n(r.n)
    const lng = n(r.lng)
    const lat = n(r.lat)
    const overdue = n(r.overdue)
    return {
      gx: n(r.gx),
      gy: n(r.gy),
      count,
      lng,
      lat,
      byState: parseIntArray(r.by_state),
      urgent: n(r.urgent),
      overdue,
      single:
        count === 1 && r.code
          ? {
              code: String(r.code),
              lng,
              lat,
              state: String(r.state),
              track: String(r.track),
              overdue: overdue > 0,
              fineClass: (r.fine_class as string | null) ?? null,
              unitCode: (r.unit_code as string | null) ?? null,
            }
          : null,
    }
  })
}

/** The incidents in the box, newest first, at most `limit`. */
export async function incidentPoints(database: Database, f: MapFilter, limit: number): Promise<PointRow[]> {
  const rows = await database.rows(sql`
    SELECT i.code, ST_X(i.location) AS lng, ST_Y(i.location) AS lat, i.state, i.track,
      (i.overdue_at IS NOT NULL AND ${isOpen}) AS overdue, i.fine_class AS "fineClass", i.unit_code AS "unitCode"
    FROM incident i
    WHERE ${where(f)}
    ORDER BY i.id DESC
    LIMIT ${limit}`)
  return rows.map((r) => ({
    code: String(r.code),
    lng: n(r.lng),
    lat: n(r.lat),
    state: String(r.state),
    track: String(r.track),
    overdue: bool(r.overdue),
    fineClass: (r.fineClass as string | null) ?? null,
    unitCode: (r.unitCode as string | null) ?? null,
  }))
}

/** postgres.js gives arrays; PGlite may give arrays or the text form `{1,2}`. Counts come as strings (bigint). */
function parseIntArray(v: unknown): number[] {
  if (Array.isArray(v)) return v.map(Number)
  if (typeof v === 'string') return v.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number)
  return []
}
