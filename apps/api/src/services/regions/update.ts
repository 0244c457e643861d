import { regionDetail } from '../../db/repositories/regions.ts'
import type { Database } from '../../db/types.ts'
import { singleWriteProblem } from '../geometry/issues.ts'
import { applyRegionChanges } from './apply.ts'
import type { RegionWriteResult } from './create.ts'

export interface UpdateRegionInput {
  name?: string
  /** GeoJSON Polygon or MultiPolygon. */
  geometry?: unknown
  /** Optimistic locking: the version the client edited; 409 version_conflict if it is no longer current. */
  version?: number
}

/**
 * Changes a region's name and/or geometry by closing the current version (valid_to = the write's
 * instant) and inserting version + 1 valid from the same instant, in one transaction. A name-only
 * change is versioned as well (so `at` lookups show the name of the time); a change to nothing
 * (same name, same geometry) writes nothing and answers `unchanged`.
 */
export async function updateRegion({ database, code, input, dryRun = false }: { database: Database; code: string; input: UpdateRegionInput; dryRun?: boolean }): Promise<RegionWriteResult> {
  const [result] = await applyRegionChanges({
    database,
    dryRun,
    refuse: singleWriteProblem,
    changes: [{ index: 0, mode: 'update', code, name: input.name, geometry: input.geometry, expectedVersion: input.version }],
  })
  return {
    action: result!.action,
    code,
    version: result!.version,
    dryRun,
    region: dryRun ? null : await regionDetail(database, code),
  }
}
