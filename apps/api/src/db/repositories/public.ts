import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

export async function insertPublicReport(database: Database, incidentId: number, photosPublic: boolean): Promise<void> {
  await database.rows(sql`
    INSERT INTO public_report (incident_id, photos_public) VALUES (${incidentId}, ${photosPublic})
    ON CONFLICT (incident_id) DO NOTHING RETURNING incident_id`)
}

export interface TrackedIncident extends Record<string, unknown> {
  id: number
  code: string
  state: string
  version: number
  reopenCount: number
  fineClass: string | null
  address: string | null
  createdAt: string
  photosPublic: boolean
  extensionReason: string | null
  satisfaction: string | null
  ratedThisRound: boolean
}

/** The incident behind a tracking code, with what the public page may use (no reporter data). */
export async function findByTrackingCode(database: Database, trackingCode: string, tx?: AppDb): Promise<TrackedIncident | null> {
  const [r] = await database.rows<TrackedIncident>(sql`
    SELECT i.id, i.code, i.state, i.version, i.reopen_count AS "reopenCount", i.fine_class AS "fineClass", i.address,
      to_json(i.created_at) #>> '{}' AS "createdAt", coalesce(pr.photos_public, false) AS "photosPublic",
      i.extension_reason AS "extensionReason", i.satisfaction,
      EXISTS (SELECT 1 FROM public_rating r WHERE r.incident_id = i.id AND r.round = i.reopen_count) AS "ratedThisRound"
    FROM incident i LEFT JOIN public_report pr ON pr.incident_id = i.id
    WHERE i.tracking_code = ${trackingCode}`, tx)
  return r ? { ...r, id: Number(r.id), version: Number(r.version), reopenCount: Number(r.reopenCount) } : null
}

export interface PublicEventRow extends Record<string, unknown> {
  id: number
  at: string
  action: string
  toState: string | null
  photos: unknown
  data: unknown
}

/** The event log without actors or notes (the public timeline picks what it shows from these). */
export async function publicEvents(database: Database, incidentId: number): Promise<PublicEventRow[]> {
  const rows = await database.rows<PublicEventRow>(sql`
    SELECT id, to_json(at) #>> '{}' AS at, action, to_state AS "toState", photos, data
    FROM incident_event WHERE incident_id = ${incidentId} ORDER BY id`)
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    photos: typeof r.photos === 'string' ? JSON.parse(r.photos) : r.photos,
    data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
  }))
}

/** Records the rating of this closing; false if it was rated already (the primary key holds one per round). */
export async function insertRating(
  database: Database,
  tx: AppDb,
  r: { incidentId: number; round: number; rating: string; at: Date },
): Promise<boolean> {
  const rows = await database.rows(
    sql`INSERT INTO public_rating (incident_id, round, rating, at)
        VALUES (${r.incidentId}, ${r.round}, ${r.rating}, ${r.at.toISOString()}::timestamptz)
        ON CONFLICT DO NOTHING RETURNING incident_id`,
    tx,
  )
  return rows.length > 0
}

/**
 * One hit on a fixed-window counter; returns the count in the window including this hit (one statement,
 * atomic across processes).
 */
export async function hitWindow(database: Database, key: string, windowStart: Date, expiresAt: Date): Promise<number> {
  const [r] = await database.rows<{ count: number }>(sql`
    INSERT INTO rate_limit_window (key, window_start, count, expires_at)
    VALUES (${key}, ${windowStart.toISOString()}::timestamptz, 1, ${expiresAt.toISOString()}::timestamptz)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_window.count + 1
    RETURNING count`)
  return Number(r!.count)
}

export async function deleteExpiredWindows(database: Database, now: Date): Promise<number> {
  const rows = await database.rows(
    sql`DELETE FROM rate_limit_window WHERE expires_at < ${now.toISOString()}::timestamptz RETURNING key`,
  )
  return rows.length
}

/** Records the satisfaction on the incident (optimistic lock like every incident write); the new version or null. */
export async function setSatisfaction(
  database: Database,
  tx: AppDb,
  r: { incidentId: number; version: number; rating: string; at: Date },
): Promise<number | null> {
  const rows = await database.rows<{ version: number }>(
    sql`UPDATE incident SET satisfaction = ${r.rating}, version = version + 1, updated_at = ${r.at.toISOString()}::timestamptz
        WHERE id = ${r.incidentId} AND version = ${r.version} RETURNING version`,
    tx,
  )
  return rows[0] ? Number(rows[0].version) : null
}
