import type { Rating } from '@hanjiang/shared'
import { findRequestByCode, rateRequest } from '../../db/repositories/service-requests.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import { trackServiceRequest } from './track.ts'

/** The citizen rates a served request once (the same three ratings as incidents). */
export async function rateServiceRequest(database: Database, publicCode: string, rating: Rating, now = new Date()) {
  const r = await findRequestByCode(database, publicCode)
  if (!r) throw problems.notFound('service_request', 'No special-service request with this code')
  if (r.state !== 'served') throw problems.conflict('service_request_not_served', `Only a served request can be rated; this one is ${r.state}`, { state: r.state })
  if (!(await rateRequest(database, publicCode, rating, now))) throw problems.conflict('already_rated', 'This request has been rated already')
  return trackServiceRequest(database, publicCode)
}
