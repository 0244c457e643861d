import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/** The incident's append-only event log. */

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v))

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
