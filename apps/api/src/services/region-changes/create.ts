import { insertChangeSet, replaceChangeItems } from '../../db/repositories/region-change-sets.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { recordAudit } from '../audit/record.ts'
import { normaliseItems, requireItemsInAreas, type ItemInput } from './items.ts'
import { getChangeSet, type ChangeSet } from './read.ts'

/** Starts a draft change set (optionally with items), audited, in one transaction. */
export async function createChangeSet({ database, actor, input }: { database: Database; actor: Actor; input: { title: string; items?: ItemInput[] } }): Promise<ChangeSet> {
  const items = normaliseItems(input.items ?? [])
  requireItemsInAreas(actor, items)
  const id = await database.db.transaction(async (tx) => {
    const id = await insertChangeSet(database, tx, input.title, actor.id)
    await replaceChangeItems(database, tx, id, items)
    await recordAudit(database, actor, { action: 'region_change.create', objectType: 'region_change_set', objectId: id, detail: { title: input.title, items: items.length } }, tx)
    return id
  })
  return getChangeSet({ database, id })
}
