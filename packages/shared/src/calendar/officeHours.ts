import type { LocalDate } from '../time/localDate.ts'
import { fromShanghai, isLocalTime, minutesOfLocalTime, type LocalTime } from '../time/shanghai.ts'

/**
 * Office hours of a working day, Shanghai wall-clock "HH:MM". Only the window's ends matter for
 * deadlines (a period ends when office hours end on its last working day; R3 looks at "after hours");
 * the lunch break is irrelevant to them, so it is not modelled.
 */
export interface OfficeHours {
  opens: LocalTime
  closes: LocalTime
}

/** Fixed hours, or hours per date (e.g. Fujian's summer timetable). */
export type OfficeHoursConfig = OfficeHours | ((date: LocalDate) => OfficeHours)

/**
 * Default 08:30–17:30: the common span of Chinese government office days (08:30–12:00 and
 * 14:30–17:30 or similar). Configure per deployment, or pass a function for seasonal hours.
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours = { opens: '08:30', closes: '17:30' }

export function validateOfficeHours(h: OfficeHours): OfficeHours {
  if (!isLocalTime(h.opens) || !isLocalTime(h.closes))
    throw new RangeError(`Invalid office hours ${JSON.stringify(h)}; expected HH:MM`)
  if (minutesOfLocalTime(h.opens) >= minutesOfLocalTime(h.closes))
    throw new RangeError(`Office hours must open before they close: ${h.opens}–${h.closes}`)
  return h
}

export function officeHoursOn(date: LocalDate, config: OfficeHoursConfig = DEFAULT_OFFICE_HOURS): OfficeHours {
  return validateOfficeHours(typeof config === 'function' ? config(date) : config)
}

/** The instant office hours end on `date` (the calendar is not consulted). */
export function endOfOfficeHours(date: LocalDate, config: OfficeHoursConfig = DEFAULT_OFFICE_HOURS): Date {
  return fromShanghai(date, officeHoursOn(date, config).closes)
}
