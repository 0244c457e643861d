import { sql } from 'drizzle-orm'
import { customType } from 'drizzle-orm/pg-core'

/**
 * PostGIS geometry columns with an explicit type and SRID 4326.
 * drizzle's built-in geometry() only knows points and drops the SRID, so every geometry column
 * in the schema comes from here. Values go in as GeoJSON; reads should use ST_AsGeoJSON in SQL.
 */
export type GeometryType = 'Point' | 'LineString' | 'LineStringM' | 'MultiLineString' | 'Polygon' | 'MultiPolygon' | 'Geometry'

export const SRID = 4326

export function geometry(name: string, type: GeometryType) {
  return customType<{ data: GeoJSON.Geometry; driverData: string }>({
    dataType: () => `geometry(${type},${SRID})`,
    toDriver: (value) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(value)}), ${SRID})` as never,
    fromDriver: (value) => {
      // Only reached when a query selects the raw column; WKB hex is not decoded here on purpose.
      throw new Error(`select geometry columns with ST_AsGeoJSON, got ${String(value).slice(0, 16)}…`)
    },
  })(name)
}
