import { sql } from 'drizzle-orm'
import { boolean, check, index, pgTable, text } from 'drizzle-orm/pg-core'
import { geometry } from './geometry.ts'

/** A named road or river the seats' address search finds (migration 0032); the demo's are marked `demo`. */
export const namedPlace = pgTable(
  'named_place',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** Roads: expressway | national | county | urban (who maintains it differs). */
    roadClass: text('road_class'),
    geom: geometry('geom', 'LineString').notNull(),
    demo: boolean('demo').notNull().default(false),
  },
  (t) => [
    index('named_place_geom_gist').using('gist', t.geom),
    check('named_place_kind_ck', sql`${t.kind} IN ('road','river')`),
    check(
      'named_place_road_class_ck',
      sql`${t.roadClass} IS NULL OR ${t.roadClass} IN ('expressway','national','county','urban')`,
    ),
  ],
)
