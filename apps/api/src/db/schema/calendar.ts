import { sql } from 'drizzle-orm'
import { check, date, pgTable, text } from 'drizzle-orm/pg-core'

/**
 * The official working-day calendar as admin-maintained data (docs/DOMAIN.md §4): one row per holiday day
 * (放假) and per make-up working day (调休上班). Ordinary weekdays and weekends need no row. A year
 * with no row is "not loaded": a deadline reaching it is an error, never a weekday guess.
 */
export const calendarDay = pgTable(
  'calendar_day',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    /** holiday | workday (a weekend day worked to make up for a holiday). */
    kind: text('kind').notNull(),
    /** The holiday's name, e.g. 国庆节 (for a workday: the holiday it makes up for). */
    name: text('name').notNull().default(''),
  },
  (t) => [check('calendar_day_kind_ck', sql`${t.kind} IN ('holiday','workday')`)],
)
