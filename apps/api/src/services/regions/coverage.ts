import { SPATIAL_TOLERANCE } from '../../db/repositories/geometry-checks.ts'
import { regionCoverage } from '../../db/repositories/region-checks.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

/**
 * How well a region's children cover it: a GeoJSON FeatureCollection of the gaps (one Polygon each,
 * properties.areaM2, largest first) with the totals as foreign members. Slivers below the tolerance
 * are ignored. A grid has no child level: 422 no_child_level.
 */
export async function coverageReport({ database, code, at }: { database: Database; code: string; at?: Date }) {
  const c = await regionCoverage(database, code, at)
  if (!c) throw problems.notFound('region', `No region with code ${code}${at ? ` valid at ${at.toISOString()}` : ''}`)
  if (!c.childLevel) throw problems.unprocessable('no_child_level', `${code} is a ${c.level}, the lowest level: it has no children to cover it`)
  return {
    type: 'FeatureCollection' as const,
    features: c.gaps,
    code: c.code,
    name: c.name,
    level: c.level,
    childLevel: c.childLevel,
    childCount: c.childCount,
    areaM2: c.areaM2,
    coveredM2: c.coveredM2,
    gapM2: c.gapM2,
    gapCount: c.gaps.length,
    tolerance: SPATIAL_TOLERANCE,
  }
}
