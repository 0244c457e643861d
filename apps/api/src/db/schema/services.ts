import { sql } from 'drizzle-orm'
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'
import { geometry } from './geometry.ts'
import { unit } from './units.ts'

/**
 * The service catalogue (进驻事项目录清单, docs/SERVICES.md), versioned like regions: an edit closes the current row
 * (`valid_to`) and inserts version + 1, so a request keeps the version it was booked under. `tokens` and
 * `pinyin_initials` are written by the API for search, never by hand.
 */
export const serviceItem = pgTable(
  'service_item',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    version: integer('version').notNull().default(1),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    category: text('category').notNull(),
    unitCode: text('unit_code').references(() => unit.code),
    unitName: text('unit_name').notNull(),
    materials: jsonb('materials').$type<string[]>().notNull().default([]),
    steps: text('steps').notNull().default(''),
    /** The legal time limit (法定办结时限) in working days; 0 = done on the spot (即办件). */
    timeLimitDays: integer('time_limit_days').notNull(),
    fees: text('fees').notNull().default('不收费'),
    onlinePrereview: boolean('online_prereview').notNull().default(false),
    specialServices: text('special_services').array().notNull().default(sql`'{}'::text[]`),
    /** Stand-in content shipped with the demo: to be checked against the issuing departments before publishing. */
    demo: boolean('demo').notNull().default(false),
    pinyinInitials: text('pinyin_initials').notNull().default(''),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp('valid_to', { withTimezone: true }),
    editedBy: text('edited_by').notNull(),
  },
  (t) => [
    uniqueIndex('service_item_code_version_uq').on(t.code, t.version),
    uniqueIndex('service_item_code_current_uq').on(t.code).where(sql`valid_to IS NULL`),
    check('service_item_code_ck', sql`${t.code} ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'`),
    check(
      'service_item_category_ck',
      sql`${t.category} IN ('utilities','civil_affairs','social_security','household','medical_insurance','housing','business','other')`,
    ),
    check('service_item_time_limit_ck', sql`${t.timeLimitDays} BETWEEN 0 AND 365`),
    check('service_item_special_ck', sql`${t.specialServices} <@ ARRAY['appointment','extended_hours','home_visit','proxy']::text[]`),
    check('service_item_validity_ck', sql`${t.validTo} IS NULL OR ${t.validTo} > ${t.validFrom}`),
  ],
)

/** A place citizens go to: the district center, a town/street center, a village agent point (便民代办点). */
export const servicePoint = pgTable(
  'service_point',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    kind: text('kind').notNull(),
    regionCode: varchar('region_code', { length: 15 }).notNull(),
    address: text('address').notNull().default(''),
    phone: text('phone'),
    /** Office hours as `HH:MM-HH:MM[,…]` (shared parseOfficeHours), Shanghai time, on working days. */
    openingHours: text('opening_hours').notNull(),
    /** Extended hours (延时服务) after closing, same format; null: none. */
    extendedHours: text('extended_hours'),
    slotMinutes: integer('slot_minutes').notNull().default(30),
    slotCapacity: integer('slot_capacity').notNull().default(4),
    geom: geometry('geom', 'Point').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    index('service_point_geom_gist').using('gist', t.geom),
    index('service_point_region_idx').on(t.regionCode),
    check('service_point_kind_ck', sql`${t.kind} IN ('district_center','town_center','village_point')`),
    check('service_point_slot_ck', sql`${t.slotMinutes} IN (15, 20, 30, 60) AND ${t.slotCapacity} BETWEEN 0 AND 100`),
  ],
)

export const servicePointItem = pgTable(
  'service_point_item',
  {
    pointCode: text('point_code')
      .notNull()
      .references(() => servicePoint.code),
    itemCode: text('item_code').notNull(),
  },
  (t) => [primaryKey({ name: 'service_point_item_pk', columns: [t.pointCode, t.itemCode] }), index('service_point_item_item_idx').on(t.itemCode)],
)

export const serviceDayCapacity = pgTable(
  'service_day_capacity',
  {
    pointCode: text('point_code')
      .notNull()
      .references(() => servicePoint.code),
    day: date('day').notNull(),
    slotCapacity: integer('slot_capacity').notNull(),
  },
  (t) => [primaryKey({ name: 'service_day_capacity_pk', columns: [t.pointCode, t.day] }), check('service_day_capacity_ck', sql`${t.slotCapacity} BETWEEN 0 AND 100`)],
)

/** Seats taken per slot; see drizzle/0030 for why the booking takes a seat in one locking statement. */
export const serviceSlot = pgTable(
  'service_slot',
  {
    pointCode: text('point_code')
      .notNull()
      .references(() => servicePoint.code),
    slotAt: timestamp('slot_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'service_slot_pk', columns: [t.pointCode, t.slotAt] }), check('service_slot_booked_ck', sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`)],
)

/** A special-service request (预约 / 延时 / 上门 / 代办), tracked by its public code on the public tracking page. */
export const serviceRequest = pgTable(
  'service_request',
  {
    id: serial('id').primaryKey(),
    publicCode: text('public_code').notNull(),
    kind: text('kind').notNull(),
    itemCode: text('item_code').notNull(),
    itemVersion: integer('item_version').notNull(),
    pointCode: text('point_code')
      .notNull()
      .references(() => servicePoint.code),
    slotAt: timestamp('slot_at', { withTimezone: true }).notNull(),
    citizenName: text('citizen_name').notNull(),
    citizenPhone: text('citizen_phone').notNull(),
    address: text('address'),
    location: geometry('location', 'Point'),
    note: text('note'),
    channel: text('channel').notNull(),
    createdBy: text('created_by').notNull(),
    state: text('state').notNull().default('booked'),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    servedAt: timestamp('served_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    satisfaction: text('satisfaction'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('service_request_public_code_uq').on(t.publicCode),
    index('service_request_point_idx').on(t.pointCode, t.slotAt),
    index('service_request_open_item_idx').on(t.itemCode).where(sql`state = 'booked'`),
    check('service_request_kind_ck', sql`${t.kind} IN ('appointment','extended_hours','home_visit','proxy')`),
    check('service_request_state_ck', sql`${t.state} IN ('booked','served','cancelled','no_show')`),
    check('service_request_channel_ck', sql`${t.channel} IN ('public_web','hotline')`),
    foreignKey({ name: 'service_request_item_fk', columns: [t.itemCode, t.itemVersion], foreignColumns: [serviceItem.code, serviceItem.version] }),
  ],
)
