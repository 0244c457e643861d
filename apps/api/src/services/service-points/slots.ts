import { fromShanghai, slotStarts } from '@hanjiang/shared'
import { getPoint } from '../../db/repositories/service-catalogue.ts'
import { slotCapacityOn, slotsOfDay } from '../../db/repositories/service-requests.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import { workingCalendar } from '../calendar/working-calendar.ts'
import { withCalendar } from '../incidents/problems.ts'

/**
 * A point's bookable slots on a Shanghai day with the seats left: its opening-hours slots and its extended-hours
 * slots, none on a day that is not a working day. Seats left = the day's capacity minus those taken.
 */
export async function pointSlots(database: Database, code: string, date: string, now = new Date()) {
  const point = await getPoint(database, code)
  if (!point || !point.active) throw problems.notFound('service_point', `No service point ${code}`)
  const calendar = await workingCalendar(database)
  const workingDay = withCalendar(() => calendar.isWorkingDay(date))
  if (!workingDay) return { pointCode: code, date, workingDay, slots: [] }
  const [taken, capacity] = await Promise.all([slotsOfDay(database, code, date), slotCapacityOn(database, code, date)])
  const booked = new Map(taken.map((t) => [new Date(t.slotAt).getTime(), t]))
  const slots = (['opening', 'extended'] as const).flatMap((kind) => {
    const hours = kind === 'opening' ? point.openingHours : point.extendedHours
    if (!hours) return []
    return slotStarts(hours, point.slotMinutes).map((time) => {
      const at = fromShanghai(date, time)
      const t = booked.get(at.getTime())
      return { at: at.toISOString(), time, kind, left: at.getTime() <= now.getTime() ? 0 : Math.max(0, (t?.capacity ?? capacity) - (t?.booked ?? 0)) }
    })
  })
  return { pointCode: code, date, workingDay, slots }
}
