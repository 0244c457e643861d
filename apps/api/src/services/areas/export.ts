import { exportAreas } from '../../db/repositories/areas.ts'
import type { Database } from '../../db/types.ts'

/**
 * Active areas as an exchange FeatureCollection (text): feature id = area id; properties name,
 * unitCode, classCode, bufferM; lossless coordinates. Importing it into an empty database and
 * exporting again gives the same bytes.
 */
export function exportAreasGeoJson({ database }: { database: Database }): Promise<string> {
  return exportAreas(database)
}
