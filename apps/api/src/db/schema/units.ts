import { sql } from 'drizzle-orm'
import { boolean, check, index, pgTable, text, varchar } from 'drizzle-orm/pg-core'

/** A department, street/town office, utility, the command center, or a section inside one (股室). */
export const unit = pgTable(
  'unit',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    kind: text('kind').notNull(),
    parentCode: text('parent_code'),
    /** For street/town offices: the street region whose territory they own (属地). */
    regionCode: varchar('region_code', { length: 15 }),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    index('unit_region_idx').on(t.regionCode),
    check(
      'unit_kind_ck',
      sql`${t.kind} IN ('command','supervision','department','utility','street_office','section')`,
    ),
  ],
)
