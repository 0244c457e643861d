import { sql } from 'drizzle-orm'
import type { RegionLevel } from '@hanjiang/shared'
import type { AppDb, Database } from '../types.ts'
import { validAt } from './regions.ts'

export interface LookupPoint {
  /** WGS84. */
  lng: number
  lat: number
  /** Fine-class code, used to pick the responsibility areas worth returning. */
  fineClass: string | null
}

export interface FoundRegion {
  id: number
  code: string
  name: string
  version: number
}

export interface SpatialMatches {
  regions: Partial<Record<'street' | 'community' | 'grid', FoundRegion>>
  areas: (
    | { areaId: number; name: string; unitCode: string; classCode: string; geometryKind: 'polygon'; areaM2: number }
    | { areaId: number; name: string; unitCode: string; classCode: string; geometryKind: 'line'; distanceM: number; bufferM: number }
  )[]
  /** Per level, the nearest other region within the threshold (a point on a shared edge: distance 0). */
  neighbours: { level: RegionLevel; code: string; name: string; distanceM: number }[]
}

/** One row of the lookup: a region piece near a point (`r`) or a responsibility area that takes it (`a`). */
interface MatchRow extends Record<string, unknown> {
  i: number
  k: 'r' | 'a'
  /** Region level, or the area's geometry kind. */
  kind: string
  id: number
  /** Region code, or the area's unit. */
  code: string
  name: string
  version: number | null
  cov: boolean | null
  d: number | null
  class_code: string | null
  buffer_m: number | null
  area_m2: number | null
}

/**
 * Everything the decision procedure needs for a batch of points, in ONE statement of flat rows:
 * region pieces near each point (region_piece: regions cut to ≤ 16 vertices, each piece carrying its region's
 * code, name and validity, so no join back to `region`) with whether the piece covers the point and, if not,
 * its distance in metres when within `nearM` (local tangent plane, see below); and the responsibility areas for the point's class (polygons by
 * ST_Covers on their pieces, lines by ST_DWithin on geography within their buffer). The rows are folded per
 * point here: a region covers a point when one of its pieces does, its distance is the least over its pieces.
 */
export async function spatialMatches(
  database: Database,
  points: LookupPoint[],
  opts: { at?: Date; nearM: number; tx?: AppDb },
): Promise<SpatialMatches[]> {
  if (points.length === 0) return []
  const input = JSON.stringify(points.map((p, i) => ({ i, lng: p.lng, lat: p.lat, fine: p.fineClass })))
  // Degrees that safely cover `metres` around the point (longitude degrees shrink with latitude).
  const box = (metres: unknown) => sql`ST_Expand(p.g, ${metres} / (111320.0 * greatest(cos(radians(p.lat)), 0.05)))`
  // Degrees of planar distance that every point within `metres` of p stays inside (a longitude degree is the
  // shortest at this latitude; 2 % slack for the spheroid), so the distance is computed only for pieces that
  // can be near.
  const within = sql`${opts.nearM} * 1.02 / (111320.0 * greatest(cos(radians(p.lat)), 0.05))`
  // Boundary distances (≤ nearM ≤ 1 km) in a plane tangent at the point: degrees scaled to metres by the WGS84
  // ellipsoid's length of a degree at that latitude. Within 1 km this is the geodesic length to the region's
  // nearest point to ~0.01 %, measured to the edges ST_Covers uses (straight in lon/lat) — a geography distance
  // measures to great-circle arcs instead (~0.9 m off mid-way along a 10 km parallel edge) — and it costs a
  // third less database time for the whole lookup.
  const metresPerDegree = sql`
    111412.84 * cos(radians(lat)) - 93.5 * cos(3 * radians(lat)) AS kx,
    111132.92 - 559.82 * cos(2 * radians(lat)) + 1.175 * cos(4 * radians(lat)) AS ky`
  const rows = await database.rows<MatchRow>(sql`
    WITH p AS (
      SELECT i, lat, g, fine, kx, ky, ST_Scale(g, kx, ky) AS gm
      FROM json_to_recordset(${input}::text::json) AS x(i int, lng float8, lat float8, fine text)
      CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(lng, lat), 4326) AS g, ${metresPerDegree}) m
    )
    SELECT p.i, 'r' AS k, h.level AS kind, h.region_id AS id, h.code::text AS code, h.name, h.version, h.cov, h.d,
           NULL::text AS class_code, NULL::float8 AS buffer_m, NULL::float8 AS area_m2
    FROM p CROSS JOIN LATERAL (
      SELECT pc.level, pc.region_id, pc.code, pc.name, pc.version, c.cov,
             CASE WHEN c.cov THEN 0 WHEN ST_DWithin(pc.geom, p.g, ${within})
                  THEN ST_Distance(ST_Scale(pc.geom, p.kx, p.ky), p.gm) END AS d
      FROM region_piece pc CROSS JOIN LATERAL (SELECT ST_Covers(pc.geom, p.g) AS cov) c
      WHERE pc.geom && ${box(opts.nearM)} AND ${validAt(opts.at, 'pc')}
      OFFSET 0 -- a fence: pushed into this filter, the outer WHERE evaluated ST_Covers and the distance twice
    ) h
    WHERE h.cov OR h.d <= ${opts.nearM}
    UNION ALL
    SELECT p.i, 'a', a.geometry_kind, a.id, a.unit_code::text, a.name, NULL, NULL,
           CASE WHEN a.geometry_kind = 'line' THEN ST_Distance(a.geom::geography, p.g::geography) END,
           a.class_code::text, a.buffer_m::float8, a.area_m2
    FROM p JOIN responsibility_area a
      ON p.fine IS NOT NULL AND a.active AND left(p.fine, length(a.class_code)) = a.class_code
    WHERE (a.geometry_kind = 'polygon' AND EXISTS (
            SELECT 1 FROM responsibility_area_piece ap WHERE ap.area_id = a.id AND ap.geom && p.g AND ST_Covers(ap.geom, p.g)))
       OR (a.geometry_kind = 'line' AND a.geom && ${box(sql`a.buffer_m`)}
           AND ST_DWithin(a.geom::geography, p.g::geography, a.buffer_m))`, opts.tx, { prepare: true })
  return foldMatches(rows, points.length)
}

