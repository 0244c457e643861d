import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../db/types.ts'

export interface RegionInput {
  code: string
  name: string
  level: 'district' | 'street' | 'community' | 'grid'
  parentCode: string | null
  geometry: GeoJSON.MultiPolygon | GeoJSON.Polygon
}

/** Bulk insert of current region versions, in statements of `batch` rows (one JSON parameter each). */
export async function insertRegions(database: Database, tx: AppDb, regions: RegionInput[], batch = 1000): Promise<number> {
  for (let i = 0; i < regions.length; i += batch) {
    const chunk = regions.slice(i, i + batch)
    await database.rows(sql`
      INSERT INTO region (code, name, level, parent_code, geom)
      SELECT code, name, level, "parentCode", ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(geometry::text), 4326))
      FROM json_to_recordset(${JSON.stringify(chunk)}::json)
        AS x(code text, name text, level text, "parentCode" text, geometry json)`, tx)
  }
  return regions.length
}
