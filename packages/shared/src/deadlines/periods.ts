import type { WorkingDayCalendar } from '../calendar/workingCalendar.ts'
import { endOfOfficeHours, type OfficeHoursConfig } from '../calendar/officeHours.ts'
import { toInstant, shanghaiDate, type Instant } from '../time/shanghai.ts'

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS

/** Plain elapsed time: `start` + `ms` (clock-hour rules R4–R7, R10 ignore the calendar). */
export function addElapsed(start: Instant, ms: number): Date {
  return new Date(toInstant(start).getTime() + ms)
}

/**
 * A period of `n` working days starting at `start` (Chinese administrative-law convention): the
 * start day is not counted, counting begins on the next working day, and the period ends when
 * office hours end on its last working day. All in Asia/Shanghai. Office hours: `officeHours`, else the
 * calendar's own (the deployment's OFFICE_HOURS), else 08:30–17:30.
 * @throws MissingCalendarYearError if a day of the period falls in a year with no calendar.
 */
export function workingDaysDeadline(
  start: Instant,
  n: number,
  calendar: WorkingDayCalendar,
  officeHours?: OfficeHoursConfig,
): Date {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`)
  const last = calendar.addWorkingDays(shanghaiDate(start), n)
  return endOfOfficeHours(last, officeHours ?? calendar.officeHours)
}

/**
 * "Answered the same day" (R3): the end of office hours of the start day when it is a working day
 * and office hours have not yet ended; otherwise (after closing time, or a weekend/holiday) the end
 * of office hours of the next working day. Before opening time on a working day counts as that day.
 */
export function sameDayDeadline(start: Instant, calendar: WorkingDayCalendar, officeHours: OfficeHoursConfig | undefined = calendar.officeHours): Date {
  const at = toInstant(start)
  const day = shanghaiDate(at)
  if (calendar.isWorkingDay(day)) {
    const close = endOfOfficeHours(day, officeHours)
    if (at.getTime() < close.getTime()) return close
  }
  return endOfOfficeHours(calendar.nextWorkingDay(day), officeHours)
}
