import type { IncidentPatch, PlannedTimer } from '@hanjiang/shared'
import { sql, type SQL } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'
import type { AuditEntry } from './audit.ts'
import { incidentScopeSql, type RowScope } from './incident-scope.ts'

/**
 * Incidents, their append-only event log and their timers. All incident SQL lives here.
 * Times go in as ISO strings cast to timestamptz and come out as Dates; ids are numbers.
 */

export interface IncidentRecord {
  id: number
  code: string
  trackingCode: string
  channel: string
  requestType: string
  track: string
  fineClass: string | null
  safetyHazard: boolean
  lng: number | null
  lat: number | null
  locationCrs: string | null
  address: string | null
  description: string
  reporterName: string | null
  reporterPhone: string | null
  state: string
  version: number
  unitCode: string | null
  firstUnitCode: string | null
  suggestedUnitCode: string | null
  needsReview: boolean
  streetCode: string | null
  communityCode: string | null
  gridCode: string | null
  streetRegionId: number | null
  communityRegionId: number | null
  gridRegionId: number | null
  assignment: unknown
  dispatchBy: Date | null
  arriveBy: Date | null
  handleBy: Date | null
  resolveBy: Date | null
  ownershipBy: Date | null
  callbackAt: Date | null
  overdueAt: Date | null
  escalationLevel: number
  reworkCount: number
  reopenCount: number
  hazardMarked: boolean
  extensionPending: boolean
  extensionDueAt: Date | null
  extensionReason: string | null
  primaryId: number | null
  primaryCode: string | null
  satisfaction: string | null
  idempotencyKey: string | null
  requestHash: string | null
  createdBy: string | null
  createdAt: Date
  registeredAt: Date | null
  dispatchedAt: Date | null
  acceptedAt: Date | null
  arrivedAt: Date | null
  resolvedAt: Date | null
  closedAt: Date | null
  updatedAt: Date
}

const TIME_COLUMNS = [
  'dispatch_by', 'arrive_by', 'handle_by', 'resolve_by', 'ownership_by', 'callback_at', 'overdue_at', 'extension_due_at',
  'created_at', 'registered_at', 'dispatched_at', 'accepted_at', 'arrived_at', 'resolved_at', 'closed_at', 'updated_at',
] as const

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/** Every column of `incident i` (plus the primary's code), timestamps as ISO text so both drivers agree. */
export const INCIDENT_COLUMNS = sql.raw(`
  i.id, i.code, i.tracking_code AS "trackingCode", i.channel, i.request_type AS "requestType", i.track,
  i.fine_class AS "fineClass", i.safety_hazard AS "safetyHazard",
  ST_X(i.location) AS lng, ST_Y(i.location) AS lat, i.location_crs AS "locationCrs",
  i.address, i.description, i.reporter_name AS "reporterName", i.reporter_phone AS "reporterPhone",
  i.state, i.version, i.unit_code AS "unitCode", i.first_unit_code AS "firstUnitCode",
  i.suggested_unit_code AS "suggestedUnitCode", i.needs_review AS "needsReview",
  i.street_code AS "streetCode", i.community_code AS "communityCode", i.grid_code AS "gridCode",
  i.street_region_id AS "streetRegionId", i.community_region_id AS "communityRegionId", i.grid_region_id AS "gridRegionId",
  i.assignment::text AS assignment,
  i.escalation_level AS "escalationLevel", i.rework_count AS "reworkCount", i.reopen_count AS "reopenCount",
  i.hazard_marked AS "hazardMarked", i.extension_pending AS "extensionPending", i.extension_reason AS "extensionReason",
  i.primary_id AS "primaryId", p.code AS "primaryCode", i.satisfaction,
  i.idempotency_key AS "idempotencyKey", i.request_hash AS "requestHash", i.created_by AS "createdBy",
  ${TIME_COLUMNS.map((c) => `to_json(i.${c}) #>> '{}' AS "${camel(c)}"`).join(', ')}`)

export const FROM_INCIDENT = sql`FROM incident i LEFT JOIN incident p ON p.id = i.primary_id`

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))
const time = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(String(v)))

