import { changeItems, updateChangeSet } from '../../db/repositories/region-change-sets.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { recordAudit } from '../audit/record.ts'
import { lockChangeSet } from './guard.ts'
import { computeImpact } from './preview.ts'
import { publishInTransaction } from './publish.ts'
import { getChangeSet, type ChangeSet } from './read.ts'

/** An effective-from this far in the past is a mistake, not clock skew between browser and server. */
const PAST_SLACK_MS = 5 * 60_000

/**
 * An admin approves a submitted change set. Effective now (or no time given): published in the SAME
 * transaction as the approval — all items or none. Effective later: validated now (stale, 422) and
 * kept `approved` until the time comes; publish-due.ts publishes it then, re-checking everything.
 */
export async function approveChangeSet({ database, actor, id, input }: { database: Database; actor: Actor; id: number; input: { version?: number; comment?: string | null; effectiveFrom?: string } }): Promise<ChangeSet> {
  const now = Date.now()
  const effective = input.effectiveFrom ? new Date(input.effectiveFrom) : new Date(now)
  if (effective.getTime() < now - PAST_SLACK_MS) {
    throw problems.unprocessable('effective_from_past', `effectiveFrom ${input.effectiveFrom} is in the past; versions start now or later (history is never rewritten)`, {
      errors: [{ path: 'effectiveFrom', message: 'must be now or later' }],
    })
  }
  const later = effective.getTime() > now
  // A later publication is checked now so the approver learns of problems while deciding.
  if (later) await computeImpact(database, id, await changeItems(database, id))
  await database.db.transaction(async (tx) => {
    await lockChangeSet(database, tx, id, ['submitted'], input.version, 'approved')
    await updateChangeSet(database, tx, id, { state: 'approved', decidedBy: actor.id, decisionComment: input.comment ?? null, effectiveFrom: effective.toISOString() })
    await recordAudit(database, actor, { action: 'region_change.approve', objectType: 'region_change_set', objectId: id, detail: { comment: input.comment ?? null, effectiveFrom: effective.toISOString() } }, tx)
    if (!later) await publishInTransaction(database, tx, actor, id, effective)
  })
  return getChangeSet({ database, id })
}
