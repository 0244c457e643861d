import { changeImpact, type Impact } from '../../db/repositories/region-change-impact.ts'
import { changeItems, changeSetRow, type ChangeItem } from '../../db/repositories/region-change-sets.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import { inRolledBackTransaction, stageChangeSet } from './stage.ts'

/**
 * What publishing the items now would do — validation first (422 change_set_invalid, 409
 * change_set_stale), then the impact — computed by writing them in a transaction that is rolled back.
 */
export async function computeImpact(database: Database, id: number, items: ChangeItem[]): Promise<Impact> {
  return inRolledBackTransaction(database, async (tx) => {
    const staged = await stageChangeSet(database, tx, id, items)
    return changeImpact(database, tx, items.map((i) => ({ index: i.index, op: i.op, code: staged.codes.get(i.index)! })), staged.ts)
  })
}

/** The impact preview of a draft or submitted change set (nothing is written). */
export async function previewChangeSet({ database, id }: { database: Database; id: number }): Promise<Impact> {
  const row = await changeSetRow(database, id)
  if (!row) throw problems.notFound('change_set', `No change set ${id}`)
  if (row.state !== 'draft' && row.state !== 'submitted') {
    throw problems.conflict('change_set_state', `change set ${id} is ${row.state}: only a draft or submitted change set has a preview to compute (GET it for the preview stored at submission)`, { state: row.state, version: row.version })
  }
  return computeImpact(database, id, await changeItems(database, id))
}