/** Per point: its region hits (one per region, pieces merged) and its areas in id order. */
function foldMatches(rows: readonly MatchRow[], n: number): SpatialMatches[] {
  // Plain arrays, searched linearly: a point has a handful of region hits; a Map each (1,000 a batch) cost more.
  const hits: RegionHit[][] = Array.from({ length: n }, () => [])
  const areas: SpatialMatches['areas'][] = Array.from({ length: n }, () => [])
  for (const r of rows) {
    const id = Number(r.id)
    if (r.k === 'r') {
      const d = r.cov ? 0 : Number(r.d)
      const mine = hits[r.i]!
      const seen = mine.find((h) => h[1] === id)
      if (!seen) mine.push([r.kind as RegionLevel, id, r.code, r.name, Number(r.version), d, r.cov === true])
      else {
        seen[5] = Math.min(seen[5], d)
        seen[6] ||= r.cov === true
      }
    } else if (r.kind === 'line') {
      areas[r.i]!.push({ areaId: id, name: r.name, unitCode: r.code, classCode: r.class_code!, geometryKind: 'line', distanceM: Number(r.d), bufferM: Number(r.buffer_m) })
    } else {
      areas[r.i]!.push({ areaId: id, name: r.name, unitCode: r.code, classCode: r.class_code!, geometryKind: 'polygon', areaM2: Number(r.area_m2) })
    }
  }
  return hits.map((h, i) => ({
    ...pickRegions(h),
    areas: areas[i]!.sort((a, b) => a.areaId - b.areaId),
  }))
}

/** A region near a point as the lookup returns it: level, id, code, name, version, distance (m), covers. */
export type RegionHit = [level: RegionLevel, id: number, code: string, name: string, version: number, distanceM: number, covers: boolean]

/**
 * Per level, the region the point is in — on a shared edge or vertex several cover it and the lowest code
 * wins, which keeps levels consistent because codes nest — and the nearest other region (ties: lowest code),
 * a second covering region counting as a neighbour at distance 0.
 */
export function pickRegions(hits: readonly RegionHit[]): Pick<SpatialMatches, 'regions' | 'neighbours'> {
  const regions: SpatialMatches['regions'] = {}
  for (const [level, id, code, name, version, , covers] of hits) {
    if (!covers || level === 'district') continue
    const current = regions[level]
    if (!current || code < current.code) regions[level] = { id: Number(id), code, name, version }
  }
  const nearest = new Map<RegionLevel, SpatialMatches['neighbours'][number]>()
  for (const [level, , code, name, , distanceM] of hits) {
    if (level === 'district' || regions[level]?.code === code) continue
    const best = nearest.get(level)
    if (!best || distanceM < best.distanceM || (distanceM === best.distanceM && code < best.code)) {
      nearest.set(level, { level, code, name, distanceM })
    }
  }
  const order: RegionLevel[] = ['community', 'grid', 'street']
  return { regions, neighbours: order.flatMap((l) => (nearest.has(l) ? [nearest.get(l)!] : [])) }
}