export function toRecord(r: Record<string, unknown>): IncidentRecord {
  const out = { ...r } as Record<string, unknown>
  for (const c of TIME_COLUMNS) out[camel(c)] = time(r[camel(c)])
  for (const k of ['id', 'version', 'escalationLevel', 'reworkCount', 'reopenCount']) out[k] = Number(r[k])
  for (const k of ['lng', 'lat', 'streetRegionId', 'communityRegionId', 'gridRegionId', 'primaryId']) out[k] = num(r[k])
  out.assignment = typeof r.assignment === 'string' ? JSON.parse(r.assignment) : (r.assignment ?? null)
  return out as unknown as IncidentRecord
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null)
const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v))

// ---------------------------------------------------------------------------------------------
// Intake: one statement.

export type NewTimer = PlannedTimer

export interface NewEvent {
  actor: string
  actorRole: string
  action: string
  fromState: string | null
  toState: string | null
  note?: string | null
  photos?: unknown
  data?: unknown
}

export interface NewIncident {
  /** Shanghai date of intake, YYYYMMDD: the code is HJ + this + '-' + the next incident_code_seq value. */
  codeDate: string
  trackingCode: string
  channel: string
  requestType: string
  track: string
  fineClass: string | null
  safetyHazard: boolean
  /** WGS84. */
  location: { lng: number; lat: number } | null
  locationCrs: string | null
  address: string | null
  description: string
  reporterName: string | null
  reporterPhone: string | null
  state: string
  suggestedUnitCode: string | null
  needsReview: boolean
  streetCode: string | null
  communityCode: string | null
  gridCode: string | null
  streetRegionId: number | null
  communityRegionId: number | null
  gridRegionId: number | null
  assignment: unknown
  hazardMarked: boolean
  dispatchBy: Date | null
  ownershipBy: Date | null
  idempotencyKey: string | null
  requestHash: string | null
  createdBy: string
  at: Date
  event: NewEvent
  timers: NewTimer[]
  /** The request's audit row, written in the same statement (object id = the new code). */
  audit?: AuditEntry | null
}

/**
 * Inserts incidents, each with its first event and its timers, in ONE statement (all or nothing, one
 * round trip, one commit for the whole batch). An incident whose idempotency key is already taken — by
 * an earlier incident or an earlier row of the same batch — is not written: its entry in the result is
 * null and the caller reads the existing incident ({@link findIncidentByIdempotencyKey}). Results are
 * in input order. Codes: HJ + Shanghai date + '-' + the next incident_code_seq value (≥ 5 digits).
 */
