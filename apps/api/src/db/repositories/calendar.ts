import { sql } from 'drizzle-orm'
import type { CalendarDayRow } from '@hanjiang/shared'
import type { AppDb, Database } from '../types.ts'

/** Every row of the admin-maintained working-day calendar (holidays and make-up workdays), by date. */
export async function loadCalendarDays(database: Database, tx?: AppDb): Promise<CalendarDayRow[]> {
  const rows = await database.rows<{ date: string; kind: 'holiday' | 'workday'; name: string }>(
    sql`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_day ORDER BY date`,
    tx,
  )
  return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name }))
}

/**
 * Inserts the days of whole years, skipping every year that already has a row (an admin may have
 * corrected it): seeding never overwrites maintained data. Returns the number of rows inserted.
 */
export async function insertCalendarYearsIfAbsent(database: Database, tx: AppDb, days: CalendarDayRow[]): Promise<number> {
  if (days.length === 0) return 0
  const rows = await database.rows<{ n: number }>(
    sql`WITH ins AS (
          INSERT INTO calendar_day (date, kind, name)
          SELECT x.date::date, x.kind, coalesce(x.name, '')
          FROM json_to_recordset(${JSON.stringify(days)}::json) AS x(date text, kind text, name text)
          WHERE NOT EXISTS (
            SELECT 1 FROM calendar_day c
            WHERE c.date >= date_trunc('year', x.date::date)::date
              AND c.date < (date_trunc('year', x.date::date) + interval '1 year')::date)
          ON CONFLICT (date) DO NOTHING
          RETURNING 1)
        SELECT count(*)::int AS n FROM ins`,
    tx,
  )
  return Number(rows[0]?.n ?? 0)
}
