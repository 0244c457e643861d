import { sql } from 'drizzle-orm'
import { bigint, bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { unit } from './units.ts'

/** The score scheme (考评方案) of one period, editable by the efficiency office until the period is published. */
export const evaluationScheme = pgTable('evaluation_scheme', {
  periodKey: text('period_key').primaryKey(),
  components: jsonb('components').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** A published period: scheme, scores and rankings frozen (a trigger refuses UPDATE and DELETE, migration 0025). */
export const evaluationPublication = pgTable('evaluation_publication', {
  periodKey: text('period_key').primaryKey(),
  scheme: jsonb('scheme').notNull(),
  units: jsonb('units').notNull(),
  streets: jsonb('streets').notNull(),
  district: jsonb('district').notNull(),
  publishedBy: text('published_by').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
})

/** 效能预警函 / 效能督办函: numbered 〔year〕seq号, to one unit, with a rectification deadline. */
export const efficiencyLetter = pgTable(
  'efficiency_letter',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => unit.code),
    title: text('title').notNull(),
    body: text('body').notNull(),
    indicator: text('indicator'),
    periodKey: text('period_key'),
    incidentCodes: jsonb('incident_codes').notNull().default(sql`'[]'::jsonb`),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    state: text('state').notNull().default('issued'),
    escalationLevel: integer('escalation_level').notNull().default(0),
    issuedBy: text('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('efficiency_letter_number_uq').on(t.year, t.seq),
    index('efficiency_letter_unit_idx').on(t.unitCode, t.issuedAt),
    index('efficiency_letter_open_deadline_idx').on(t.deadline).where(sql`state <> 'closed'`),
    check('efficiency_letter_kind_ck', sql`${t.kind} IN ('warning', 'supervision')`),
    check('efficiency_letter_state_ck', sql`${t.state} IN ('issued', 'replied', 'closed')`),
  ],
)

/** Append-only log of a letter: issue, reply (text + photos), close (销号), sendBack, escalate. */
export const efficiencyLetterEvent = pgTable(
  'efficiency_letter_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    letterId: bigint('letter_id', { mode: 'number' })
      .notNull()
      .references(() => efficiencyLetter.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    note: text('note'),
    photos: jsonb('photos'),
    data: jsonb('data'),
  },
  (t) => [
    index('efficiency_letter_event_letter_idx').on(t.letterId, t.id),
    check('efficiency_letter_event_action_ck', sql`${t.action} IN ('issue', 'reply', 'close', 'sendBack', 'escalate')`),
  ],
)

/** 明察暗访: an unannounced check's record in the supervision ledger (督查台账). */
export const supervisionCheck = pgTable(
  'supervision_check',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    unitCode: text('unit_code').references(() => unit.code),
    place: text('place').notNull(),
    finding: text('finding').notNull(),
    state: text('state').notNull().default('open'),
    letterId: bigint('letter_id', { mode: 'number' }).references(() => efficiencyLetter.id),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('supervision_check_state_ck', sql`${t.state} IN ('open', 'rectified')`)],
)
