import { area as turfArea, bbox as turfBbox, difference, featureCollection, feature, intersect, length, polygonToLine, union } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'

/** A region's outline as the editor handles it. */
export type Areal = Polygon | MultiPolygon

/**
 * A part of an overlap, gap or spill counts only if it covers more than this many m² AND is wider than `widthM`:
 * smaller or thinner is noise (floating point, rounded coordinates along a shared edge). The server's validation
 * uses the same figures (apps/api/src/db/repositories/geometry-checks.ts, docs/GRID-EDITOR.md).
 */
export const REGION_TOLERANCE = { areaM2: 1, widthM: 0.1 } as const
export const REGION_TOLERANCE_M2 = REGION_TOLERANCE.areaM2

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

/** Mean width of a polygon in metres (2 × area / perimeter): a long sliver along an edge is near 0. */
export function meanWidthM(p: Polygon): number {
  const perimeterM = length(polygonToLine(p), { units: 'kilometers' }) * 1000
  return perimeterM > 0 ? (2 * turfArea(p)) / perimeterM : 0
}

/** Whether a part is more than noise (see REGION_TOLERANCE). */
export function significant(p: Polygon, areaM2Min: number = REGION_TOLERANCE.areaM2): boolean {
  return turfArea(p) > areaM2Min && meanWidthM(p) > REGION_TOLERANCE.widthM
}
