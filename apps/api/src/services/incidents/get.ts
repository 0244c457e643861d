import { findIncidentByCode } from '../../db/repositories/incidents.ts'
import type { Database } from '../../db/types.ts'
import { rolesOf, type Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { requireIncidentInScope } from '../auth/scope.ts'
import { reference } from '../assignment/reference-cache.ts'
import { incidentView, type IncidentView } from './view.ts'

/** One incident with its deadlines (+08:00), assignment snapshot and the caller's allowed actions. */
export async function getIncident({ database, actor, code }: { database: Database; actor: Actor; code: string }): Promise<IncidentView> {
  await requireIncidentInScope(database, actor, code)
  const [rec, ref] = await Promise.all([findIncidentByCode(database, code), reference(database)])
  if (!rec) throw problems.notFound('incident', `No incident ${code}`)
  return incidentView(rec, ref, rolesOf(actor))
}
