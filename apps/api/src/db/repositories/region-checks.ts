import { sql } from 'drizzle-orm'
import { childLevel, type RegionLevel } from '@hanjiang/shared'
import type { AppDb, Database } from '../types.ts'
import { difference, intersection, isSignificant, parseGeoJson, REPORT_DIGITS, significantParts, SpatialCheckFailed, unionAgg } from './geometry-checks.ts'
import { validAt } from './regions.ts'

export type RegionSpatialIssue =
  | {
      code: 'outside_parent'
      /** The child that sticks out. */
      regionCode: string
      parentCode: string
      /** True when the child's own geometry was written; false when its parent's new geometry left it outside. */
      childChanged: boolean
      geometry: GeoJSON.MultiPolygon
      areaM2: number
    }
  | {
      code: 'sibling_overlap'
      regionCode: string
      siblingCode: string
      geometry: GeoJSON.MultiPolygon
      areaM2: number
    }

/**
 * After a write (inside its transaction), checks the current tree around every staged region whose
 * geometry changed: each changed child against its parent, each unchanged child against a changed
 * parent, and each changed region against its current siblings (one report per overlapping pair).
 * Only parts beyond SPATIAL_TOLERANCE count; the offending part comes back as GeoJSON.
 */
export async function stagedSpatialIssues(database: Database, tx: AppDb): Promise<RegionSpatialIssue[]> {
  const rows = await database.rows<{
    problem: 'outside_parent' | 'sibling_overlap'
    code: string
    other: string
    childChanged: boolean
    geojson: string
    areaM2: number
  }>(sql`
    WITH changed AS (SELECT code FROM region_write WHERE geometry_changed),
    pairs AS (
      SELECT c.code AS child, p.code AS parent, c.geom AS cg, p.geom AS pg, true AS child_changed
      FROM region c JOIN region p ON p.code = c.parent_code AND p.valid_to IS NULL
      WHERE c.valid_to IS NULL AND c.code IN (SELECT code FROM changed)
      UNION ALL
      SELECT c.code, p.code, c.geom, p.geom, false
      FROM region p JOIN region c ON c.parent_code = p.code AND c.valid_to IS NULL
      WHERE p.valid_to IS NULL AND p.code IN (SELECT code FROM changed) AND c.code NOT IN (SELECT code FROM changed)
    ),
    outside AS (
      SELECT 'outside_parent' AS problem, pairs.child AS code, pairs.parent AS other, pairs.child_changed AS "childChanged",
        s.geojson, s.area_m2 AS "areaM2"
      FROM pairs CROSS JOIN LATERAL ${significantParts(difference(sql`pairs.cg`, sql`pairs.pg`))} s
      WHERE NOT ST_CoveredBy(pairs.cg, pairs.pg) AND s.geojson IS NOT NULL
    ),
    overlap AS (
      SELECT 'sibling_overlap' AS problem, a.code, b.code AS other, true AS "childChanged", s.geojson, s.area_m2 AS "areaM2"
      FROM region a
      JOIN region b ON b.valid_to IS NULL AND b.level = a.level AND b.code <> a.code
        AND b.parent_code IS NOT DISTINCT FROM a.parent_code AND b.geom && a.geom
      CROSS JOIN LATERAL ${significantParts(intersection(sql`a.geom`, sql`b.geom`))} s
      WHERE a.valid_to IS NULL AND a.code IN (SELECT code FROM changed)
        AND NOT (b.code IN (SELECT code FROM changed) AND b.code < a.code)
        AND ST_Relate(a.geom, b.geom, 'T********') AND s.geojson IS NOT NULL
    )
    SELECT * FROM (SELECT * FROM outside UNION ALL SELECT * FROM overlap ORDER BY problem, code, other) found
    UNION ALL SELECT 'sentinel', '', '', false, NULL, NULL`, tx)
  if (rows.at(-1)?.problem !== ('sentinel' as string)) throw new SpatialCheckFailed('outside parent / sibling overlap')
  return rows.slice(0, -1).map((r) => {
    const geometry = parseGeoJson<GeoJSON.MultiPolygon>(r.geojson)!
    const areaM2 = round1(Number(r.areaM2))
    return r.problem === 'outside_parent'
      ? { code: r.problem, regionCode: r.code, parentCode: r.other, childChanged: Boolean(r.childChanged), geometry, areaM2 }
      : { code: r.problem, regionCode: r.code, siblingCode: r.other, geometry, areaM2 }
  })
}

export interface RegionCoverage {
  code: string
  name: string
  level: RegionLevel
  childLevel: RegionLevel | null
  childCount: number
  areaM2: number
  /** Area of the parent covered by the union of its children. */
  coveredM2: number
  /** Sum of the significant gaps. */
  gapM2: number
  /** One Feature per gap (Polygon), largest first, properties { areaM2 }. */
  gaps: GeoJSON.Feature<GeoJSON.Polygon, { areaM2: number }>[]
}

/**
 * The parts of a region not covered by its children (current, or as of `at`), ignoring slivers
 * below SPATIAL_TOLERANCE. A region without children is one big gap.
 */
export async function regionCoverage(database: Database, code: string, at?: Date): Promise<RegionCoverage | null> {
  const [row] = await database.rows<Record<string, unknown>>(sql`
    WITH p AS (SELECT code, name, level, geom FROM region WHERE code = ${code} AND ${validAt(at)}),
    kids AS (SELECT count(*)::int AS n, ${unionAgg(sql`c.geom`)} AS u FROM region c WHERE c.parent_code = ${code} AND ${validAt(at, 'c')})
    SELECT p.code, p.name, p.level, kids.n AS "childCount", ST_Area(p.geom::geography) AS "areaM2",
      CASE WHEN kids.u IS NULL THEN 0 ELSE ST_Area(${intersection(sql`p.geom`, sql`kids.u`)}::geography) END AS "coveredM2",
      gaps.features, gaps.total AS "gapM2"
    FROM p CROSS JOIN kids
    CROSS JOIN LATERAL (
      SELECT coalesce(json_agg(json_build_object(
          'type', 'Feature',
          'geometry', ST_AsGeoJSON(part, ${REPORT_DIGITS}::int)::json,
          'properties', json_build_object('areaM2', round(a::numeric, 1))
        ) ORDER BY a DESC), '[]'::json) AS features,
        coalesce(sum(a), 0) AS total
      FROM (
        SELECT part, ST_Area(part::geography) AS a
        FROM (SELECT (ST_Dump(CASE WHEN kids.u IS NULL THEN p.geom ELSE ${difference(sql`p.geom`, sql`kids.u`)} END)).geom AS part) d
        WHERE ${isSignificant(sql`part`)}
      ) g
    ) gaps`)
  if (!row) {
    const [exists] = await database.rows(sql`SELECT 1 AS one FROM region WHERE code = ${code} AND ${validAt(at)}`)
    if (exists) throw new SpatialCheckFailed('coverage gaps')
    return null
  }
  const gaps = (typeof row.features === 'string' ? JSON.parse(row.features) : row.features) as RegionCoverage['gaps']
  for (const g of gaps) g.properties.areaM2 = Number(g.properties.areaM2)
  const level = row.level as RegionLevel
  return {
    code: row.code as string,
    name: row.name as string,
    level,
    childLevel: childLevel(level),
    childCount: Number(row.childCount),
    areaM2: round1(Number(row.areaM2)),
    coveredM2: round1(Number(row.coveredM2)),
    gapM2: round1(Number(row.gapM2)),
    gaps,
  }
}

const round1 = (v: number) => Math.round(v * 10) / 10
