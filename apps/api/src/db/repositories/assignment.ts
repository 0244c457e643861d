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

/**
 * Everything the decision procedure needs for a batch of points, in ONE statement:
 * containing regions by level (ST_Covers on the GiST-indexed lookup pieces, region_piece; on a shared edge or vertex the lowest
 * code wins, which keeps levels consistent because codes nest), responsibility areas for the point's
 * class (polygons by ST_Covers on their pieces, lines by ST_DWithin on geography within their buffer), and the
 * nearest neighbouring region per level within `nearM` metres.
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
  // shortest at this latitude; 2 % slack for the spheroid), so the exact geodesic distance is computed only
  // for pieces that can be near.
  const within = sql`${opts.nearM} * 1.02 / (111320.0 * greatest(cos(radians(p.lat)), 0.05))`
  const rows = await database.rows<{ i: number; hits: unknown; areas: unknown }>(sql`
    WITH p AS (
      SELECT i, lat, ST_SetSRID(ST_MakePoint(lng, lat), 4326) AS g, fine
      FROM json_to_recordset(${input}::json) AS x(i int, lng float8, lat float8, fine text)
    )
    SELECT p.i, rg.hits, ar.areas
    FROM p
    CROSS JOIN LATERAL (
      -- One probe of the lookup pieces (region_piece: regions cut to ≤ 16 vertices) in the box around the point
      -- answers both questions: the regions that cover it and the neighbours within nearM.
      SELECT coalesce(json_agg(json_build_array(n.level, n.id, n.code, n.name, n.version, h.d, h.cov)), '[]'::json) AS hits
      FROM (
        SELECT s.region_id, bool_or(s.cov) AS cov,
               min(CASE WHEN s.cov THEN 0 WHEN s.near THEN ST_Distance(s.geom::geography, p.g::geography) END) AS d
        FROM (
          SELECT pc.region_id, pc.geom, c.cov, NOT c.cov AND ST_DWithin(pc.geom, p.g, ${within}) AS near
          FROM region_piece pc CROSS JOIN LATERAL (SELECT ST_Covers(pc.geom, p.g) AS cov) c
          WHERE pc.geom && ${box(opts.nearM)}
        ) s
        WHERE s.cov OR s.near
        GROUP BY s.region_id
      ) h
      JOIN region n ON n.id = h.region_id
      WHERE ${validAt(opts.at, 'n')} AND (h.cov OR h.d <= ${opts.nearM})
    ) rg
    CROSS JOIN LATERAL (
      SELECT coalesce(json_agg(json_build_object(
        'areaId', a.id, 'name', a.name, 'unitCode', a.unit_code, 'classCode', a.class_code,
        'geometryKind', a.geometry_kind, 'bufferM', a.buffer_m, 'areaM2', a.area_m2,
        'distanceM', CASE WHEN a.geometry_kind = 'line' THEN ST_Distance(a.geom::geography, p.g::geography) END
      ) ORDER BY a.id), '[]'::json) AS areas
      FROM responsibility_area a
      WHERE p.fine IS NOT NULL AND a.active AND left(p.fine, length(a.class_code)) = a.class_code
        AND (
          (a.geometry_kind = 'polygon' AND EXISTS (
            SELECT 1 FROM responsibility_area_piece ap WHERE ap.area_id = a.id AND ap.geom && p.g AND ST_Covers(ap.geom, p.g)))
          OR (a.geometry_kind = 'line' AND a.geom && ${box(sql`a.buffer_m`)}
              AND ST_DWithin(a.geom::geography, p.g::geography, a.buffer_m))
        )
    ) ar
    ORDER BY p.i`, opts.tx, { prepare: true })
  const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T
  return rows.map((r) => ({
    ...pickRegions(parse<RegionHit[]>(r.hits)),
    areas: parse<SpatialMatches['areas']>(r.areas).map((a) => ({ ...a, areaId: Number(a.areaId) })),
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
