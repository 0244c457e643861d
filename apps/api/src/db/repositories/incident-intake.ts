import { sql } from 'drizzle-orm'
import type { Database } from '../types.ts'
import type { AuditEntry } from './audit.ts'
import type { NewEvent } from './incident-events.ts'
import type { NewTimer } from './incident-timers.ts'

/** Intake: new incidents with their first event, timers and audit row, in one statement. */

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null)

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
 * round trip, one commit for the whole batch). An incident whose idempotency key its creator already used —
 * for an earlier incident or an earlier row of the same batch — is not written: its entry in the result is
 * null and the caller reads the existing incident ({@link findIncidentByIdempotencyKey}). Results are
 * in input order. Codes: HJ + Shanghai date + '-' + the next incident_code_seq value (≥ 5 digits).
 */
export async function insertIncidents(
  database: Database,
  rows: NewIncident[],
): Promise<({ id: number; code: string } | null)[]> {
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
      ON CONFLICT (created_by, idempotency_key) DO NOTHING
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
