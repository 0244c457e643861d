import { calendarYearFromDays, formatOfficeHours, WorkingCalendar, yearOf, type CalendarDayRow, type OfficeHours } from '@hanjiang/shared'
import { loadCalendarDays } from '../../db/repositories/calendar.ts'
import type { AppDb, Database } from '../../db/types.ts'

const TTL_MS = 10_000
const cache = new WeakMap<Database, { at: number; value: Promise<WorkingCalendar>; withHours: Map<string, Promise<WorkingCalendar>> }>()

/** Groups per-day rows by year; a year with at least one row is a loaded year. */
export function calendarFromDays(rows: readonly CalendarDayRow[], officeHours?: OfficeHours): WorkingCalendar {
  const byYear = new Map<number, CalendarDayRow[]>()
  for (const r of rows) {
    const y = yearOf(r.date)
    const list = byYear.get(y)
    if (list) list.push(r)
    else byYear.set(y, [r])
  }
  return new WorkingCalendar([...byYear].map(([year, days]) => calendarYearFromDays(year, days)), { officeHours })
}

/**
 * The working-day calendar from the `calendar_day` table (admin-maintained), kept a few seconds per
 * database like the taxonomy cache: deadlines are computed on every registration. A year with no row
 * is not loaded, so a deadline reaching it raises MissingCalendarYearError. `invalidate` after edits.
 * `officeHours` (the deployment's OFFICE_HOURS, config.officeHours) travel with the calendar: every
 * deadline computed from it ends when they close. Absent: 08:30–17:30.
 */
export function workingCalendar(database: Database, officeHours?: OfficeHours): Promise<WorkingCalendar> {
  let hit = cache.get(database)
  if (!hit || performance.now() - hit.at >= TTL_MS) {
    const value = loadCalendarDays(database).then((rows) => calendarFromDays(rows))
    value.catch(() => cache.delete(database))
    hit = { at: performance.now(), value, withHours: new Map() }
    cache.set(database, hit)
  }
  if (!officeHours) return hit.value
  const key = formatOfficeHours(officeHours)
  let value = hit.withHours.get(key)
  if (!value) hit.withHours.set(key, (value = hit.value.then((c) => c.withOfficeHours(officeHours))))
  return value
}

/** The calendar as read in `tx` (uncached: the seed reads the years its own transaction wrote). */
export async function loadWorkingCalendar(database: Database, tx: AppDb, officeHours?: OfficeHours): Promise<WorkingCalendar> {
  return calendarFromDays(await loadCalendarDays(database, tx), officeHours)
}

export function invalidateCalendar(database: Database): void {
  cache.delete(database)
}
