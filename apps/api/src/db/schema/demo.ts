import { sql } from 'drizzle-orm'
import { boolean, check, integer, pgTable, timestamp } from 'drizzle-orm/pg-core'

/**
 * How far the demo's incident history has been written (one row, demo deployments only): the server answers while
 * it is written, and a start stopped half-way carries on from `written` (migration 0028).
 */
export const demoHistory = pgTable(
  'demo_history',
  {
    id: boolean('id').primaryKey().default(true),
    seedTime: timestamp('seed_time', { withTimezone: true }).notNull(),
    total: integer('total'),
    written: integer('written').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [check('demo_history_one_row', sql`${t.id}`)],
)
