/**
 * Vector map tiles (`/api/tiles/{layer}/{z}/{x}/{y}.mvt`), shared by the API (which cuts them) and the web app
 * (which asks for them): the layer names, the tile grid (XYZ, Web Mercator), how finely each zoom is cut, and when
 * incidents come as cluster cells rather than points (the same switch as the JSON map: {@link POINTS_MIN_ZOOM}).
 */
import { POINTS_MIN_ZOOM } from '../incident-map/index.ts'

export const TILE_LAYERS = ['streets', 'communities', 'grids', 'areas', 'routes', 'incidents'] as const
export type TileLayer = (typeof TILE_LAYERS)[number]

/** Tile coordinates in the MVT's own units: 4096 per tile side, a 64-unit margin so strokes cross borders cleanly. */
export const TILE_EXTENT = 4096
export const TILE_BUFFER = 64
/** Zooms served: the district's whole extent (8) down to a house (20). */
export const TILE_MIN_ZOOM = 0
export const TILE_MAX_ZOOM = 22
/** At most this many incident points per tile (newest first); a street-view tile holds a few hundred. */
export const TILE_MAX_POINTS = 5000
/** Cluster cells per tile side below {@link POINTS_MIN_ZOOM} (8 → 64-pixel cells on a 512-pixel tile). */
export const TILE_CLUSTER_CELLS = 8

export function isTileLayer(name: string): name is TileLayer {
  return (TILE_LAYERS as readonly string[]).includes(name)
}

export interface TileAddress {
  z: number
  x: number
  y: number
}

/** Why a z/x/y is not a tile, or null when it is one. */
export function tileAddressError({ z, x, y }: TileAddress): string | null {
  if (!Number.isInteger(z) || z < TILE_MIN_ZOOM || z > TILE_MAX_ZOOM) return `z must be an integer from ${TILE_MIN_ZOOM} to ${TILE_MAX_ZOOM}`
  const n = 2 ** z
  if (!Number.isInteger(x) || x < 0 || x >= n) return `x must be an integer from 0 to ${n - 1} at zoom ${z}`
  if (!Number.isInteger(y) || y < 0 || y >= n) return `y must be an integer from 0 to ${n - 1} at zoom ${z}`
  return null
}

const lngOf = (x: number, z: number) => (x / 2 ** z) * 360 - 180
const latOf = (y: number, z: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI

/** The tile's box in WGS84 degrees [west, south, east, north], grown by `margin` tile units on each side. */
export function tileBounds({ z, x, y }: TileAddress, margin = 0): [number, number, number, number] {
  const m = margin / TILE_EXTENT
  return [lngOf(x - m, z), latOf(y + 1 + m, z), lngOf(x + 1 + m, z), latOf(y - m, z)]
}

/** Web Mercator metres of one tile unit at zoom z: the simplification tolerance, so nothing finer than a unit is sent. */
export function tileUnitMetres(z: number): number {
  return (2 * Math.PI * 6378137) / (2 ** z * TILE_EXTENT)
}

/** Whether incident tiles at zoom z hold single incidents (else cluster cells). */
export function tilePoints(z: number): boolean {
  return z >= POINTS_MIN_ZOOM
}
