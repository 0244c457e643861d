import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'
import type { NewEvent } from './incident-events.ts'
import type { IncidentRecord } from './incident-rows.ts'

/**
 * Bulk insert of the demo history (seed only): incidents as they stand after their simulated lifecycle, with
 * their whole event log and their still-pending timers, a few statements for thousands of incidents.
 */

export interface DemoIncidentRow {
  rec: IncidentRecord
  /** Code of the cluster primary a merged incident points to (ids exist only after the insert). */
  primaryCode: string | null
  events: (NewEvent & { at: Date })[]
  timers: { kind: string; dueAt: Date; data: unknown }[]
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null)

/** Inserts `rows` in statements of `batch` incidents (each with its events and timers), then links clusters. */
export async function insertDemoIncidents(
  database: Database,
  tx: AppDb,
  rows: DemoIncidentRow[],
  batch = 1000,
): Promise<void> {
  await insertDemoChunk(database, tx, rows, batch)
  // Intake after the seed continues the code sequence (codes are unique across days).
  await database.rows(sql`SELECT setval('incident_code_seq', greatest((SELECT count(*) FROM incident), 1))`, tx)
}

/**
 * Inserts one slice of the history in `tx` (oldest first: a merged report's primary is in this slice or an earlier
 * one), linking its merged reports to their primaries.
 */
