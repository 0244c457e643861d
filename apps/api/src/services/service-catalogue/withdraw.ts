import { getCurrentItem, withdrawItem } from '../../db/repositories/service-catalogue.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import { refuseOrphans } from './orphans.ts'

/** Withdraws an item from the catalogue (its versions stay for the requests booked under them). */
export async function withdrawServiceItem({ database, code }: { database: Database; code: string }): Promise<void> {
  await database.db.transaction(async (tx) => {
    const cur = await getCurrentItem(database, code, tx, { forUpdate: true })
    if (!cur) throw problems.notFound('service_item', `No current service item ${code}`)
    await refuseOrphans(database, tx, code, { specialServices: null, pointCodes: null })
    await withdrawItem(database, tx, code, new Date())
  })
}
