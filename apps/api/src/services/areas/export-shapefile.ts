import { writeShapefileZip } from '@hanjiang/shared/geo/shapefile-write'
import type { Database } from '../../db/types.ts'
import { exportAreasGeoJson } from './export.ts'

/** The attribute table of an area Shapefile: the feature id (a Shapefile has none) first, then the properties. */
export const AREA_SHAPEFILE_FIELDS = ['id', 'name', 'unitCode', 'classCode', 'bufferM']

/**
 * Active areas as one zipped Shapefile (docs/IMPORT-EXPORT.md): polygons in `responsibility-areas`, lines in
 * `responsibility-areas-lines`, WGS84 .prj, UTF-8 .cpg. The import reads the `id` column back as the area's id.
 */
export async function exportAreasShapefile({ database }: { database: Database }): Promise<Uint8Array<ArrayBuffer>> {
  const fc = JSON.parse(await exportAreasGeoJson({ database })) as GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, string | number | null>>
  return writeShapefileZip(
    fc.features.map((f) => ({ geometry: f.geometry, properties: { id: Number(f.id), ...f.properties } })),
    { name: 'responsibility-areas', fields: AREA_SHAPEFILE_FIELDS },
  )
}