export async function insertDemoChunk(
  database: Database,
  tx: AppDb,
  rows: DemoIncidentRow[],
  batch = 1000,
): Promise<void> {
  // History written in bulk rings no bells: the closure trigger (migration 0016) skips while this is on.
  await database.rows(sql`SELECT set_config('hanjiang.bulk_history', 'on', true)`, tx)
  for (let i = 0; i < rows.length; i += batch) {
    const input = JSON.stringify(
      rows.slice(i, i + batch).map(({ rec: r, events, timers }) => ({
        code: r.code,
        tracking_code: r.trackingCode,
        channel: r.channel,
        request_type: r.requestType,
        track: r.track,
        fine_class: r.fineClass,
        safety_hazard: r.safetyHazard,
        lng: r.lng,
        lat: r.lat,
        location_crs: r.locationCrs,
        address: r.address,
        description: r.description,
        reporter_name: r.reporterName,
        reporter_phone: r.reporterPhone,
        state: r.state,
        version: r.version,
        unit_code: r.unitCode,
        first_unit_code: r.firstUnitCode,
        suggested_unit_code: r.suggestedUnitCode,
        needs_review: r.needsReview,
        street_code: r.streetCode,
        community_code: r.communityCode,
        grid_code: r.gridCode,
        street_region_id: r.streetRegionId,
        community_region_id: r.communityRegionId,
        grid_region_id: r.gridRegionId,
        assignment: r.assignment,
        dispatch_by: iso(r.dispatchBy),
        arrive_by: iso(r.arriveBy),
        handle_by: iso(r.handleBy),
        resolve_by: iso(r.resolveBy),
        ownership_by: iso(r.ownershipBy),
        callback_at: iso(r.callbackAt),
        overdue_at: iso(r.overdueAt),
        escalation_level: r.escalationLevel,
        rework_count: r.reworkCount,
        reopen_count: r.reopenCount,
        hazard_marked: r.hazardMarked,
        extension_pending: r.extensionPending,
        extension_due_at: iso(r.extensionDueAt),
        extension_reason: r.extensionReason,
        satisfaction: r.satisfaction,
        created_by: r.createdBy,
        created_at: iso(r.createdAt),
        registered_at: iso(r.registeredAt),
        dispatched_at: iso(r.dispatchedAt),
        accepted_at: iso(r.acceptedAt),
        arrived_at: iso(r.arrivedAt),
        resolved_at: iso(r.resolvedAt),
        closed_at: iso(r.closedAt),
        updated_at: iso(r.updatedAt),
        events: events.map((e) => ({
          at: e.at.toISOString(),
          actor: e.actor,
          actor_role: e.actorRole,
          action: e.action,
          from_state: e.fromState,
          to_state: e.toState,
          note: e.note ?? null,
          photos: e.photos ?? null,
          data: e.data ?? null,
        })),
        timers: timers.map((t) => ({ kind: t.kind, due_at: t.dueAt.toISOString(), data: t.data ?? null })),
      })),
    )
    await database.rows(
      sql`
      WITH x AS (
        SELECT * FROM json_to_recordset(${input}::json) AS x(
          code text, tracking_code text, channel text, request_type text, track text, fine_class text, safety_hazard boolean,
          lng float8, lat float8, location_crs text, address text, description text, reporter_name text, reporter_phone text,
          state text, version int, unit_code text, first_unit_code text, suggested_unit_code text, needs_review boolean,
          street_code text, community_code text, grid_code text, street_region_id int, community_region_id int,
          grid_region_id int, assignment jsonb, dispatch_by timestamptz, arrive_by timestamptz, handle_by timestamptz,
          resolve_by timestamptz, ownership_by timestamptz, callback_at timestamptz, overdue_at timestamptz,
          escalation_level int, rework_count int, reopen_count int, hazard_marked boolean, extension_pending boolean,
          extension_due_at timestamptz, extension_reason text, satisfaction text, created_by text, created_at timestamptz,
          registered_at timestamptz, dispatched_at timestamptz, accepted_at timestamptz, arrived_at timestamptz,
          resolved_at timestamptz, closed_at timestamptz, updated_at timestamptz, events json, timers json)
      ), ins AS (
        INSERT INTO incident (
          code, tracking_code, channel, request_type, track, fine_class, safety_hazard, location, location_crs, address,
          description, reporter_name, reporter_phone, state, version, unit_code, first_unit_code, suggested_unit_code,
          needs_review, street_code, community_code, grid_code, street_region_id, community_region_id, grid_region_id,
          assignment, dispatch_by, arrive_by, handle_by, resolve_by, ownership_by, callback_at, overdue_at,
          escalation_level, rework_count, reopen_count, hazard_marked, extension_pending, extension_due_at,
          extension_reason, satisfaction, created_by, created_at, registered_at, dispatched_at, accepted_at, arrived_at,
          resolved_at, closed_at, updated_at)
        SELECT code, tracking_code, channel, request_type, track, fine_class, safety_hazard,
          CASE WHEN lng IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(lng, lat), 4326) END, location_crs, address,
          description, reporter_name, reporter_phone, state, version, unit_code, first_unit_code, suggested_unit_code,
          needs_review, street_code, community_code, grid_code, street_region_id, community_region_id, grid_region_id,
          assignment, dispatch_by, arrive_by, handle_by, resolve_by, ownership_by, callback_at, overdue_at,
          escalation_level, rework_count, reopen_count, hazard_marked, extension_pending, extension_due_at,
          extension_reason, satisfaction, created_by, created_at, registered_at, dispatched_at, accepted_at, arrived_at,
          resolved_at, closed_at, updated_at
        FROM x ORDER BY created_at, code
        RETURNING id, code
      ), ev AS (
        INSERT INTO incident_event (incident_id, at, actor, actor_role, action, from_state, to_state, note, photos, data)
        SELECT ins.id, (e.v ->> 'at')::timestamptz, e.v ->> 'actor', e.v ->> 'actor_role', e.v ->> 'action',
          e.v ->> 'from_state', e.v ->> 'to_state', e.v ->> 'note', nullif((e.v -> 'photos')::jsonb, 'null'), nullif((e.v -> 'data')::jsonb, 'null')
        FROM ins JOIN x ON x.code = ins.code
        CROSS JOIN LATERAL json_array_elements(x.events) WITH ORDINALITY AS e(v, n)
        ORDER BY ins.id, e.n
      )
      INSERT INTO timer (incident_id, kind, due_at, data)
      SELECT ins.id, t.kind, t.due_at, t.data
      FROM ins JOIN x ON x.code = ins.code
      CROSS JOIN LATERAL json_to_recordset(x.timers) AS t(kind text, due_at timestamptz, data jsonb)`,
      tx,
    )
  }
  const links = rows.filter((r) => r.primaryCode).map((r) => ({ member: r.rec.code, primary: r.primaryCode }))
  if (links.length) {
    await database.rows(
      sql`
      UPDATE incident m SET primary_id = p.id
      FROM json_to_recordset(${JSON.stringify(links)}::json) AS l(member text, "primary" text)
      JOIN incident p ON p.code = l."primary"
      WHERE m.code = l.member`,
      tx,
    )
  }
  await database.rows(sql`SELECT set_config('hanjiang.bulk_history', 'off', true)`, tx)
}