export async function insertIncidents(database: Database, rows: NewIncident[]): Promise<({ id: number; code: string } | null)[]> {
  if (rows.length === 0) return []
  const input = JSON.stringify(
    rows.map((n, ord) => ({
      ord,
      code_date: n.codeDate,
      tracking_code: n.trackingCode,
      channel: n.channel,
      request_type: n.requestType,
      track: n.track,
      fine_class: n.fineClass,
      safety_hazard: n.safetyHazard,
      lng: n.location?.lng ?? null,
      lat: n.location?.lat ?? null,
      location_crs: n.locationCrs,
      address: n.address,
      description: n.description,
      reporter_name: n.reporterName,
      reporter_phone: n.reporterPhone,
      state: n.state,
      suggested_unit_code: n.suggestedUnitCode,
      needs_review: n.needsReview,
      street_code: n.streetCode,
      community_code: n.communityCode,
      grid_code: n.gridCode,
      street_region_id: n.streetRegionId,
      community_region_id: n.communityRegionId,
      grid_region_id: n.gridRegionId,
      assignment: n.assignment ?? null,
      hazard_marked: n.hazardMarked,
      dispatch_by: iso(n.dispatchBy),
      ownership_by: iso(n.ownershipBy),
      idempotency_key: n.idempotencyKey,
      request_hash: n.requestHash,
      created_by: n.createdBy,
      at: n.at.toISOString(),
      ev_actor: n.event.actor,
      ev_actor_role: n.event.actorRole,
      ev_action: n.event.action,
      ev_from: n.event.fromState,
      ev_note: n.event.note ?? null,
      ev_photos: n.event.photos ?? null,
      ev_data: n.event.data ?? null,
      timers: n.timers.map((t) => ({ kind: t.kind, due_at: t.dueAt.toISOString(), data: t.data ?? null })),
      audit: n.audit ?? null,
    })),
  )
  const out = await database.rows<{ id: number; code: string; tracking_code: string }>(
    sql`
    WITH x AS (
      SELECT * FROM json_to_recordset(${input}::json) AS x(
        ord int, code_date text, tracking_code text, channel text, request_type text, track text, fine_class text,
        safety_hazard boolean, lng float8, lat float8, location_crs text, address text, description text,
        reporter_name text, reporter_phone text, state text, suggested_unit_code text, needs_review boolean,
        street_code text, community_code text, grid_code text, street_region_id int, community_region_id int,
        grid_region_id int, assignment jsonb, hazard_marked boolean, dispatch_by timestamptz, ownership_by timestamptz,
        idempotency_key text, request_hash text, created_by text, at timestamptz,
        ev_actor text, ev_actor_role text, ev_action text, ev_from text, ev_note text, ev_photos jsonb, ev_data jsonb,
        timers json, audit json)
    ), ins AS (
      INSERT INTO incident (
        code, tracking_code, channel, request_type, track, fine_class, safety_hazard, location, location_crs,
        address, description, reporter_name, reporter_phone, state, suggested_unit_code, needs_review,
        street_code, community_code, grid_code, street_region_id, community_region_id, grid_region_id, assignment,
        hazard_marked, dispatch_by, ownership_by, idempotency_key, request_hash, created_by, created_at, updated_at)
      SELECT
        'HJ' || s.code_date || '-' || lpad(s.n::text, greatest(5, length(s.n::text)), '0'),
        s.tracking_code, s.channel, s.request_type, s.track, s.fine_class, s.safety_hazard,
        CASE WHEN s.lng IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(s.lng, s.lat), 4326) END,
        s.location_crs, s.address, s.description, s.reporter_name, s.reporter_phone, s.state, s.suggested_unit_code,
        s.needs_review, s.street_code, s.community_code, s.grid_code, s.street_region_id, s.community_region_id,
        s.grid_region_id, s.assignment, s.hazard_marked, s.dispatch_by, s.ownership_by, s.idempotency_key,
        s.request_hash, s.created_by, s.at, s.at
      -- nextval in the select list of a subquery: one value per row, in input order.
      FROM (SELECT x.*, nextval('incident_code_seq') AS n FROM x ORDER BY x.ord) s
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id, code, tracking_code, state
    ), ev AS (
      INSERT INTO incident_event (incident_id, at, actor, actor_role, action, from_state, to_state, note, photos, data)
      SELECT ins.id, x.at, x.ev_actor, x.ev_actor_role, x.ev_action, x.ev_from, ins.state, x.ev_note, x.ev_photos, x.ev_data
      FROM ins JOIN x ON x.tracking_code = ins.tracking_code
    ), tm AS (
      INSERT INTO timer (incident_id, kind, due_at, data)
      SELECT ins.id, t.kind, t.due_at, t.data
      FROM ins JOIN x ON x.tracking_code = ins.tracking_code
      CROSS JOIN LATERAL json_to_recordset(x.timers) AS t(kind text, due_at timestamptz, data jsonb)
    ), au AS (
      INSERT INTO audit_log (actor_id, actor_username, role, action, object_type, object_id, ip, user_agent, detail)
      SELECT a."actorId", a."actorUsername", a.role, a.action, a."objectType", ins.code, a.ip, a."userAgent", a.detail
      FROM ins JOIN x ON x.tracking_code = ins.tracking_code
      CROSS JOIN LATERAL json_to_record(x.audit) AS a("actorId" uuid, "actorUsername" text, role text, action text,
        "objectType" text, ip text, "userAgent" text, detail jsonb)
      WHERE x.audit IS NOT NULL
    )
    SELECT id, code, tracking_code FROM ins`,
    undefined,
    { prepare: true },
  )
  const byTracking = new Map(out.map((r) => [r.tracking_code, { id: Number(r.id), code: r.code }]))
  return rows.map((n) => byTracking.get(n.trackingCode) ?? null)
}

