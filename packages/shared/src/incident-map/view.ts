import type { Bbox } from './index.ts'

/**
 * The answer of GET /api/incidents/map, as the API builds it and the web draws it: one contract,
 * so a field added on one side cannot be forgotten on the other.
 */

export interface MapCluster {
  /** Stable for a cell at a zoom: `z/gx/gy`. */
  id: string
  lng: number
  lat: number
  count: number
  /** Non-zero counts only. */
  byState: Record<string, number>
  urgent: number
  overdue: number
}

export interface MapPoint {
  code: string
  lng: number
  lat: number
  state: string
  track: string
  overdue: boolean
  fineClass: string | null
  unitCode: string | null
}

export interface IncidentMapView {
  mode: 'clusters' | 'points'
  zoom: number
  bbox: Bbox
  /** Incidents matched in the box (in points mode: those sent). */
  total: number
  /** Points mode only: more matched than MAX_POINTS; zoom in or narrow the filters. */
  truncated: boolean
  clusters: MapCluster[]
  points: MapPoint[]
}
