import { maskPhone } from '@hanjiang/shared'
import { requestsOfPoint } from '../../db/repositories/service-requests.ts'
import type { Database } from '../../db/types.ts'
import { publicView } from './track.ts'

/** A point's requests on a day for its staff and the seat: the phone masked, whether each was served on time. */
export async function pointRequests(database: Database, pointCode: string, date: string) {
  const rows = await requestsOfPoint(database, pointCode, date)
  return {
    requests: rows.map((r) => ({
      ...publicView(r),
      citizenPhone: maskPhone(r.citizenPhone) ?? '',
      channel: r.channel,
      note: r.note,
      address: r.address,
      onTime: r.servedAt ? new Date(r.servedAt).getTime() <= new Date(r.deadline).getTime() : null,
    })),
  }
}
