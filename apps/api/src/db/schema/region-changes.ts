import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'
import { geometry } from './geometry.ts'

/**
 * A change set of the grid editor (docs/GRID-EDITOR.md): edits to several regions collected as a draft,
 * submitted, then approved (published as new region versions in one transaction, from `effective_from`)
 * or rejected / withdrawn (nothing changes). `version` guards concurrent edits of the set itself.
 */
export const regionChangeSet = pgTable(
  'region_change_set',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    state: text('state').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: text('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionComment: text('decision_comment'),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }),
    /** When the approved items became region versions (null while a future effective_from is pending). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The impact preview computed at submission (what the approver saw). */
    preview: jsonb('preview'),
  },
  (t) => [
    index('region_change_set_state_idx').on(t.state),
    index('region_change_set_due_idx').on(t.effectiveFrom).where(sql`state = 'approved' AND published_at IS NULL`),
    check('region_change_set_state_ck', sql`${t.state} IN ('draft','submitted','approved','rejected','withdrawn')`),
    check('region_change_set_decided_ck', sql`${t.state} NOT IN ('approved','rejected') OR (${t.decidedBy} IS NOT NULL AND ${t.decidedAt} IS NOT NULL)`),
    check('region_change_set_effective_ck', sql`${t.state} <> 'approved' OR ${t.effectiveFrom} IS NOT NULL`),
  ],
)

/**
 * One item of a change set: create (code null until published, unless given), update (name and/or
 * geometry) or retire a region. `base_version` is the region version the edit started from
 * (optimistic locking at submit and approval); `published_version` the version it became.
 */
export const regionChange = pgTable(
  'region_change',
  {
    id: serial('id').primaryKey(),
    changeSetId: integer('change_set_id')
      .notNull()
      .references(() => regionChangeSet.id, { onDelete: 'cascade' }),
    idx: integer('idx').notNull(),
    op: text('op').notNull(),
    level: text('level').notNull(),
    code: varchar('code', { length: 15 }),
    parentCode: varchar('parent_code', { length: 15 }),
    name: text('name'),
    geom: geometry('geom', 'MultiPolygon'),
    baseVersion: integer('base_version'),
    publishedVersion: integer('published_version'),
  },
  (t) => [
    uniqueIndex('region_change_set_idx_uq').on(t.changeSetId, t.idx),
    index('region_change_code_idx').on(t.code),
    check('region_change_op_ck', sql`${t.op} IN ('create','update','retire')`),
    check('region_change_level_ck', sql`${t.level} IN ('district','street','community','grid')`),
  ],
)
