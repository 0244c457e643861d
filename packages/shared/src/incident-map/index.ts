import { OPEN_STATES } from '../workflow/states.ts'

// The map's default filter is the workflow's "open" group; re-exported for the map's callers.
export { OPEN_STATES }

/**
 * The incident map's rules, shared by the API (which aggregates) and the web app (which asks and draws):
 * which states are "open", when the map switches from clusters to points, and how big a cluster cell is.
 */

export function isOpenState(state: string): boolean {
  return (OPEN_STATES as readonly string[]).includes(state)
}

/** From this zoom on (a street view) the map gets single incidents; below it, clusters. */
export const POINTS_MIN_ZOOM = 15
/** A points answer never holds more than this; past it the answer says `truncated`. */
export const MAX_POINTS = 5000
/** Cluster cells are about this many screen pixels wide (256-px Web Mercator tiles). */
export const CLUSTER_CELL_PX = 64

export type Bbox = [west: number, south: number, east: number, north: number]

/**
 * The cluster cell at a zoom, in degrees: `dx` wide and `dy` tall, about {@link CLUSTER_CELL_PX} square on screen at
 * latitude `lat` (Web Mercator stretches latitude by 1/cos, so a square cell is cos(lat) as tall in degrees).
 * Whole zoom levels only: a map zooming by fractions keeps its clusters until the next level.
 */
export function clusterCell(zoom: number, lat: number): { dx: number; dy: number; z: number } {
  const z = Math.max(0, Math.min(22, Math.floor(zoom)))
  const dx = (360 * CLUSTER_CELL_PX) / (256 * 2 ** z)
  return { dx, dy: dx * Math.cos((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180), z }
}

/** Whether a view at this zoom gets points rather than clusters. */
export function wantsPoints(zoom: number): boolean {
  return zoom >= POINTS_MIN_ZOOM
}

/**
 * The bbox widened by `margin` of its size on every side and snapped outward to whole cluster cells, so small pans
 * ask for the same box (cacheable, no refetch) and clusters on the view's edge are complete.
 */
export function paddedBbox(b: Bbox, zoom: number, margin = 0.25): Bbox {
  const { dx, dy } = clusterCell(zoom, (b[1] + b[3]) / 2)
  const w = (b[2] - b[0]) * margin
  const h = (b[3] - b[1]) * margin
  const r = (v: number) => Math.round(v * 1e6) / 1e6
  return [
    r(Math.floor((b[0] - w) / dx) * dx),
    r(Math.floor((b[1] - h) / dy) * dy),
    r(Math.ceil((b[2] + w) / dx) * dx),
    r(Math.ceil((b[3] + h) / dy) * dy),
  ]
}

/** Whether `inner` lies inside `outer`. */
export function bboxContains(outer: Bbox, inner: Bbox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3]
}

/** Whether a point is inside the box (edges included). */
export function bboxHas(b: Bbox, lng: number, lat: number): boolean {
  return lng >= b[0] && lng <= b[2] && lat >= b[1] && lat <= b[3]
}
export type { IncidentMapView, MapCluster, MapPoint } from './view.ts'
