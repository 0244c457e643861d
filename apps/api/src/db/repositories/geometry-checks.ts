import { sql, type SQL } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/**
 * Below this an overlap, an overhang outside the parent or a gap is digitising noise, not a problem:
 * a part counts only if it covers more than `areaM2` AND is wider than `widthM` (it survives an inward
 * buffer of half that width). A 1 cm misalignment along a 5 km shared edge (50 m², 1 cm wide) is noise;
 * a 0.5 m strip or a 2 m² notch is not.
 */
export const SPATIAL_TOLERANCE = { areaM2: 1, widthM: 0.1 } as const

/** Metres → degrees of latitude; in longitude the same degrees are slightly narrower (cos φ), fine for a tolerance. */
const halfWidthDeg = SPATIAL_TOLERANCE.widthM / 2 / 111_320

/** Decimal digits of geometries in problem reports (≈ 1 cm). */
export const REPORT_DIGITS = 7
/** Exports round-trip losslessly: PostGIS prints the shortest representation that reads back as the same double. */
export const EXPORT_DIGITS = 15

/**
 * Overlays (difference, intersection, union) run with a fixed precision grid (snap-rounding, GEOS
 * OverlayNG), ≈ 0.1 mm here, far below the tolerance. The floating-point overlay recovers from
 * robustness failures by throwing and retrying internally; in the embedded engine (PGlite, WASM) such
 * a statement silently returns NO ROWS instead, which a check would read as "no problem". The
 * snap-rounding overlay does not need that retry.
 */
export const OVERLAY_GRID_DEG = 1e-9
const grid = sql`${OVERLAY_GRID_DEG}::float8`
export const difference = (a: SQL, b: SQL): SQL => sql`ST_Difference(${a}, ${b}, ${grid})`
export const intersection = (a: SQL, b: SQL): SQL => sql`ST_Intersection(${a}, ${b}, ${grid})`
/** Aggregate union. */
export const unionAgg = (g: SQL): SQL => sql`ST_Union(${g}, ${grid})`

/**
 * Statements whose emptiness would mean "no problem" end with this row (`sentinel` true), so a
 * statement that silently returned nothing (see OVERLAY_GRID_DEG) is told apart from a clean result.
 */
export class SpatialCheckFailed extends Error {
  override name = 'SpatialCheckFailed'
  constructor(what: string) {
    super(`The spatial check "${what}" returned no result: the database could not compute it. Nothing was written.`)
  }
}

/** True when a polygon part of a difference/intersection is more than noise (see SPATIAL_TOLERANCE). */
export function isSignificant(part: SQL): SQL {
  return sql`(ST_Dimension(${part}) = 2 AND ST_Area(${part}::geography) > ${SPATIAL_TOLERANCE.areaM2}::float8
    AND NOT ST_IsEmpty(ST_Buffer(${part}, ${-halfWidthDeg}::float8)))`
}

/**
 * A lateral subquery over the significant polygon parts of `expr`: one row with `geojson` (a
 * MultiPolygon, null when nothing is significant) and `area_m2` (geodesic).
 */
export function significantParts(expr: SQL): SQL {
  return sql`(
    SELECT ST_AsGeoJSON(ST_Multi(ST_Collect(part)), ${REPORT_DIGITS}::int) AS geojson, sum(ST_Area(part::geography)) AS area_m2
    FROM (SELECT (ST_Dump(${expr})).geom AS part) dumped
    WHERE ${isSignificant(sql`part`)}
  )`
}

export interface ValidityProblem {
  index: number
  reason: string
  /** Where PostGIS found the problem. */
  location: GeoJSON.Point | null
}

/**
 * PostGIS' verdict on each geometry (ST_IsValidDetail: reason and location), for geometries that
 * passed the structural checks. Orientation is not a validity question and is normalised on write.
 */
export async function validityProblems(
  database: Database,
  items: { index: number; geometry: GeoJSON.Geometry }[],
  tx?: AppDb,
): Promise<ValidityProblem[]> {
  if (items.length === 0) return []
  const rows = await database.rows<{ index: number; reason: string; location: string | null }>(sql`
    SELECT x.index, d.reason, ST_AsGeoJSON(d.location, ${REPORT_DIGITS}::int) AS location
    FROM json_to_recordset(${JSON.stringify(items)}::json) AS x(index int, geometry json)
    CROSS JOIN LATERAL ST_IsValidDetail(ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON(x.geometry::text)), 4326)) AS d
    WHERE NOT d.valid
    UNION ALL SELECT -1, 'sentinel', NULL
    ORDER BY 1 DESC`, tx)
  if (rows.at(-1)?.reason !== 'sentinel') throw new SpatialCheckFailed('geometry validity')
  return rows.slice(0, -1).reverse().map((r) => ({
    index: Number(r.index),
    reason: r.reason,
    location: r.location ? (JSON.parse(r.location) as GeoJSON.Point) : null,
  }))
}

/** GeoJSON (text from PostGIS) → object; null stays null. */
export function parseGeoJson<T extends GeoJSON.Geometry>(text: string | null): T | null {
  return text ? (JSON.parse(text) as T) : null
}
