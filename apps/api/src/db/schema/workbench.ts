import { sql } from 'drizzle-orm'
import {
  bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core'
import { incident, incidentEvent } from './incidents.ts'

/**
 * Work inside a unit (workbench): the section (股室) and/or colleague an incident of the unit
 * is handed to. One row per incident; absent = the unit as a whole. The dispatch itself stays on incident.unit_code.
 */
export const workAssignment = pgTable('work_assignment', {
  incidentId: bigint('incident_id', { mode: 'number' })
    .primaryKey()
    .references(() => incident.id),
  sectionCode: text('section_code'),
  assignee: text('assignee'),
  assignedBy: text('assigned_by').notNull(),
  assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
})

/**
 * In-app notification (new assignment, urge, supervision, verification task, a cluster's closure answering a
 * merged report or its reopen). Written by the triggers of migrations 0010/0013 and 0016/0020 in the same transaction as the
 * incident_event that causes it, whoever writes the event.
 * Addressed to an audience: a unit, a role, a region (prefix of the incident's grid code) and/or one user;
 * NULL = any. Holds no personal data (it goes to webhooks as is).
 */
export const notification = pgTable(
  'notification',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => incidentEvent.id),
    incidentId: bigint('incident_id', { mode: 'number' })
      .notNull()
      .references(() => incident.id),
    incidentCode: text('incident_code').notNull(),
    kind: text('kind').notNull(),
    unitCode: text('unit_code'),
    role: text('role'),
    regionCode: text('region_code'),
    userId: text('user_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    data: jsonb('data'),
  },
  (t) => [
    index('notification_unit_idx').on(t.unitCode, t.id),
    index('notification_role_idx').on(t.role, t.id),
    index('notification_incident_idx').on(t.incidentId),
    check('notification_kind_ck', sql`${t.kind} IN ('assignment','urge','supervision','verification','closure','reopen')`),
  ],
)

/** Who has read which notification (per person: a unit's notification is unread for each colleague until they read it). */
export const notificationRead = pgTable(
  'notification_read',
  {
    notificationId: bigint('notification_id', { mode: 'number' })
      .notNull()
      .references(() => notification.id),
    reader: text('reader').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.reader] }), index('notification_read_reader_idx').on(t.reader)],
)

/** A unit's outbound integration endpoint (pluggable channel; `http`: POST with an HMAC-SHA256 signature). */
export const unitWebhook = pgTable(
  'unit_webhook',
  {
    id: serial('id').primaryKey(),
    unitCode: text('unit_code').notNull(),
    channel: text('channel').notNull().default('http'),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    active: boolean('active').notNull().default(true),
    /** `native` (the notification JSON) or `open311` (the GeoReport v2 request_update shape). */
    format: text('format').notNull().default('native'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('unit_webhook_unit_uq').on(t.unitCode, t.channel),
    check('unit_webhook_format_ck', sql`${t.format} IN ('native','open311')`),
  ],
)

/**
 * Outbox of webhook deliveries: inserted by the notification trigger (same transaction as the event), sent
 * by the delivery worker after the commit. A worker leases due rows (`leased_until`, claimed with SKIP
 * LOCKED) so several processes never send one row at once; failures back off until `max attempts`.
 */
export const webhookDelivery = pgTable(
  'webhook_delivery',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => unitWebhook.id),
    notificationId: bigint('notification_id', { mode: 'number' })
      .notNull()
      .references(() => notification.id),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    leasedUntil: timestamp('leased_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_delivery_due_idx').on(t.dueAt).where(sql`delivered_at IS NULL AND failed_at IS NULL`)],
)

/** What a citizen's web report adds to its incident: whether its photos may be shown on the public page. */
export const publicReport = pgTable('public_report', {
  incidentId: bigint('incident_id', { mode: 'number' })
    .primaryKey()
    .references(() => incident.id),
  photosPublic: boolean('photos_public').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** The citizen's rating of an outcome: at most one per closing (round = the incident's reopen_count then). */
export const publicRating = pgTable(
  'public_rating',
  {
    incidentId: bigint('incident_id', { mode: 'number' })
      .notNull()
      .references(() => incident.id),
    round: integer('round').notNull(),
    rating: text('rating').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.round] }),
    check('public_rating_ck', sql`${t.rating} IN ('satisfied','basically_satisfied','not_satisfied')`),
  ],
)

/** Fixed-window counters of the public rate limiter, shared by every API process (keys are hashed). */
export const rateLimitWindow = pgTable(
  'rate_limit_window',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limit_window_expires_idx').on(t.expiresAt)],
)
