import { sql } from 'drizzle-orm'
import { boolean, check, doublePrecision, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'
import { geometry } from './geometry.ts'
import { unit } from './units.ts'

/**
 * A unit's ownership of a class, subclass or fine class inside a polygon, or along a line within a
 * buffer (a county road, a river). Narrows the fine-class table: the most specific match wins.
 */
export const responsibilityArea = pgTable(
  'responsibility_area',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => unit.code),
    /** 2, 4 or 6 digits: class, subclass or fine class. */
    classCode: text('class_code').notNull(),
    geometryKind: text('geometry_kind').notNull(),
    /** MultiPolygon for 'polygon', MultiLineString for 'line'. */
    geom: geometry('geom', 'Geometry').notNull(),
    /** Lines only: the distance (m) from the line within which the area applies. */
    bufferM: doublePrecision('buffer_m'),
    /** Polygons only: geodesic area (m²), set by a trigger (migration 0014) — the lookup ranks by it per point. */
    areaM2: doublePrecision('area_m2'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('responsibility_area_geom_gist').using('gist', t.geom),
    index('responsibility_area_class_idx').on(t.classCode),
    check('responsibility_area_kind_ck', sql`${t.geometryKind} IN ('polygon','line')`),
    check('responsibility_area_class_ck', sql`${t.classCode} ~ '^([0-9]{2}){1,3}$'`),
    check(
      'responsibility_area_buffer_ck',
      sql`(${t.geometryKind} = 'line' AND ${t.bufferM} > 0 AND ${t.bufferM} <= 5000) OR (${t.geometryKind} = 'polygon' AND ${t.bufferM} IS NULL)`,
    ),
    check(
      'responsibility_area_geom_ck',
      sql`(${t.geometryKind} = 'polygon' AND GeometryType(${t.geom}) = 'MULTIPOLYGON') OR (${t.geometryKind} = 'line' AND GeometryType(${t.geom}) = 'MULTILINESTRING')`,
    ),
  ],
)

/**
 * Polygon areas cut into pieces of at most 16 vertices for the point lookup (see `region_piece`); kept in step with
 * `responsibility_area` by a trigger in migration 0014. Lines are short and matched directly.
 */
export const responsibilityAreaPiece = pgTable(
  'responsibility_area_piece',
  {
    areaId: integer('area_id')
      .notNull()
      .references(() => responsibilityArea.id, { onDelete: 'cascade' }),
    geom: geometry('geom', 'Geometry').notNull(),
  },
  (t) => [
    index('responsibility_area_piece_geom_gist').using('gist', t.geom),
    index('responsibility_area_piece_area_idx').on(t.areaId),
  ],
)
