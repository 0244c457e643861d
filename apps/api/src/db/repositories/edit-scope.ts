import { sql } from 'drizzle-orm'
import type { Database } from '../types.ts'

/** Where a grid admin may edit the map (services/auth/write-scope.ts): containment in their areas' regions. */

/** Whether a GeoJSON geometry (WGS84, already validated) lies inside one of these current regions. */
export async function geometryInsideRegions(
  database: Database,
  geometry: unknown,
  regionCodes: readonly string[],
): Promise<boolean> {
  const [r] = await database.rows<{ inside: boolean | null }>(sql`
    SELECT bool_or(ST_CoveredBy(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326), g.geom)) AS inside
    FROM region g WHERE g.code = ANY(${`{${regionCodes.join(',')}}`}::text[]) AND g.valid_to IS NULL`)
  return r?.inside === true
}

/** Whether the responsibility area `id` lies inside one of these current regions. */
export async function areaInsideRegions(
  database: Database,
  id: number,
  regionCodes: readonly string[],
): Promise<boolean> {
  const [r] = await database.rows<{ inside: boolean | null }>(sql`
    SELECT bool_or(ST_CoveredBy(a.geom, g.geom)) AS inside
    FROM responsibility_area a, region g
    WHERE a.id = ${id} AND g.code = ANY(${`{${regionCodes.join(',')}}`}::text[]) AND g.valid_to IS NULL`)
  return r?.inside === true
}
