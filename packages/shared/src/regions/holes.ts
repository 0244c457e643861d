import type { Polygon } from 'geojson'
import { largestPolygon, subtract, type Areal } from './geometry.ts'

/** Cuts a hole (an enclave that belongs to no grid of this one) out of a polygon; null when the hole covers it all. */
export function cutHole(g: Areal, hole: Polygon): Polygon | null {
  return largestPolygon(subtract(g, [hole]))
}

/** The outline without its holes (an enclave given back to the grid around it). */
export function removeHoles(g: Areal): Areal {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.slice(0, 1) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.slice(0, 1)) }
}
