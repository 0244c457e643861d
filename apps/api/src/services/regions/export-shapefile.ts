import type { RegionLevel } from '@hanjiang/shared'
import { writeShapefileZip } from '@hanjiang/shared/geo/shapefile-write'
import type { Database } from '../../db/types.ts'
import { exportRegionsGeoJson } from './export.ts'

/** The attribute table of a region Shapefile (dBASE names ≤ 10 characters: the GeoJSON property names fit). */
export const REGION_SHAPEFILE_FIELDS = ['code', 'name', 'level', 'parentCode']

/**
 * Regions as one zipped Shapefile (docs/IMPORT-EXPORT.md): the same features, order and lossless coordinates as the
 * GeoJSON export, WGS84 .prj, UTF-8 .cpg. Importing it back gives the same codes, names and vertices.
 */
export async function exportRegionsShapefile({ database, level, at }: { database: Database; level?: RegionLevel; at?: Date }): Promise<Uint8Array<ArrayBuffer>> {
  const fc = JSON.parse(await exportRegionsGeoJson({ database, level, at })) as GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, string | null>>
  return writeShapefileZip(
    fc.features.map((f) => ({ geometry: f.geometry, properties: f.properties })),
    { name: level ? `regions-${level}` : 'regions', fields: REGION_SHAPEFILE_FIELDS },
  )
}
