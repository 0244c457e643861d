import { area as turfArea, bbox as turfBbox, difference, featureCollection, feature, intersect, union } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'

/** A region's outline as the editor handles it. */
export type Areal = Polygon | MultiPolygon

/**
 * Below this many m² a difference between two outlines is noise (floating point, rounding of stored coordinates),
 * not a real overlap, gap or spill; the server's validation uses the same figure (docs/GRID-EDITOR.md).
 */
export const REGION_TOLERANCE_M2 = 1

export function areaM2(g: Areal | null | undefined): number {
  return g ? turfArea(g) : 0
}

export function bboxOf(g: Areal): [number, number, number, number] {
  return turfBbox(g) as [number, number, number, number]
}

export function bboxesTouch(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!
}

const asFeature = (g: Areal): Feature<Areal> => feature(g)

/** a ∩ b, or null when they do not overlap. */
export function intersection(a: Areal, b: Areal): Areal | null {
  return intersect(featureCollection([asFeature(a), asFeature(b)]))?.geometry ?? null
}

/** a minus every one of `minus`, or null when nothing is left. */
export function subtract(a: Areal, minus: readonly Areal[]): Areal | null {
  if (minus.length === 0) return a
  return difference(featureCollection([asFeature(a), ...minus.map(asFeature)]))?.geometry ?? null
}

/** The union of the outlines, or null for none. */
export function unionOf(list: readonly Areal[]): Areal | null {
  if (list.length === 0) return null
  if (list.length === 1) return list[0]!
  return union(featureCollection(list.map(asFeature)))?.geometry ?? null
}

/** The polygons of an outline, one by one. */
export function polygonsOf(g: Areal | null): Polygon[] {
  if (!g) return []
  return g.type === 'Polygon' ? [g] : g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }))
}

/** Drops parts and holes smaller than `minM2` (slivers a boolean operation leaves along shared edges). */
export function withoutSlivers(g: Areal | null, minM2 = REGION_TOLERANCE_M2): Areal | null {
  const parts: Position[][][] = []
  for (const p of polygonsOf(g)) {
    const [outer, ...holes] = p.coordinates
    if (!outer || turfArea({ type: 'Polygon', coordinates: [outer] }) < minM2) continue
    parts.push([outer, ...holes.filter((h) => turfArea({ type: 'Polygon', coordinates: [h] }) >= minM2)])
  }
  if (parts.length === 0) return null
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0]! } : { type: 'MultiPolygon', coordinates: parts }
}

/** The largest polygon of an outline (what a grid keeps when an operation leaves crumbs). */
export function largestPolygon(g: Areal | null): Polygon | null {
  let best: Polygon | null = null
  let bestArea = -1
  for (const p of polygonsOf(g)) {
    const a = turfArea(p)
    if (a > bestArea) {
      best = p
      bestArea = a
    }
  }
  return best
}

export function samePosition(a: Position, b: Position, eps = 1e-9): boolean {
  return Math.abs(a[0]! - b[0]!) <= eps && Math.abs(a[1]! - b[1]!) <= eps
}
