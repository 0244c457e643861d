import { findIncidentByCode } from '../../db/repositories/incidents.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { recordAudit } from '../audit/record.ts'
import { requireIncidentInScope } from '../auth/scope.ts'

/**
 * The reporter's full name and phone (PIPL: shown only on an explicit, audited request; roles with
 * `incident.reveal` — dispatcher and admin — reach this). The audit row is written before the data leaves.
 */
export async function revealReporter({ database, actor, code }: { database: Database; actor: Actor; code: string }): Promise<{ name: string | null; phone: string | null }> {
  await requireIncidentInScope(database, actor, code)
  const rec = await findIncidentByCode(database, code)
  if (!rec) throw problems.notFound('incident', `No incident ${code}`)
  await recordAudit(database, actor, { action: 'incident.reveal', objectType: 'incident', objectId: rec.code, detail: { fields: ['name', 'phone'] } })
  return { name: rec.reporterName, phone: rec.reporterPhone }
}
