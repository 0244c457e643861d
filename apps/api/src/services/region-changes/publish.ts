import { changeItems, recordPublished, updateChangeSet } from '../../db/repositories/region-change-sets.ts'
import type { AppDb, Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { recordAudit } from '../audit/record.ts'
import { stageChangeSet } from './stage.ts'

/**
 * Publishes an approved change set inside `tx`: every item becomes a region version valid from
 * `effectiveFrom` (or the lock's instant when that is later), the old versions closed at the same
 * instant (services/regions/apply.ts), retired regions closed; codes and versions recorded on the items.
 */
export async function publishInTransaction(database: Database, tx: AppDb, actor: Actor | null, id: number, effectiveFrom: Date): Promise<{ ts: string; codes: string[] }> {
  const items = await changeItems(database, id, tx)
  const staged = await stageChangeSet(database, tx, id, items, effectiveFrom)
  const versions = new Map<string, number>([
    ...staged.written.map((w) => [w.code, w.version] as const),
    ...staged.retired.map((r) => [r.code, r.version] as const),
  ])
  await recordPublished(database, tx, id, items.map((i) => {
    const code = staged.codes.get(i.index)!
    return { index: i.index, code, version: versions.get(code) ?? i.baseVersion ?? 0 }
  }))
  // The instant the versions really switched (the lock's, when later than the time asked for).
  await updateChangeSet(database, tx, id, { published: true, effectiveFrom: staged.ts })
  const codes = [...staged.codes.values()]
  await recordAudit(database, actor, { action: 'region_change.publish', objectType: 'region_change_set', objectId: id, detail: { validFrom: staged.ts, codes } }, tx)
  return { ts: staged.ts, codes }
}
