import { updateChangeSet } from '../../db/repositories/region-change-sets.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { recordAudit } from '../audit/record.ts'
import { lockChangeSet, requireAuthor } from './guard.ts'
import { getChangeSet, type ChangeSet } from './read.ts'

/** The author (or an admin) withdraws a draft or a submitted change set: nothing in the tree changes. */
export async function withdrawChangeSet({ database, actor, id, input }: { database: Database; actor: Actor; id: number; input: { version?: number } }): Promise<ChangeSet> {
  await database.db.transaction(async (tx) => {
    const row = await lockChangeSet(database, tx, id, ['draft', 'submitted'], input.version, 'withdrawn')
    requireAuthor(actor, row, 'withdraw')
    await updateChangeSet(database, tx, id, { state: 'withdrawn' })
    await recordAudit(database, actor, { action: 'region_change.withdraw', objectType: 'region_change_set', objectId: id, detail: { from: row.state } }, tx)
  })
  return getChangeSet({ database, id })
}
