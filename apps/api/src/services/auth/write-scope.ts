import { areaInsideRegions, geometryInsideRegions } from '../../db/repositories/edit-scope.ts'
import type { Database } from '../../db/types.ts'
import { userRoles, type Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { AREA_TYPES, checkGeometry } from '../geometry/input.ts'
import { singleWriteProblem } from '../geometry/issues.ts'

/**
 * Where a caller may edit the map: admins anywhere; a grid admin only inside their areas — regions
 * strictly below an area (code prefix), responsibility areas whose geometry lies inside an area's region.
 * Bulk imports are admin-only (permission map.import in the route rules).
 */
const unrestricted = (actor: Actor) => userRoles(actor).includes('admin')
/** 403 with its own code: the route is allowed, this place is not. */
const outside = (detail: string) => problems.forbidden('outside_areas', detail)

/** The area's own region code from its prefix (street 9 digits → 12 with 000, grid 15 as is). */
const areaCode = (prefix: string) => (prefix.length >= 12 ? prefix : prefix.padEnd(12, '0'))

export function requireRegionWrite(actor: Actor, code: string): void {
  if (unrestricted(actor)) return
  const prefixes = actor.areaPrefixes ?? []
  if (!prefixes.some((p) => code.startsWith(p) && code !== areaCode(p))) {
    throw outside(`Region ${code} is outside your areas (${prefixes.map(areaCode).join(', ') || 'none'}).`)
  }
}

/** A responsibility-area geometry (GeoJSON, WGS84) must lie inside one of the grid admin's areas. */
export async function requireGeometryInAreas(database: Database, actor: Actor, geometry: unknown): Promise<void> {
  if (unrestricted(actor)) return
  const codes = (actor.areaPrefixes ?? []).map(areaCode)
  if (!codes.length) throw outside('You have no areas to edit.')
  // Validated before PostGIS reads it: malformed GeoJSON is the caller's 400/413/422, not a database error.
  const checked = checkGeometry(geometry, AREA_TYPES)
  if (!checked.ok) throw singleWriteProblem([checked.issue])
  if (!(await geometryInsideRegions(database, geometry, codes))) throw outside('The area is not inside your areas.')
}

/** An existing responsibility area (by id) must lie inside the grid admin's areas too. */
export async function requireAreaInAreas(database: Database, actor: Actor, id: number): Promise<void> {
  if (unrestricted(actor)) return
  const codes = (actor.areaPrefixes ?? []).map(areaCode)
  if (!(await areaInsideRegions(database, id, codes))) throw outside(`Area ${id} is not inside your areas.`)
}