/** One incident with its first event and timers, in one statement ({@link insertIncidents}). */
export async function insertIncident(database: Database, n: NewIncident): Promise<{ id: number; code: string } | null> {
  return (await insertIncidents(database, [n]))[0]!
}

// ---------------------------------------------------------------------------------------------
// Reads.

export async function findIncidentByCode(database: Database, code: string, tx?: AppDb): Promise<IncidentRecord | null> {
  const [r] = await database.rows(sql`SELECT ${INCIDENT_COLUMNS} ${FROM_INCIDENT} WHERE i.code = ${code}`, tx)
  return r ? toRecord(r) : null
}

export async function findIncidentById(database: Database, id: number, tx?: AppDb): Promise<IncidentRecord | null> {
  const [r] = await database.rows(sql`SELECT ${INCIDENT_COLUMNS} ${FROM_INCIDENT} WHERE i.id = ${id}`, tx)
  return r ? toRecord(r) : null
}

export async function findIncidentByIdempotencyKey(database: Database, key: string): Promise<IncidentRecord | null> {
  const [r] = await database.rows(sql`SELECT ${INCIDENT_COLUMNS} ${FROM_INCIDENT} WHERE i.idempotency_key = ${key}`)
  return r ? toRecord(r) : null
}

export interface IncidentFilter {
  states?: string[]
  unitCode?: string
  streetCode?: string
  /** Class, subclass or fine-class code: matches every fine class under it. */
  classCode?: string
  /** Free text: code, address, description. */
  q?: string
  /** Keyset: only incidents older than this id. */
  beforeId?: number
  limit: number
  /** The caller's row scope (auth): null/absent = all. */
  scope?: RowScope
}

function filterWhere(f: Omit<IncidentFilter, 'limit'>): SQL[] {
  const where: SQL[] = [sql`true`]
  if (f.states?.length) where.push(sql`i.state IN (${sql.join(f.states.map((s) => sql`${s}`), sql`, `)})`)
  if (f.unitCode) where.push(sql`i.unit_code = ${f.unitCode}`)
  if (f.streetCode) where.push(sql`i.street_code = ${f.streetCode}`)
  if (f.classCode) where.push(sql`i.fine_class LIKE ${`${f.classCode}%`}`)
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    where.push(sql`(i.code ILIKE ${like} OR i.address ILIKE ${like} OR i.description ILIKE ${like})`)
  }
  if (f.beforeId !== undefined) where.push(sql`i.id < ${f.beforeId}`)
  if (f.scope) where.push(incidentScopeSql(f.scope))
  return where
}

/** How many incidents the filters (and scope) select: an export checks it against its format's limit. */
export async function countIncidents(database: Database, f: Omit<IncidentFilter, 'limit' | 'beforeId'>): Promise<number> {
  const [r] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM incident i WHERE ${sql.join(filterWhere(f), sql` AND `)}`)
  return Number(r!.n)
}

/** Newest first (id order is intake order), keyset-paged: `beforeId` is the last id of the previous page. */
export async function listIncidents(database: Database, f: IncidentFilter): Promise<IncidentRecord[]> {
  const where = filterWhere(f)
  const rows = await database.rows(sql`
    SELECT ${INCIDENT_COLUMNS} ${FROM_INCIDENT}
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY i.id DESC
    LIMIT ${f.limit}`)
  return rows.map(toRecord)
}

export interface EventRecord {
  id: number
  at: Date
  actor: string
  actorRole: string
  /** The user's display name (null for the system, a citizen or an account since removed). */
  actorName?: string | null
  action: string
  fromState: string | null
  toState: string | null
  note: string | null
  photos: unknown
  data: unknown
}

export async function listEvents(database: Database, incidentId: number): Promise<EventRecord[]> {
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT e.id, to_json(e.at) #>> '{}' AS at, e.actor, e.actor_role AS "actorRole", u.display_name AS "actorName",
           e.action, e.from_state AS "fromState", e.to_state AS "toState", e.note, e.photos::text AS photos, e.data::text AS data
    FROM incident_event e LEFT JOIN app_user u ON u.username = e.actor
    WHERE e.incident_id = ${incidentId} ORDER BY e.id`)
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(String(r.at)),
    actor: String(r.actor),
    actorRole: String(r.actorRole),
    actorName: (r.actorName as string | null) ?? null,
    action: String(r.action),
    fromState: (r.fromState as string | null) ?? null,
    toState: (r.toState as string | null) ?? null,
    note: (r.note as string | null) ?? null,
    photos: r.photos === null ? null : JSON.parse(String(r.photos)),
    data: r.data === null ? null : JSON.parse(String(r.data)),
  }))
}

