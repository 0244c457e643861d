import { changeItems, changeSetPreview, changeSetRow, listChangeSets, type ChangeItem, type ChangeSetRow, type ChangeSetState } from '../../db/repositories/region-change-sets.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

export interface ChangeSet extends ChangeSetRow {
  items: ChangeItem[]
  /** The impact preview computed at submission (null before). */
  preview: unknown
}

/** One change set with its items and stored preview (404 change_set_not_found). */
export async function getChangeSet({ database, id }: { database: Database; id: number }): Promise<ChangeSet> {
  const row = await changeSetRow(database, id)
  if (!row) throw problems.notFound('change_set', `No change set ${id}`)
  const [items, preview] = await Promise.all([changeItems(database, id), changeSetPreview(database, id)])
  return { ...row, items, preview }
}

/** Change sets, newest first, optionally of one state. */
export async function listRegionChangeSets({ database, state }: { database: Database; state?: ChangeSetState }): Promise<{ items: ChangeSetRow[] }> {
  return { items: await listChangeSets(database, state) }
}
