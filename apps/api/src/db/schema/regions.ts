import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'
import { geometry } from './geometry.ts'

/**
 * The jurisdiction tree (district → street → community → grid), versioned:
 * editing a region's geometry closes the current row (valid_to) and inserts a new version,
 * so an incident can keep the version it was assigned under.
 */
export const region = pgTable(
  'region',
  {
    id: serial('id').primaryKey(),
    code: varchar('code', { length: 15 }).notNull(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentCode: varchar('parent_code', { length: 15 }),
    version: integer('version').notNull().default(1),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp('valid_to', { withTimezone: true }),
    geom: geometry('geom', 'MultiPolygon').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('region_geom_gist').using('gist', t.geom),
    uniqueIndex('region_code_version_uq').on(t.code, t.version),
    uniqueIndex('region_code_current_uq').on(t.code).where(sql`valid_to IS NULL`),
    index('region_parent_idx').on(t.parentCode),
    index('region_level_current_idx').on(t.level).where(sql`valid_to IS NULL`),
    // Next free code under a parent (LIKE 'prefix%' over every version: retired codes are never reused).
    index('region_code_prefix_idx').using('btree', t.code.op('varchar_pattern_ops')),
    check('region_level_ck', sql`${t.level} IN ('district','street','community','grid')`),
    check('region_validity_ck', sql`${t.validTo} IS NULL OR ${t.validTo} > ${t.validFrom}`),
  ],
)

/**
 * The point-in-region lookup's index: every non-district region version cut by ST_Subdivide into pieces of at most
 * 16 vertices (a trigger, migrations 0014 and 0017, keeps it in step with `region`). A 1,000-vertex street covers a point
 * ~30× slower than a 16-vertex piece of it, and a piece's bounding box is tight, so the GiST probe returns few
 * candidates. A point is in a region when a piece covers it; its distance to a region is the least over the pieces.
 */
export const regionPiece = pgTable(
  'region_piece',
  {
    regionId: integer('region_id')
      .notNull()
      .references(() => region.id, { onDelete: 'cascade' }),
    geom: geometry('geom', 'Geometry').notNull(),
    // Copies of the region row (kept by the same trigger, migration 0017): the lookup answers from the pieces
    // alone — joining each candidate piece back to `region` doubled the cost of a 1,000-point batch.
    level: text('level').notNull(),
    code: varchar('code', { length: 15 }).notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }),
  },
  (t) => [index('region_piece_geom_gist').using('gist', t.geom), index('region_piece_region_idx').on(t.regionId)],
)
