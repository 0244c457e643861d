import { orphanedRequests, type ItemAfterEdit } from '@hanjiang/shared'
import { unknownPoints, type ServiceItemFields } from '../../db/repositories/service-catalogue.ts'
import { openRequestsOfItem } from '../../db/repositories/service-requests.ts'
import type { AppDb, Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

export type ItemInput = ServiceItemFields & { pointCodes?: string[] }

/** Refuses an edit that leaves open requests without a way to be served, listing them (docs/SERVICES.md §1). */
export async function refuseOrphans(database: Database, tx: AppDb, code: string, after: ItemAfterEdit): Promise<void> {
  const orphans = orphanedRequests(after, await openRequestsOfItem(database, tx, code))
  if (orphans.length) {
    throw problems.conflict(
      'catalogue_edit_orphans_requests',
      `${orphans.length} open request(s) would be left without a way to be served: ${orphans.map((o) => o.publicCode).join(', ')}`,
      { requests: orphans },
    )
  }
}

export async function checkPoints(database: Database, tx: AppDb, codes: readonly string[] | undefined): Promise<void> {
  if (!codes) return
  const unknown = await unknownPoints(database, codes, tx)
  if (unknown.length) throw problems.unprocessable('unknown_service_point', `Unknown or inactive service points: ${unknown.join(', ')}`, { points: unknown })
}

