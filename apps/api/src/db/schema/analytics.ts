import { bigint, boolean, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'

/**
 * The analytics rollup (docs/ANALYTICS.md; migration 0026): incidents counted per Shanghai reporting day × street ×
 * community × grid × fine class × current unit × channel × request type × track × current state × overdue, with
 * additive measures. Kept exact by the trigger incident_rollup_trg (old row's contribution out, new row's in, in the
 * same transaction as every incident write); `npm run analytics:rebuild` recomputes it. '' = none in key columns.
 */
export const incidentRollup = pgTable(
  'incident_rollup',
  {
    day: date('day').notNull(),
    streetCode: text('street_code').notNull(),
    communityCode: text('community_code').notNull(),
    gridCode: text('grid_code').notNull(),
    fineClass: text('fine_class').notNull(),
    unitCode: text('unit_code').notNull(),
    channel: text('channel').notNull(),
    requestType: text('request_type').notNull(),
    track: text('track').notNull(),
    state: text('state').notNull(),
    overdue: boolean('overdue').notNull(),
    /** Incidents in this cell. */
    n: integer('n').notNull(),
    /** …with both dispatched_at and resolved_at, and their working minutes between the two (office hours, calendar). */
    handledN: integer('handled_n').notNull(),
    handlingMinutes: bigint('handling_minutes', { mode: 'number' }).notNull(),
    /** …sent back at least once (rework_count > 0), reopened, escalated, flagged a safety hazard. */
    reworkN: integer('rework_n').notNull(),
    reopenN: integer('reopen_n').notNull(),
    escalatedN: integer('escalated_n').notNull(),
    hazardN: integer('hazard_n').notNull(),
    /** …by the latest satisfaction heard. */
    satisfiedN: integer('satisfied_n').notNull(),
    basicallySatisfiedN: integer('basically_satisfied_n').notNull(),
    notSatisfiedN: integer('not_satisfied_n').notNull(),
  },
  (t) => [
    uniqueIndex('incident_rollup_key_uq').on(t.day, t.streetCode, t.communityCode, t.gridCode, t.fineClass, t.unitCode, t.channel,
      t.requestType, t.track, t.state, t.overdue),
    index('incident_rollup_unit_day_idx').on(t.unitCode, t.day),
    index('incident_rollup_class_day_idx').on(t.fineClass, t.day),
  ],
)
