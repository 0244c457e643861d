import { REGION_LEVELS, type RegionLevel } from '../regions/levels.ts'
import type { NearBoundary, RegionRef } from './types.ts'

/** Default distance (m) within which a point is reported as near a region boundary. */
export const NEAR_BOUNDARY_DEFAULT_M = 30

/** Distance from the point to the boundary it shares with `neighbour` (computed by the database). */
export interface BoundaryDistance {
  level: RegionLevel
  neighbour: RegionRef
  distanceM: number
}

/**
 * Picks the boundary to warn about, or null when none is within `thresholdM` (inclusive).
 *
 * Rule when several are near: the COARSEST level wins (district, then street, then community,
 * then grid) — then the smallest distance, then the lowest neighbour code. Regions nest, so a
 * point near a street boundary is also near a community and a grid boundary; reporting the finest
 * level would hide the one that changes ownership (another street office for `territorial`
 * classes, another district altogether). Distances that are negative or not finite are ignored.
 */
export function nearBoundary(
  distances: readonly BoundaryDistance[],
  thresholdM: number = NEAR_BOUNDARY_DEFAULT_M,
): NearBoundary | null {
  if (!Number.isFinite(thresholdM) || thresholdM < 0) {
    throw new RangeError(`near-boundary threshold must be a finite number of metres ≥ 0, got ${thresholdM}`)
  }
  let best: BoundaryDistance | null = null
  for (const d of distances) {
    if (!Number.isFinite(d.distanceM) || d.distanceM < 0 || d.distanceM > thresholdM) continue
    if (best === null || isBetter(d, best)) best = d
  }
  return best && { level: best.level, neighbour: { code: best.neighbour.code, name: best.neighbour.name }, distanceM: best.distanceM }
}

function isBetter(a: BoundaryDistance, b: BoundaryDistance): boolean {
  const level = REGION_LEVELS.indexOf(a.level) - REGION_LEVELS.indexOf(b.level)
  if (level !== 0) return level < 0
  if (a.distanceM !== b.distanceM) return a.distanceM < b.distanceM
  return a.neighbour.code < b.neighbour.code
}
