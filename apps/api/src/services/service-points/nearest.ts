import { getCurrentItem, nearestPoints } from '../../db/repositories/service-catalogue.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

/** The points handling an item nearest to a place (WGS84), nearest first. */
export async function nearestServicePoints(database: Database, input: { itemCode: string; lng: number; lat: number; limit: number }) {
  const [item, points] = await Promise.all([getCurrentItem(database, input.itemCode), nearestPoints(database, input.itemCode, input.lng, input.lat, input.limit)])
  if (!item) throw problems.notFound('service_item', `No current service item ${input.itemCode}`)
  return { points }
}