export interface TimerRecord {
  id: number
  kind: string
  dueAt: Date
  firedAt: Date | null
  cancelledAt: Date | null
  data: unknown
}

export async function listTimers(database: Database, incidentId: number): Promise<TimerRecord[]> {
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT id, kind, to_json(due_at) #>> '{}' AS "dueAt", to_json(fired_at) #>> '{}' AS "firedAt",
           to_json(cancelled_at) #>> '{}' AS "cancelledAt", data::text AS data
    FROM timer WHERE incident_id = ${incidentId} ORDER BY id`)
  return rows.map((r) => ({
    id: Number(r.id),
    kind: String(r.kind),
    dueAt: new Date(String(r.dueAt)),
    firedAt: time(r.firedAt),
    cancelledAt: time(r.cancelledAt),
    data: r.data === null ? null : JSON.parse(String(r.data)),
  }))
}

// ---------------------------------------------------------------------------------------------
// Writes used by transitions (and by the timer worker, clusters…): call them inside one transaction.

/** Columns a transition may set. `null` clears; `undefined` leaves as is. */
// What a step changes is defined with the workflow's plans (packages/shared/src/workflow/plan.ts).
export type { IncidentPatch }

const PATCH_COLUMNS: Record<Exclude<keyof IncidentPatch, 'incrementRework' | 'incrementReopen'>, [string, string]> = {
  state: ['state', 'text'],
  track: ['track', 'text'],
  requestType: ['request_type', 'text'],
  safetyHazard: ['safety_hazard', 'boolean'],
  unitCode: ['unit_code', 'text'],
  firstUnitCode: ['first_unit_code', 'text'],
  hazardMarked: ['hazard_marked', 'boolean'],
  extensionPending: ['extension_pending', 'boolean'],
  extensionDueAt: ['extension_due_at', 'timestamptz'],
  extensionReason: ['extension_reason', 'text'],
  primaryId: ['primary_id', 'bigint'],
  escalationLevel: ['escalation_level', 'int'],
  dispatchBy: ['dispatch_by', 'timestamptz'],
  arriveBy: ['arrive_by', 'timestamptz'],
  handleBy: ['handle_by', 'timestamptz'],
  resolveBy: ['resolve_by', 'timestamptz'],
  ownershipBy: ['ownership_by', 'timestamptz'],
  callbackAt: ['callback_at', 'timestamptz'],
  overdueAt: ['overdue_at', 'timestamptz'],
  registeredAt: ['registered_at', 'timestamptz'],
  dispatchedAt: ['dispatched_at', 'timestamptz'],
  acceptedAt: ['accepted_at', 'timestamptz'],
  arrivedAt: ['arrived_at', 'timestamptz'],
  resolvedAt: ['resolved_at', 'timestamptz'],
  closedAt: ['closed_at', 'timestamptz'],
  fineClass: ['fine_class', 'text'],
  suggestedUnitCode: ['suggested_unit_code', 'text'],
  needsReview: ['needs_review', 'boolean'],
  assignment: ['assignment', 'jsonb'],
}

/**
 * The optimistic-locking update: applies `patch`, bumps `version`, stamps `updated_at` — only if the
 * row still has `version`. Returns the new version, or null when someone else changed it first.
 */
export async function updateIncidentVersioned(
  database: Database,
  tx: AppDb,
  id: number,
  version: number,
  patch: IncidentPatch,
  at: Date,
): Promise<number | null> {
  const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = ${at.toISOString()}::timestamptz`]
  for (const [key, [column, type]] of Object.entries(PATCH_COLUMNS)) {
    const v = patch[key as keyof typeof PATCH_COLUMNS]
    if (v === undefined) continue
    const value = v instanceof Date ? v.toISOString() : type === 'jsonb' ? JSON.stringify(v) : v
    sets.push(sql`${sql.raw(column)} = ${value}::${sql.raw(type)}`)
  }
  if (patch.incrementRework) sets.push(sql`rework_count = rework_count + 1`)
  if (patch.incrementReopen) sets.push(sql`reopen_count = reopen_count + 1`)
  const rows = await database.rows<{ version: number }>(
    sql`UPDATE incident SET ${sql.join(sets, sql`, `)} WHERE id = ${id} AND version = ${version} RETURNING version`,
    tx,
  )
  return rows[0] ? Number(rows[0].version) : null
}

