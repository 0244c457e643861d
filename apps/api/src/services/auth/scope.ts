import { incidentScopes } from '@hanjiang/shared'
import { incidentInScope, type RowScope } from '../../db/repositories/incident-scope.ts'
import type { Database } from '../../db/types.ts'
import { userRoles, type Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'

/**
 * The incident rows `actor` may see (docs/DOMAIN.md §1): null = all (dispatcher, efficiency office, viewer, admin; the
 * timer worker and in-process callers); a handler / unit supervisor their unit (and its sections); an inspector /
 * grid admin their areas; both kinds when a user holds both.
 */
export function incidentRowScope(actor: Actor): RowScope {
  if (actor.role === 'system') return null
  // A unit's API key reads its unit (and sections); the command center's keys read everything, like its seats.
  if (actor.apiKey) return actor.unitCode === 'command_center' ? null : { unitCodes: [actor.unitCode ?? ''], areaPrefixes: [] }
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

/** 404 unless the incident is in the actor's scope: out-of-scope incidents look exactly like missing ones. */
export async function requireIncidentInScope(database: Database, actor: Actor, code: string): Promise<void> {
  const scope = incidentRowScope(actor)
  if (scope && !(await incidentInScope(database, code, scope))) throw problems.notFound('incident', `No incident ${code}`)
}
