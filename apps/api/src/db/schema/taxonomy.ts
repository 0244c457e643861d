import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { unit } from './units.ts'

/** The 5 classes → 17 subclasses → 94 fine classes of the notice's appendix, one table. */
export const taxonomyClass = pgTable(
  'taxonomy_class',
  {
    code: text('code').primaryKey(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    /** Subclasses: the lead unit that takes what nobody else owns (兜底). */
    leadUnit: text('lead_unit').references(() => unit.code),
    /** Fine classes: a unit code, or 'territorial' for the street office of the location. */
    responsible: text('responsible'),
    safetyHazard: boolean('safety_hazard').notNull().default(false),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    index('taxonomy_parent_idx').on(t.parentCode),
    check('taxonomy_level_ck', sql`${t.level} IN ('class','subclass','fine')`),
    check('taxonomy_lead_ck', sql`${t.level} <> 'subclass' OR ${t.leadUnit} IS NOT NULL`),
    check('taxonomy_responsible_ck', sql`${t.level} <> 'fine' OR ${t.responsible} IS NOT NULL`),
  ],
)
