import type { LngLat } from './crs.ts'
import { distanceM } from './distance.ts'

/** How far from the incident a handler may say "arrived" before the workbench warns. */
export const ARRIVAL_TOLERANCE_M = 200

export interface ArrivalCheck {
  /** Metres between where the handler is and the incident (rounded); null: the incident has no location. */
  distanceM: number | null
  toleranceM: number
  /** Beyond the tolerance: warn (arriving is still allowed — GPS in streets drifts, the handler decides). */
  far: boolean
}

/** Compares the handler's position with the incident's (both WGS84). */
export function arrivalCheck(incident: LngLat | null, handler: LngLat, toleranceM = ARRIVAL_TOLERANCE_M): ArrivalCheck {
  if (!incident) return { distanceM: null, toleranceM, far: false }
  const d = Math.round(distanceM(incident, handler))
  return { distanceM: d, toleranceM, far: d > toleranceM }
}
