import { replaceChangeItems, updateChangeSet } from '../../db/repositories/region-change-sets.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { recordAudit } from '../audit/record.ts'
import { lockChangeSet, requireAuthor } from './guard.ts'
import { normaliseItems, requireItemsInAreas, type ItemInput } from './items.ts'
import { getChangeSet, type ChangeSet } from './read.ts'

/**
 * Replaces every item of a draft (the editor sends its whole edit list), optionally renaming it.
 * Structural checks here; spatial checks at preview and submission.
 */
export async function setChangeItems({ database, actor, id, input }: { database: Database; actor: Actor; id: number; input: { version: number; title?: string; items: ItemInput[] } }): Promise<ChangeSet> {
  const items = normaliseItems(input.items)
  requireItemsInAreas(actor, items)
  await database.db.transaction(async (tx) => {
    const row = await lockChangeSet(database, tx, id, ['draft'], input.version, 'edited')
    requireAuthor(actor, row, 'edit')
    await replaceChangeItems(database, tx, id, items)
    await updateChangeSet(database, tx, id, { title: input.title })
    await recordAudit(database, actor, { action: 'region_change.edit', objectType: 'region_change_set', objectId: id, detail: { items: items.length } }, tx)
  })
  return getChangeSet({ database, id })
}
