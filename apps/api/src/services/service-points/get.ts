import { getPoint, listCurrentItems, pointItemCodes } from '../../db/repositories/service-catalogue.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import { itemView } from '../service-catalogue/view.ts'

/** One point with its hours and the items it handles (its 进驻事项目录清单). */
export async function servicePointDetail(database: Database, code: string) {
  const [point, codes, items] = await Promise.all([getPoint(database, code), pointItemCodes(database, code), listCurrentItems(database)])
  if (!point || !point.active) throw problems.notFound('service_point', `No service point ${code}`)
  const handled = new Set(codes)
  return { point, items: items.filter((i) => handled.has(i.code)).map(itemView) }
}
