import { incidentScopes } from '@hanjiang/shared'
import { userRoles, type Actor } from '../../http/actor.ts'
import type { MapFilter } from '../../db/repositories/incident-map.ts'

/**
 * The rows a caller's map and wall may count (docs/DOMAIN.md §1): dispatchers, the efficiency office, viewers and admins see
 * everything (null); a handler or unit supervisor their unit's incidents; an inspector or grid admin those in their
 * areas (grid-code prefixes); both when a user holds both kinds of role.
 */
export function rowScope(actor: Actor): MapFilter['scope'] {
  const scopes = incidentScopes(userRoles(actor), actor.unitCode ?? '', actor.areaPrefixes ?? [])
  if (scopes.some((s) => s.kind === 'all')) return null
  const unitCodes: string[] = []
  const areaPrefixes: string[] = []
  for (const s of scopes) {
    if (s.kind === 'unit' && s.unitCode) unitCodes.push(s.unitCode)
    if (s.kind === 'areas') areaPrefixes.push(...s.prefixes)
  }
  return { unitCodes, areaPrefixes }
}
