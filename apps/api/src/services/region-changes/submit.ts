import { changeItems, updateChangeSet } from '../../db/repositories/region-change-sets.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { recordAudit } from '../audit/record.ts'
import { lockChangeSet, requireAuthor } from './guard.ts'
import { requireItemsInAreas } from './items.ts'
import { computeImpact } from './preview.ts'
import { getChangeSet, type ChangeSet } from './read.ts'

/**
 * Submits a draft for approval: every item inside the caller's areas (403 naming the region), no
 * region changed since the draft began (409 change_set_stale), the server validation passes (422), and
 * the impact preview is stored with the set for the approver. The state change is one transaction,
 * refused if the draft changed meanwhile (version).
 */
export async function submitChangeSet({ database, actor, id, input }: { database: Database; actor: Actor; id: number; input: { version?: number } }): Promise<ChangeSet> {
  const items = await changeItems(database, id)
  requireItemsInAreas(actor, items)
  const preview = await computeImpact(database, id, items)
  await database.db.transaction(async (tx) => {
    const row = await lockChangeSet(database, tx, id, ['draft'], input.version, 'submitted')
    requireAuthor(actor, row, 'submit')
    await updateChangeSet(database, tx, id, { state: 'submitted', submittedBy: actor.id, preview })
    await recordAudit(database, actor, {
      action: 'region_change.submit', objectType: 'region_change_set', objectId: id,
      detail: { items: items.length, incidentsMoved: preview.incidents.count, routesLeaving: preview.routes.length, areasAffected: preview.areas.length },
    }, tx)
  })
  return getChangeSet({ database, id })
}
