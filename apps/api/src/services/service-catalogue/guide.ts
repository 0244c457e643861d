import { getCurrentItem, itemVersions, listPoints } from '../../db/repositories/service-catalogue.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import { itemView } from './view.ts'


/** An item's guide (办事指南): the current version and how many points of each kind handle it. */
export async function itemGuide(database: Database, code: string) {
  const [item, points] = await Promise.all([getCurrentItem(database, code), listPoints(database, { itemCode: code })])
  if (!item) throw problems.notFound('service_item', `No current service item ${code}`)
  const counts = { district_center: 0, town_center: 0, village_point: 0 }
  for (const p of points) counts[p.kind]++
  return { item: itemView(item), points: counts }
}

/** Every version of an item, newest first (the admin's history). */
export async function itemHistory(database: Database, code: string) {
  const versions = await itemVersions(database, code)
  if (!versions.length) throw problems.notFound('service_item', `No service item ${code}`)
  return { items: versions.map(itemView) }
}
