import type { RegionLevel } from '@hanjiang/shared'
import { regionDetail, type RegionDetail } from '../../db/repositories/regions.ts'
import type { Database } from '../../db/types.ts'
import { singleWriteProblem } from '../geometry/issues.ts'
import { applyRegionChanges } from './apply.ts'

export interface CreateRegionInput {
  code: string
  name: string
  level: RegionLevel
  parentCode?: string | null
  /** GeoJSON Polygon or MultiPolygon (checked here, not by the route). */
  geometry: unknown
}

export interface RegionWriteResult {
  action: 'created' | 'updated' | 'unchanged'
  code: string
  version: number
  dryRun: boolean
  /** The region as stored (null on a dry run). */
  region: RegionDetail | null
}

/**
 * Creates a region: version 1, or — when the code existed before and was deleted — the next version
 * after its last one, so history stays one sequence per code.
 */
export async function createRegion({ database, input, dryRun = false }: { database: Database; input: CreateRegionInput; dryRun?: boolean }): Promise<RegionWriteResult> {
  const [result] = await applyRegionChanges({
    database,
    dryRun,
    refuse: singleWriteProblem,
    changes: [{ index: 0, mode: 'create', code: input.code, name: input.name, level: input.level, parentCode: input.parentCode ?? null, geometry: input.geometry }],
  })
  return {
    action: result!.action,
    code: result!.code,
    version: result!.version,
    dryRun,
    region: dryRun ? null : await regionDetail(database, input.code),
  }
}
