import { listPoints } from '../../db/repositories/service-catalogue.ts'
import type { Database } from '../../db/types.ts'

/** The service points for the map, optionally only those handling an item. */
export async function servicePoints(database: Database, itemCode?: string) {
  return { points: await listPoints(database, { itemCode }) }
}
