import { getCurrentItem, insertItemVersion, itemPointCodes, setItemPoints, type ServiceItemRow } from '../../db/repositories/service-catalogue.ts'
import type { AppDb, Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { checkPoints, refuseOrphans, type ItemInput } from './orphans.ts'
import { pinyinInitials } from './pinyin.ts'

export type ItemPatch = Partial<Omit<ItemInput, 'code'>> & { expectedVersion?: number }

const FIELDS = ['name', 'nameEn', 'category', 'unitCode', 'unitName', 'materials', 'steps', 'timeLimitDays', 'fees', 'onlinePrereview', 'specialServices', 'demo'] as const

/** Whether the patch changes any field of the current version (an import leaves unchanged rows alone). */
export function changesItem(cur: ServiceItemRow, patch: ItemPatch): boolean {
  return FIELDS.some((f) => patch[f] !== undefined && JSON.stringify(patch[f]) !== JSON.stringify(cur[f]))
}

/**
 * An edit inside the caller's transaction: the next version with the changed fields, and optionally a new list of
 * points. The current row is locked first, so two edits of one item serialize; an edit that would orphan open
 * requests throws before writing. An edit that changes no field writes no version (points may still change).
 */
export async function updateInTx(database: Database, tx: AppDb, actor: Actor, code: string, input: ItemPatch, at: Date): Promise<void> {
  const cur = await getCurrentItem(database, code, tx, { forUpdate: true })
  if (!cur) throw problems.notFound('service_item', `No current service item ${code}`)
  if (input.expectedVersion !== undefined && input.expectedVersion !== cur.version) {
    throw problems.conflict('version_conflict', `Service item ${code} is at version ${cur.version}, not ${input.expectedVersion}`, { version: cur.version })
  }
  await checkPoints(database, tx, input.pointCodes)
  const { pointCodes, expectedVersion: _v, ...fields } = input
  const next = { ...cur, ...fields, code }
  await refuseOrphans(database, tx, code, { specialServices: next.specialServices, pointCodes: pointCodes ?? null })
  if (changesItem(cur, fields)) {
    await insertItemVersion(database, tx, { ...next, version: cur.version + 1, pinyinInitials: pinyinInitials(next.name), editedBy: actor.id, at })
  }
  if (pointCodes) await setItemPoints(database, tx, code, [...new Set(pointCodes)])
}

/** PATCH: one edit in its own transaction; answers the current version and its points. */
export async function updateItem({ database, actor, code, input }: { database: Database; actor: Actor; code: string; input: ItemPatch }) {
  await database.db.transaction((tx) => updateInTx(database, tx, actor, code, input, new Date()))
  return { item: (await getCurrentItem(database, code))!, pointCodes: await itemPointCodes(database, code) }
}
