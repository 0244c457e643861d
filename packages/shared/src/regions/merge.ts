import type { Polygon } from 'geojson'
import { polygonsOf, unionOf, withoutSlivers, type Areal } from './geometry.ts'

export type MergeResult = { ok: true; merged: Polygon } | { ok: false; reason: 'not_neighbours' }

/**
 * Merges neighbouring outlines into one polygon. Outlines that only touch at a point, or not at all, are not
 * neighbours: a grid is one piece of land (docs/DOMAIN.md §2). Slivers and pin-holes left along a shared edge
 * whose vertices did not quite coincide are dropped.
 */
export function mergePolygons(list: readonly Areal[]): MergeResult {
  const merged = polygonsOf(withoutSlivers(unionOf(list)))
  return merged.length === 1 ? { ok: true, merged: merged[0]! } : { ok: false, reason: 'not_neighbours' }
}
