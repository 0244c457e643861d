import { closeRequest, findRequestByCode, releaseSeat } from '../../db/repositories/service-requests.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import { trackServiceRequest } from './track.ts'

/**
 * Ends a booked request: `served` or `no_show` by the point's staff / the seat, `cancelled` by the citizen (or
 * the seat for a caller). Cancelling frees the seat in the same transaction. Only a booked request moves.
 */
export async function closeServiceRequest({ database, publicCode, to, now = new Date() }: { database: Database; publicCode: string; to: 'served' | 'cancelled' | 'no_show'; now?: Date }) {
  const r = await findRequestByCode(database, publicCode)
  if (!r) throw problems.notFound('service_request', 'No special-service request with this code')
  await database.db.transaction(async (tx) => {
    if (!(await closeRequest(database, tx, publicCode, to, now))) {
      throw problems.conflict('service_request_not_booked', `The request is ${r.state}, no longer booked`, { state: r.state })
    }
    if (to === 'cancelled') await releaseSeat(database, tx, r.pointCode, r.slotAt)
  })
  return trackServiceRequest(database, publicCode)
}
