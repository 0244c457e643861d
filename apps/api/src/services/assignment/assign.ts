import {
  decideAssignment,
  fineClassInfo,
  nearBoundary,
  NEAR_BOUNDARY_DEFAULT_M,
  toWgs84,
  validateLngLat,
  CoordinateError,
  type AssignmentDecision,
  type Crs,
  type NearBoundary,
  type RegionRef,
} from '@hanjiang/shared'
import { spatialMatches, type FoundRegion } from '../../db/repositories/assignment.ts'
import type { AppDb, Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import { reference, type Reference } from './reference-cache.ts'

export interface AssignPointInput {
  lng: number
  lat: number
  crs?: Crs
  fineClass?: string | null
}

export interface AssignmentResult extends AssignmentDecision {
  /** The point in WGS84, as looked up. */
  point: { lng: number; lat: number }
  /** The coordinate system the point came in. */
  crs: Crs
  fineClass: string | null
  street: RegionRef | null
  community: RegionRef | null
  grid: RegionRef | null
  /** Region version ids the answer was computed from, for the incident to keep. */
  regionVersions: { street: number | null; community: number | null; grid: number | null }
  nearBoundary: NearBoundary | null
}

const COMMAND_CENTER = 'command_center'

/**
 * Who owns these points? Converts each to WGS84, finds its regions, responsibility areas and
 * near boundaries in one statement for the whole batch, then applies the pure decision procedure.
 */
export async function assignPoints(
  database: Database,
  points: AssignPointInput[],
  opts: { at?: Date; nearM?: number; tx?: AppDb; ref?: Reference } = {},
): Promise<AssignmentResult[]> {
  // Inside a transaction (the seed) the caller passes the reference read in it: the cache reads outside.
  const ref = opts.ref ?? (await reference(database))
  const errors: { path: string; message: string }[] = []
  const prepared = points.map((p, i) => {
    const crs = p.crs ?? 'wgs84'
    let wgs = { lng: NaN, lat: NaN }
    try {
      wgs = toWgs84(validateLngLat(p), crs)
    } catch (e) {
      if (!(e instanceof CoordinateError)) throw e
      errors.push({ path: `points.${i}`, message: e.message })
    }
    const fine = p.fineClass ? fineClassInfo(ref.taxonomy, p.fineClass) : null
    if (p.fineClass && !fine) errors.push({ path: `points.${i}.fineClass`, message: `unknown fine class ${p.fineClass}` })
    return { crs, wgs, fine, fineClass: p.fineClass ?? null }
  })
  if (errors.length) {
    throw problems.unprocessable('invalid_points', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors })
  }
  const nearM = opts.nearM ?? NEAR_BOUNDARY_DEFAULT_M
  const matches = await spatialMatches(
    database,
    prepared.map((p) => ({ ...p.wgs, fineClass: p.fineClass })),
    { at: opts.at, nearM, tx: opts.tx },
  )
  const commandCenter = { code: COMMAND_CENTER, ...(ref.units.get(COMMAND_CENTER) ?? { name: '区数字城管中心', nameEn: '' }) }
  const plain = (r: FoundRegion | undefined): RegionRef | null => (r ? { code: r.code, name: r.name } : null)

  return prepared.map((p, i) => {
    const m = matches[i]!
    const regions = { street: plain(m.regions.street), community: plain(m.regions.community), grid: plain(m.regions.grid) }
    const near = nearBoundary(
      m.neighbours.map((n) => ({ level: n.level, neighbour: { code: n.code, name: n.name }, distanceM: n.distanceM })),
      nearM,
    )
    const decision = decideAssignment({
      fine: p.fine,
      regions,
      streetOffice: regions.street ? (ref.streetOffices.get(regions.street.code) ?? null) : null,
      areaMatches: m.areas,
      units: ref.units,
      commandCenter,
      nearBoundary: near,
    })
    return {
      point: { lng: round7(p.wgs.lng), lat: round7(p.wgs.lat) },
      crs: p.crs,
      fineClass: p.fineClass,
      ...regions,
      regionVersions: {
        street: m.regions.street?.id ?? null,
        community: m.regions.community?.id ?? null,
        grid: m.regions.grid?.id ?? null,
      },
      nearBoundary: near,
      ...decision,
    }
  })
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7
