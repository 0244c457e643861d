import { PATROL_AREA_ROLES, PATROL_DISTRICT_ROLES } from '@hanjiang/shared'
import { DISTRICT_PREFIX } from './constants.ts'
import { rolesOf, type Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'


/**
 * The region-code prefixes whose patrol data the actor sees: an inspector's / grid admin's areas, the whole
 * district for the center's read roles; anyone else (a handler) has no patrol view.
 */
export function patrolPrefixes(actor: Actor): string[] {
  if (rolesOf(actor).some((r) => (PATROL_DISTRICT_ROLES as readonly string[]).includes(r))) return [DISTRICT_PREFIX]
  if (rolesOf(actor).some((r) => (PATROL_AREA_ROLES as readonly string[]).includes(r))) return [...(actor.areaPrefixes ?? [])]
  throw problems.forbidden('role_not_allowed', `Patrol data is for inspectors, grid admins and the command center, not ${actor.role}`)
}

export function requireInspector(actor: Actor): void {
  if (!rolesOf(actor).includes('inspector')) {
    throw problems.forbidden('role_not_allowed', `Only inspectors record patrol tracks, not ${actor.role}`)
  }
}

export function requireGridInScope(code: string, prefixes: readonly string[]): void {
  if (!prefixes.some((p) => code.startsWith(p))) {
    throw problems.forbidden('outside_your_areas', `Grid ${code} is outside your areas (${prefixes.join(', ') || 'none'})`)
  }
}
