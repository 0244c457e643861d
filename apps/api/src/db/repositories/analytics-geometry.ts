import { sql } from 'drizzle-orm'
import type { Database } from '../types.ts'

/** Current regions' outlines as GeoJSON geometries (the choropleth export), simplified to ~1 m. */
export async function regionGeometries(database: Database, codes: readonly string[]): Promise<Map<string, unknown>> {
  if (!codes.length) return new Map()
  const rows = await database.rows<{ code: string; g: string }>(sql`SELECT code, ST_AsGeoJSON(geom, 6) AS g FROM region
    WHERE valid_to IS NULL AND code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`)
  return new Map(rows.map((r) => [String(r.code), JSON.parse(r.g)]))
}
