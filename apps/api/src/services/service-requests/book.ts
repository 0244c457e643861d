import { checkBooking, CoordinateError, shanghaiDate, serviceRequestDeadline, toWgs84, validateLngLat, type Crs, type SpecialService } from '@hanjiang/shared'
import { getCurrentItem, getPoint, insideDistrict, pointHandles } from '../../db/repositories/service-catalogue.ts'
import { insertRequest, slotCapacityOn, takeSeat } from '../../db/repositories/service-requests.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { workingCalendar } from '../calendar/working-calendar.ts'
import { newTrackingCode } from '../incidents/create.ts'
import { withCalendar } from '../incidents/problems.ts'
import { PUBLIC_LIMITS, type RateLimiter } from '../public/rate-limiter.ts'
import { trackServiceRequest } from './track.ts'

export interface BookingInput {
  kind: SpecialService
  itemCode: string
  pointCode: string
  slotAt: Date
  citizenName: string
  /** Normalized (http/phone-field.ts). */
  citizenPhone: string
  address?: string | null
  location?: { lng: number; lat: number; crs?: Crs } | null
  note?: string | null
}

/**
 * Books a special service (docs/SERVICES.md §3): from the public page (`limiter` + `ip`: the same limits as
 * public reports) or by a hotline seat. The pure rules (checkBooking) first, then ONE transaction: lock the item's
 * current version against a concurrent edit, re-check the point still handles it, take a seat (one locking
 * statement; a full slot rolls everything back) and insert the request with its working-day deadline.
 */
export async function bookService({
  database,
  actor,
  input,
  limiter,
  ip,
  now = new Date(),
}: {
  database: Database
  actor: Actor
  input: BookingInput
  limiter?: RateLimiter
  ip?: string
  now?: Date
}) {
  if (limiter) {
    await limiter.enforce([
      [PUBLIC_LIMITS.bookingPerIp, ip ?? 'unknown'],
      [PUBLIC_LIMITS.bookingPerPhone, input.citizenPhone],
    ])
  }
  const [item, point, calendar] = await Promise.all([getCurrentItem(database, input.itemCode), getPoint(database, input.pointCode), workingCalendar(database)])
  if (!item) throw problems.unprocessable('unknown_service_item', `No current service item ${input.itemCode}`, { errors: [{ path: 'itemCode', message: 'unknown item' }] })
  if (!point || !point.active) throw problems.unprocessable('unknown_service_point', `No service point ${input.pointCode}`, { errors: [{ path: 'pointCode', message: 'unknown point' }] })
  let location: { lng: number; lat: number } | null = null
  if (input.location) {
    try {
      location = toWgs84(validateLngLat(input.location), input.location.crs ?? 'wgs84')
    } catch (e) {
      if (!(e instanceof CoordinateError)) throw e
      throw problems.unprocessable('invalid_location', `The location is invalid: ${e.message}`, { errors: [{ path: 'location', message: e.message }] })
    }
  }
  const [handles, inside] = await Promise.all([
    pointHandles(database, point.code, item.code),
    input.kind === 'home_visit' && location ? insideDistrict(database, location.lng, location.lat) : Promise.resolve(false),
  ])
  const homeVisit = input.kind === 'home_visit' ? { located: location !== null && !!input.address?.trim(), insideDistrict: inside } : undefined
  const point_ = { handlesItem: handles, openingHours: point.openingHours, extendedHours: point.extendedHours, slotMinutes: point.slotMinutes }
  const check = withCalendar(() => checkBooking({ kind: input.kind, slotAt: input.slotAt, now, item, point: point_, homeVisit, calendar }))
  if (!check.ok) throw problems.unprocessable(check.code, check.detail)
  const deadline = withCalendar(() => serviceRequestDeadline(input.slotAt, item.timeLimitDays, calendar))
  const publicCode = newTrackingCode()
  await database.db.transaction(async (tx) => {
    const locked = await getCurrentItem(database, item.code, tx, { forShare: true })
    if (!locked || locked.version !== item.version || !(await pointHandles(database, point.code, item.code, tx))) {
      throw problems.unprocessable('item_not_at_point', 'The catalogue changed meanwhile: this point no longer handles this item')
    }
    const capacity = await slotCapacityOn(database, point.code, shanghaiDate(input.slotAt), tx)
    if (!(await takeSeat(database, tx, point.code, input.slotAt, capacity))) {
      throw problems.conflict('slot_full', 'This slot is fully booked; choose another time', { slotAt: input.slotAt.toISOString() })
    }
    await insertRequest(database, tx, {
      publicCode,
      kind: input.kind,
      itemCode: item.code,
      itemVersion: item.version,
      pointCode: point.code,
      slotAt: input.slotAt,
      citizenName: input.citizenName,
      citizenPhone: input.citizenPhone,
      address: input.address?.trim() || null,
      location,
      note: input.note?.trim() || null,
      channel: actor.role === 'public' ? 'public_web' : 'hotline',
      createdBy: actor.id,
      deadline,
      at: now,
    })
  })
  return trackServiceRequest(database, publicCode)
}
