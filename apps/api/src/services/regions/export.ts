import type { RegionLevel } from '@hanjiang/shared'
import { exportRegions } from '../../db/repositories/region-history.ts'
import type { Database } from '../../db/types.ts'

/**
 * Regions as an exchange FeatureCollection (text): feature id = code; properties code, name, level,
 * parentCode; lossless coordinates. Importing it into an empty database and exporting again gives
 * the same bytes.
 */
export function exportRegionsGeoJson({ database, level, at }: { database: Database; level?: RegionLevel; at?: Date }): Promise<string> {
  return exportRegions(database, { level, at })
}