/** Appends one row to the incident's event log (never updated or deleted). Returns its id. */
export async function appendEvent(
  database: Database,
  tx: AppDb | undefined,
  incidentId: number,
  at: Date,
  e: NewEvent,
): Promise<number> {
  const [r] = await database.rows<{ id: number }>(
    sql`INSERT INTO incident_event (incident_id, at, actor, actor_role, action, from_state, to_state, note, photos, data)
        VALUES (${incidentId}, ${at.toISOString()}::timestamptz, ${e.actor}::text, ${e.actorRole}::text, ${e.action}::text,
                ${e.fromState}::text, ${e.toState}::text, ${e.note ?? null}::text, ${json(e.photos)}::jsonb, ${json(e.data)}::jsonb)
        RETURNING id`,
    tx,
  )
  return Number(r!.id)
}

/**
 * Cancels the pending timers of these kinds (all kinds when `kinds` is 'all'). Fired rows are history
 * and stay as they are. Returns the number cancelled.
 */
export async function cancelTimers(
  database: Database,
  tx: AppDb | undefined,
  incidentId: number,
  kinds: readonly string[] | 'all',
  at: Date,
): Promise<number> {
  if (kinds !== 'all' && kinds.length === 0) return 0
  const which = kinds === 'all' ? sql`true` : sql`kind IN (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})`
  const rows = await database.rows(
    sql`UPDATE timer SET cancelled_at = ${at.toISOString()}::timestamptz
        WHERE incident_id = ${incidentId} AND fired_at IS NULL AND cancelled_at IS NULL AND ${which}
        RETURNING id`,
    tx,
  )
  return rows.length
}

/**
 * Makes exactly these checks pending: for each kind, a pending row with another due time is cancelled
 * and a new one inserted; one already due at the same time is kept (so rescheduling is idempotent).
 * At most one pending row per incident and kind (unique index `timer_pending_uq`).
 */
export async function scheduleTimers(
  database: Database,
  tx: AppDb | undefined,
  incidentId: number,
  timers: readonly NewTimer[],
  at: Date,
): Promise<void> {
  if (timers.length === 0) return
  const input = JSON.stringify(timers.map((t) => ({ kind: t.kind, due_at: t.dueAt.toISOString(), data: t.data ?? null })))
  await database.rows(
    sql`UPDATE timer t SET cancelled_at = ${at.toISOString()}::timestamptz
        FROM json_to_recordset(${input}::json) AS x(kind text, due_at timestamptz, data jsonb)
        WHERE t.incident_id = ${incidentId} AND t.kind = x.kind AND t.due_at <> x.due_at
          AND t.fired_at IS NULL AND t.cancelled_at IS NULL`,
    tx,
  )
  await database.rows(
    sql`INSERT INTO timer (incident_id, kind, due_at, data)
        SELECT ${incidentId}, x.kind, x.due_at, x.data
        FROM json_to_recordset(${input}::json) AS x(kind text, due_at timestamptz, data jsonb)
        ON CONFLICT (incident_id, kind) WHERE fired_at IS NULL AND cancelled_at IS NULL DO NOTHING`,
    tx,
  )
}

/** Whether `code` is an active unit (read live: dispatch must not miss a unit created seconds ago). */
export async function isActiveUnit(database: Database, code: string): Promise<boolean> {
  const rows = await database.rows(sql`SELECT 1 FROM unit WHERE code = ${code} AND active`)
  return rows.length > 0
}
