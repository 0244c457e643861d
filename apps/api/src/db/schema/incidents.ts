import { sql } from 'drizzle-orm'
import {
  bigint, bigserial, boolean, check, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core'
import { geometry } from './geometry.ts'

/** Feeds readable incident codes: HJ + Shanghai date + '-' + this number (unique across days). */
export const incidentCodeSeq = pgSequence('incident_code_seq', { startWith: 1 })

/**
 * 诉求件: one reported problem or request, from any channel. Holds the current state (with a version for
 * optimistic locking), the assignment snapshot with the region versions it was computed from, and the
 * deadlines computed when each step started. Every change goes with an incident_event row.
 */
export const incident = pgTable(
  'incident',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    code: text('code').notNull(),
    /** Public tracking code: random, not derivable from `code` or another incident's tracking code. */
    trackingCode: text('tracking_code').notNull(),
    channel: text('channel').notNull(),
    requestType: text('request_type').notNull(),
    /** normal | simple (R3) | urgent (R4–R7, R10). */
    track: text('track').notNull().default('normal'),
    fineClass: text('fine_class'),
    safetyHazard: boolean('safety_hazard').notNull().default(false),
    location: geometry('location', 'Point'),
    /** The coordinate system the location came in (stored location is always WGS84). */
    locationCrs: text('location_crs'),
    address: text('address'),
    description: text('description').notNull(),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    /** The unit that must act now; firstUnit: the first one an urgent incident went to. */
    unitCode: text('unit_code'),
    firstUnitCode: text('first_unit_code'),
    suggestedUnitCode: text('suggested_unit_code'),
    needsReview: boolean('needs_review').notNull().default(false),
    streetCode: text('street_code'),
    communityCode: text('community_code'),
    gridCode: text('grid_code'),
    /** region.id of the versions the assignment was computed under. */
    streetRegionId: integer('street_region_id'),
    communityRegionId: integer('community_region_id'),
    gridRegionId: integer('grid_region_id'),
    assignment: jsonb('assignment'),
    dispatchBy: timestamp('dispatch_by', { withTimezone: true }),
    arriveBy: timestamp('arrive_by', { withTimezone: true }),
    handleBy: timestamp('handle_by', { withTimezone: true }),
    resolveBy: timestamp('resolve_by', { withTimezone: true }),
    ownershipBy: timestamp('ownership_by', { withTimezone: true }),
    /** R10: when the center calls back after an urgent dispatch. */
    callbackAt: timestamp('callback_at', { withTimezone: true }),
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    escalationLevel: integer('escalation_level').notNull().default(0),
    reworkCount: integer('rework_count').notNull().default(0),
    reopenCount: integer('reopen_count').notNull().default(0),
    hazardMarked: boolean('hazard_marked').notNull().default(false),
    extensionPending: boolean('extension_pending').notNull().default(false),
    /** R8: the pending request's deadline and reason (the reason is shown to the reporter). */
    extensionDueAt: timestamp('extension_due_at', { withTimezone: true }),
    extensionReason: text('extension_reason'),
    /** R9: the primary incident this one was merged into. */
    primaryId: bigint('primary_id', { mode: 'number' }),
    satisfaction: text('satisfaction'),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /**
     * The latest satisfaction heard: a callback that recorded one, or the reporter's own rating. Kept by a trigger
     * on incident_event (migration 0021), so the owed callbacks of closed reports come from a partial index.
     */
    satisfactionAt: timestamp('satisfaction_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('incident_code_uq').on(t.code),
    uniqueIndex('incident_tracking_uq').on(t.trackingCode),
    // Per creator: a key names one of its creator's requests, nobody else's.
    uniqueIndex('incident_idempotency_uq').on(t.createdBy, t.idempotencyKey),
    index('incident_location_gist').using('gist', t.location),
    index('incident_state_idx').on(t.state),
    index('incident_unit_state_idx').on(t.unitCode, t.state),
    index('incident_street_idx').on(t.streetCode),
    index('incident_created_idx').on(t.createdAt),
    index('incident_primary_idx').on(t.primaryId),
    // The live map and the wall read open incidents by place: a GiST index over only those (a small fraction).
    index('incident_open_location_gist')
      .using('gist', t.location)
      .where(sql`state IN ('reported','registered','dispatched','accepted','on_site','resolved','returned')`),
    // The wall's on-time rate: incidents closed in the last days.
    index('incident_closed_at_idx').on(t.closedAt).where(sql`closed_at IS NOT NULL`),
    // The desk's 待回访 list: closed reports with a phone and no satisfaction heard since their last closing.
    index('incident_owed_satisfaction_idx')
      .on(t.closedAt)
      .where(sql`state = 'closed' AND reporter_phone ~ '[0-9+]' AND (satisfaction_at IS NULL OR satisfaction_at < closed_at)`),
    check(
      'incident_state_ck',
      sql`${t.state} IN ('reported','registered','dispatched','accepted','on_site','resolved','closed','returned','rejected','merged')`,
    ),
    check(
      'incident_channel_ck',
      sql`${t.channel} IN ('hotline_12345','hotline_12315','hotline_12369','patrol','public_web','open311','other_system')`,
    ),
    check('incident_request_type_ck', sql`${t.requestType} IN ('complaint','consultation','help','suggestion','report')`),
    check('incident_track_ck', sql`${t.track} IN ('normal','simple','urgent')`),
  ],
)

/** Append-only log: every transition and note, with actor and photos. Never updated or deleted. */
export const incidentEvent = pgTable(
  'incident_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: bigint('incident_id', { mode: 'number' })
      .notNull()
      .references(() => incident.id),
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
    index('incident_event_incident_idx').on(t.incidentId, t.id),
    // Which incidents show a photo (who may see it): containment on the events that carry photos.
    index('incident_event_photos_gin')
      .using('gin', t.photos.op('jsonb_path_ops'))
      .where(sql`${t.photos} IS NOT NULL`),
  ],
)

/**
 * One row per pending check of the timer worker (R4, R5, R6, R7, R10, overdue). The worker claims due
 * rows with FOR UPDATE SKIP LOCKED and marks them fired in the same transaction as the event it writes.
 */
export const timer = pgTable(
  'timer',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: bigint('incident_id', { mode: 'number' })
      .notNull()
      .references(() => incident.id),
    kind: text('kind').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    data: jsonb('data'),
  },
  (t) => [
    index('timer_due_idx').on(t.dueAt).where(sql`fired_at IS NULL AND cancelled_at IS NULL`),
    index('timer_incident_idx').on(t.incidentId),
    // At most one pending check per incident and kind: rescheduling cancels the old row first.
    uniqueIndex('timer_pending_uq').on(t.incidentId, t.kind).where(sql`fired_at IS NULL AND cancelled_at IS NULL`),
  ],
)
