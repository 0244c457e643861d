import { validityProblems } from '../../db/repositories/geometry-checks.ts'
import { knownReferences, type AreaKind, type AreaWrite } from '../../db/repositories/areas.ts'
import type { AppDb, Database } from '../../db/types.ts'
import { AREA_TYPES, checkGeometry } from '../geometry/input.ts'
import type { FeatureIssue, IssueBody } from '../geometry/issues.ts'

export const MIN_BUFFER_M = 1
export const MAX_BUFFER_M = 5000

/** One proposed area state (after merging a PATCH into the stored row). */
export interface AreaCandidate {
  index: number
  name: string
  unitCode: string
  classCode: string
  /** Raw GeoJSON; undefined keeps the stored geometry (PATCH), whose kind is then `keptKind`. */
  geometry?: unknown
  keptKind?: AreaKind
  bufferM?: number | null
  /** '' for a single write's body, 'properties.' in an import. */
  propertyPath: string
}

export const kindOf = (type: string): AreaKind => (type === 'Polygon' || type === 'MultiPolygon' ? 'polygon' : 'line')

/**
 * Checks area states: geometry shape/size/rings (before PostGIS), kind and buffer (a Polygon or
 * MultiPolygon is a 'polygon' area without buffer; a LineString or MultiLineString is a 'line' with
 * bufferM 1–5000 m), the unit exists and is active, classCode is a class/subclass/fine class of the
 * taxonomy, and PostGIS validity (reason + location). Returns every issue, and the writes for the
 * candidates that passed.
 */
export async function checkAreas(
  database: Database,
  candidates: AreaCandidate[],
  tx?: AppDb,
): Promise<{ issues: FeatureIssue[]; writes: Map<number, AreaWrite> }> {
  const issues: FeatureIssue[] = []
  const writes = new Map<number, AreaWrite>()
  const bad = new Set<number>()
  const add = (c: AreaCandidate, issue: IssueBody) => {
    issues.push({ ...issue, feature: c.index })
    bad.add(c.index)
  }
  const refs = await knownReferences(database, candidates.map((c) => c.unitCode), candidates.map((c) => c.classCode), tx)
  const geometries: { index: number; geometry: GeoJSON.Geometry }[] = []

  for (const c of candidates) {
    let kind: AreaKind | undefined = c.keptKind
    let geometry: GeoJSON.Geometry | null = null
    if (c.geometry !== undefined || !c.keptKind) {
      const checked = checkGeometry(c.geometry, AREA_TYPES)
      if (!checked.ok) {
        add(c, checked.issue)
        kind = undefined
      } else {
        geometry = checked.value.geometry
        kind = kindOf(geometry.type)
        geometries.push({ index: c.index, geometry })
      }
    }
    const bufferPath = `${c.propertyPath}bufferM`
    if (kind === 'line') {
      if (c.bufferM === null || c.bufferM === undefined) {
        add(c, { code: 'validation_failed', status: 400, path: bufferPath, message: `bufferM is required for a line area: the distance in metres (${MIN_BUFFER_M}–${MAX_BUFFER_M}) within which it applies` })
      } else if (!(c.bufferM >= MIN_BUFFER_M && c.bufferM <= MAX_BUFFER_M)) {
        add(c, { code: 'validation_failed', status: 400, path: bufferPath, message: `bufferM must be between ${MIN_BUFFER_M} and ${MAX_BUFFER_M} m (got ${c.bufferM})` })
      }
    } else if (kind === 'polygon' && c.bufferM !== null && c.bufferM !== undefined) {
      add(c, { code: 'validation_failed', status: 400, path: bufferPath, message: 'bufferM applies to line areas only; a polygon area covers exactly its polygon' })
    }
    if (!refs.units.has(c.unitCode)) {
      add(c, { code: 'unknown_unit', status: 422, path: `${c.propertyPath}unitCode`, message: `unit ${c.unitCode} does not exist or is inactive` })
    }
    if (!refs.classes.has(c.classCode)) {
      add(c, { code: 'unknown_class', status: 422, path: `${c.propertyPath}classCode`, message: `classCode ${c.classCode} is not a class, subclass or fine class of the taxonomy (2, 4 or 6 digits, e.g. 01, 0105, 010502)` })
    }
    if (kind) writes.set(c.index, { name: c.name, unitCode: c.unitCode, classCode: c.classCode, geometryKind: kind, bufferM: kind === 'line' ? (c.bufferM ?? null) : null, geometry })
  }

  for (const v of await validityProblems(database, geometries, tx)) {
    const c = candidates.find((x) => x.index === v.index)!
    add(c, {
      code: 'invalid_geometry', status: 422, path: 'geometry', reason: v.reason, location: v.location,
      message: `the geometry is not valid: ${v.reason}${v.location ? ` at [${v.location.coordinates.join(', ')}]` : ''}`,
    })
  }
  for (const i of bad) writes.delete(i)
  return { issues: issues.sort((a, b) => (a.feature ?? 0) - (b.feature ?? 0)), writes }
}
