import { areaM2, bboxOf, bboxesTouch, intersection, largestPolygon, subtract, withoutSlivers, type Areal } from './geometry.ts'
import type { Polygon } from 'geojson'

export interface ClipResult {
  /** What is left of the drawn polygon inside the parent's free space (its largest piece), or null for nothing. */
  clipped: Polygon | null
  /** The m² cut away (outside the parent, over siblings, or crumbs beside the largest piece). */
  removedM2: number
}

/**
 * Avoid-overlap: a newly drawn grid keeps only the part of its parent that no sibling covers yet, as QGIS's
 * "avoid overlap" does, so drawing roughly over the neighbours still gives an exact tiling.
 */
export function clipToFreeSpace(drawn: Polygon, parent: Areal, siblings: readonly Areal[]): ClipResult {
  const before = areaM2(drawn)
  const inside = intersection(drawn, parent)
  if (!inside) return { clipped: null, removedM2: before }
  const box = bboxOf(inside)
  const near = siblings.filter((s) => bboxesTouch(box, bboxOf(s)))
  const clipped = largestPolygon(withoutSlivers(subtract(inside, near)))
  return { clipped, removedM2: Math.max(0, before - areaM2(clipped)) }
}
