import { calendarYearFromDays, WorkingCalendar, yearOf, type CalendarDayRow } from '@hanjiang/shared'
import { loadCalendarDays } from '../../db/repositories/calendar.ts'
import type { AppDb, Database } from '../../db/types.ts'

const TTL_MS = 10_000
const cache = new WeakMap<Database, { at: number; value: Promise<WorkingCalendar> }>()

/** Groups per-day rows by year; a year with at least one row is a loaded year. */
export function calendarFromDays(rows: readonly CalendarDayRow[]): WorkingCalendar {
  const byYear = new Map<number, CalendarDayRow[]>()
  for (const r of rows) {
    const y = yearOf(r.date)
    const list = byYear.get(y)
    if (list) list.push(r)
    else byYear.set(y, [r])
  }
  return new WorkingCalendar([...byYear].map(([year, days]) => calendarYearFromDays(year, days)))
}

/**
 * The working-day calendar from the `calendar_day` table (admin-maintained), kept a few seconds per
 * database like the taxonomy cache: deadlines are computed on every registration. A year with no row
 * is not loaded, so a deadline reaching it raises MissingCalendarYearError. `invalidate` after edits.
 */
export function workingCalendar(database: Database): Promise<WorkingCalendar> {
  const hit = cache.get(database)
  if (hit && performance.now() - hit.at < TTL_MS) return hit.value
  const value = loadCalendarDays(database).then(calendarFromDays)
  value.catch(() => cache.delete(database))
  cache.set(database, { at: performance.now(), value })
  return value
}

/** The calendar as read in `tx` (uncached: the seed reads the years its own transaction wrote). */
export async function loadWorkingCalendar(database: Database, tx: AppDb): Promise<WorkingCalendar> {
  return calendarFromDays(await loadCalendarDays(database, tx))
}

export function invalidateCalendar(database: Database): void {
  cache.delete(database)
}
