import { officeHoursOn, type OfficeHoursConfig } from '../calendar/officeHours.ts'
import type { WorkingDayCalendar } from '../calendar/workingCalendar.ts'
import { addCalendarDays } from '../time/localDate.ts'
import { fromShanghai, shanghaiDate } from '../time/shanghai.ts'

/**
 * Milliseconds of office time between two instants: the overlap of [start, end) with the office sessions of
 * every working day between them (a 调休 Saturday counts, a holiday weekday does not). With sessions
 * configured (08:30–12:00, 14:30–17:30) the lunch break is not counted; otherwise opens–closes.
 * @throws MissingCalendarYearError when a day between them is in a year with no calendar.
 */
export function workingMsBetween(
  start: Date,
  end: Date,
  calendar: WorkingDayCalendar,
  officeHours: OfficeHoursConfig | undefined = calendar.officeHours,
): number {
  const a = start.getTime()
  const b = end.getTime()
  if (!(b > a)) return 0
  let total = 0
  const last = shanghaiDate(end)
  for (let d = shanghaiDate(start); d <= last; d = addCalendarDays(d, 1)) {
    if (!calendar.isWorkingDay(d)) continue
    const h = officeHoursOn(d, officeHours)
    const sessions = h.sessions?.length ? h.sessions : [{ from: h.opens, to: h.closes }]
    for (const s of sessions) {
      const from = Math.max(a, fromShanghai(d, s.from).getTime())
      const to = Math.min(b, fromShanghai(d, s.to).getTime())
      if (to > from) total += to - from
    }
  }
  return total
}

