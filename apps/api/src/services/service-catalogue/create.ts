import { getCurrentItem, insertItemVersion, itemCodeExists, itemPointCodes, setItemPoints } from '../../db/repositories/service-catalogue.ts'
import type { AppDb, Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { checkPoints, type ItemInput } from './orphans.ts'
import { pinyinInitials } from './pinyin.ts'

/** A new item (version 1) and the points handling it, inside the caller's transaction. */
export async function createInTx(database: Database, tx: AppDb, actor: Actor, input: ItemInput, at: Date): Promise<void> {
  if (await itemCodeExists(database, input.code, tx)) throw problems.conflict('service_item_exists', `Service item ${input.code} exists (codes are never reused)`)
  await checkPoints(database, tx, input.pointCodes)
  const { pointCodes, ...fields } = input
  await insertItemVersion(database, tx, { ...fields, version: 1, pinyinInitials: pinyinInitials(input.name), editedBy: actor.id, at })
  if (pointCodes) await setItemPoints(database, tx, input.code, [...new Set(pointCodes)])
}

export async function createItem({ database, actor, input }: { database: Database; actor: Actor; input: ItemInput }) {
  await database.db.transaction((tx) => createInTx(database, tx, actor, input, new Date()))
  return { item: (await getCurrentItem(database, input.code))!, pointCodes: await itemPointCodes(database, input.code) }
}
