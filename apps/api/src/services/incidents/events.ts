import { listEvents } from '../../db/repositories/incident-events.ts'
import { findIncidentByCode } from '../../db/repositories/incidents.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { requireIncidentInScope } from '../auth/scope.ts'
import { eventView } from './view.ts'

/** The incident's append-only event log, oldest first. */
export async function listIncidentEvents({
  database,
  actor,
  code,
}: {
  database: Database
  actor: Actor
  code: string
}) {
  await requireIncidentInScope(database, actor, code)
  const rec = await findIncidentByCode(database, code)
  if (!rec) throw problems.notFound('incident', `No incident ${code}`)
  return { code: rec.code, events: (await listEvents(database, rec.id)).map(eventView) }
}
