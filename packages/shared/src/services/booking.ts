import type { WorkingDayCalendar } from '../calendar/workingCalendar.ts'
import { parseOfficeHours } from '../calendar/officeHours.ts'
import { sameDayDeadline, workingDaysDeadline } from '../deadlines/periods.ts'
import { minutesOfLocalTime, shanghaiDate, toShanghai } from '../time/shanghai.ts'
import type { SpecialService } from './vocabulary.ts'

/** How far ahead a slot may be booked (days), and how soon (minutes): a point needs time to prepare. */
export const BOOKING_HORIZON_DAYS = 30
export const BOOKING_LEAD_MINUTES = 30

export type BookingRefusal =
  | 'special_service_not_offered'
  | 'item_not_at_point'
  | 'slot_in_past'
  | 'slot_too_far'
  | 'slot_not_working_day'
  | 'no_extended_hours'
  | 'slot_outside_hours'
  | 'home_visit_needs_location'
  | 'home_visit_outside_district'

export interface BookingFacts {
  kind: SpecialService
  slotAt: Date
  now: Date
  item: { specialServices: readonly string[] }
  point: { handlesItem: boolean; openingHours: string; extendedHours: string | null; slotMinutes: number }
  /** Home visits: whether the visit's location is given, and inside the district (the database says). */
  homeVisit?: { located: boolean; insideDistrict: boolean }
  calendar: WorkingDayCalendar
}

export type BookingCheck = { ok: true } | { ok: false; code: BookingRefusal; detail: string }

const no = (code: BookingRefusal, detail: string): BookingCheck => ({ ok: false, code, detail })

/**
 * Whether a special-service booking may be taken (docs/SERVICES.md §3), capacity aside (the database takes the
 * seat). Appointments, home visits and proxy hand-ins take a slot in the point's opening hours; extended-hours
 * bookings a slot in its extended hours (延时). A slot starts on the point's slot grid counted from the start of
 * its session and ends within it, on a working day, at least BOOKING_LEAD_MINUTES ahead and at most
 * BOOKING_HORIZON_DAYS. Checks run in the order a citizen can act on them.
 */
export function checkBooking(f: BookingFacts): BookingCheck {
  if (!f.item.specialServices.includes(f.kind)) return no('special_service_not_offered', `This item does not offer ${f.kind}`)
  if (!f.point.handlesItem) return no('item_not_at_point', 'This service point does not handle this item')
  if (f.kind === 'home_visit') {
    if (!f.homeVisit?.located) return no('home_visit_needs_location', 'A home visit needs the address and its location')
    if (!f.homeVisit.insideDistrict) return no('home_visit_outside_district', 'Home visits are only made inside the district')
  }
  const ms = f.slotAt.getTime() - f.now.getTime()
  if (ms < BOOKING_LEAD_MINUTES * 60_000) return no('slot_in_past', `Book at least ${BOOKING_LEAD_MINUTES} minutes ahead; this slot has passed or is too soon`)
  if (ms > BOOKING_HORIZON_DAYS * 86_400_000) return no('slot_too_far', `Slots can be booked at most ${BOOKING_HORIZON_DAYS} days ahead`)
  const day = shanghaiDate(f.slotAt)
  if (!f.calendar.isWorkingDay(day)) return no('slot_not_working_day', `${day} is not a working day`)
  const hours = f.kind === 'extended_hours' ? f.point.extendedHours : f.point.openingHours
  if (!hours) return no('no_extended_hours', 'This service point offers no extended hours')
  if (!fitsSlotGrid(f.slotAt, hours, f.point.slotMinutes)) {
    return no('slot_outside_hours', `The slot must start on the ${f.point.slotMinutes}-minute grid within ${hours}`)
  }
  return { ok: true }
}

/** Whether `at` starts a whole slot inside one of the sessions (Shanghai time). */
export function fitsSlotGrid(at: Date, hours: string, slotMinutes: number): boolean {
  const t = toShanghai(at)
  if (t.second !== 0 || at.getUTCMilliseconds() !== 0) return false
  const m = t.hour * 60 + t.minute
  for (const s of parseOfficeHours(hours).sessions ?? []) {
    const from = minutesOfLocalTime(s.from)
    const to = minutesOfLocalTime(s.to)
    if (m >= from && m + slotMinutes <= to && (m - from) % slotMinutes === 0) return true
  }
  return false
}

/** The slot starts (Shanghai "HH:MM") a point offers on a day in these hours. */
export function slotStarts(hours: string, slotMinutes: number): string[] {
  const out: string[] = []
  for (const s of parseOfficeHours(hours).sessions ?? []) {
    for (let m = minutesOfLocalTime(s.from); m + slotMinutes <= minutesOfLocalTime(s.to); m += slotMinutes) {
      out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`)
    }
  }
  return out
}

/**
 * A special-service request's deadline: the item is done (办结) within its legal time limit in working days,
 * counted from the slot at which it is handed in (the slot's day not counted, ends when office hours close);
 * an on-the-spot item (time limit 0, 即办件) the same working day. The same calendar as the incidents' R1–R3.
 */
export function serviceRequestDeadline(slotAt: Date, timeLimitDays: number, calendar: WorkingDayCalendar): Date {
  if (!Number.isInteger(timeLimitDays) || timeLimitDays < 0) throw new RangeError(`timeLimitDays must be a whole number ≥ 0, got ${timeLimitDays}`)
  return timeLimitDays === 0 ? sameDayDeadline(slotAt, calendar) : workingDaysDeadline(slotAt, timeLimitDays, calendar)
}
