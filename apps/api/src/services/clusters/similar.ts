import {
  CoordinateError,
  fineClassInfo,
  isClusterFlagged,
  subclassOf,
  toWgs84,
  validateLngLat,
  type Crs,
  type IncidentState,
} from '@hanjiang/shared'
import type { SimilarResult } from '@hanjiang/shared/contract'
import { findSimilarIncidents } from '../../db/repositories/clusters.ts'
import type { RowScope } from '../../db/repositories/incident-scope.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import { reference } from '../assignment/reference-cache.ts'

export interface SimilarInput {
  lng: number
  lat: number
  crs: Crs
  fineClass: string
  radiusM: number
  days: number
  exclude?: string
  limit: number
  flagMinReports: number
  /** The caller's row scope (auth). */
  scope?: RowScope
}

export type { SimilarResult }

/**
 * On intake (R9): open incidents of the same subclass within the radius and period, nearest first — the
 * dispatcher's merge candidates. 422 invalid_coordinate, 422 unknown_fine_class.
 */
export async function similarIncidents(database: Database, input: SimilarInput): Promise<SimilarResult> {
  let point: { lng: number; lat: number }
  try {
    point = toWgs84(validateLngLat(input), input.crs)
  } catch (e) {
    if (e instanceof CoordinateError) {
      throw problems.unprocessable('invalid_coordinate', e.message, { errors: [{ path: 'lng,lat', message: e.message }] })
    }
    throw e
  }
  const { taxonomy } = await reference(database)
  const subclass = subclassOf(input.fineClass)
  if (!subclass || !fineClassInfo(taxonomy, input.fineClass)) {
    throw problems.unprocessable('unknown_fine_class', `unknown fine class ${input.fineClass}`, {
      errors: [{ path: 'fineClass', message: `unknown fine class ${input.fineClass}` }],
    })
  }
  const rows = await findSimilarIncidents(database, {
    ...point, subclass, radiusM: input.radiusM, days: input.days, excludeCode: input.exclude, limit: input.limit, scope: input.scope,
  })
  return {
    point,
    crs: input.crs,
    fineClass: input.fineClass,
    subclass,
    radiusM: input.radiusM,
    days: input.days,
    incidents: rows.map((r) => ({ ...r, state: r.state as IncidentState, flagged: isClusterFlagged(r.memberCount, input.flagMinReports) })),
  }
}
