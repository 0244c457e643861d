import { arrivalCheck, CoordinateError, toWgs84, validateLngLat, type ArrivalCheck, type Crs } from '@hanjiang/shared'
import type { Database } from '../../db/types.ts'
import type { WorkActor } from '../../http/work-actor.ts'
import { problems } from '../../http/problem.ts'
import { transitionIncident } from '../incidents/transition.ts'
import type { IncidentView } from '../incidents/view.ts'
import { unitIncident } from './scope.ts'

/**
 * "Arrived on site" with the handler's position: the distance to the incident is checked
 * (beyond 200 m: a warning, the arrival still counts — the handler decides, the event keeps the distance
 * for the supervisors).
 */
export async function arriveWithCheck({
  database,
  actor,
  unitCode,
  code,
  version,
  position,
  note,
}: {
  database: Database
  actor: WorkActor
  unitCode: string
  code: string
  version: number
  position: { lng: number; lat: number; crs?: Crs; accuracyM?: number } | null
  note?: string
}): Promise<{ incident: IncidentView; locationCheck: ArrivalCheck | null }> {
  const rec = await unitIncident(database, unitCode, code)
  let check: ArrivalCheck | null = null
  let wgs: { lng: number; lat: number } | null = null
  if (position) {
    try {
      wgs = toWgs84(validateLngLat(position), position.crs ?? 'wgs84')
    } catch (e) {
      if (!(e instanceof CoordinateError)) throw e
      throw problems.unprocessable('invalid_location', `The position is invalid: ${e.message}`, {
        errors: [{ path: 'position', message: e.message }],
      })
    }
    check = arrivalCheck(rec.lng === null || rec.lat === null ? null : { lng: rec.lng, lat: rec.lat }, wgs)
  }
  const incident = await transitionIncident({
    database,
    actor,
    input: {
      code,
      action: 'arrive',
      version,
      note,
      eventData: {
        arrival: wgs
          ? { position: wgs, accuracyM: position?.accuracyM ?? null, distanceM: check!.distanceM, far: check!.far }
          : { position: null },
      },
    },
  })
  return { incident, locationCheck: check }
}
