import { updateChangeSet } from '../../db/repositories/region-change-sets.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { recordAudit } from '../audit/record.ts'
import { lockChangeSet } from './guard.ts'
import { getChangeSet, type ChangeSet } from './read.ts'

/** An admin rejects a submitted change set with a comment: nothing in the tree changes. */
export async function rejectChangeSet({ database, actor, id, input }: { database: Database; actor: Actor; id: number; input: { version?: number; comment: string } }): Promise<ChangeSet> {
  await database.db.transaction(async (tx) => {
    await lockChangeSet(database, tx, id, ['submitted'], input.version, 'rejected')
    await updateChangeSet(database, tx, id, { state: 'rejected', decidedBy: actor.id, decisionComment: input.comment })
    await recordAudit(database, actor, { action: 'region_change.reject', objectType: 'region_change_set', objectId: id, detail: { comment: input.comment } }, tx)
  })
  return getChangeSet({ database, id })
}
