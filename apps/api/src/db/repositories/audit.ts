import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/** The append-only audit log (a trigger refuses UPDATE/DELETE). Insert and read; nothing else exists. */

export interface AuditEntry {
  actorId: string | null
  actorUsername: string | null
  role: string | null
  action: string
  objectType: string | null
  objectId: string | null
  ip: string | null
  userAgent: string | null
  detail: unknown
}

export async function insertAudit(database: Database, e: AuditEntry, tx?: AppDb): Promise<void> {
  await database.rows(
    sql`INSERT INTO audit_log (actor_id, actor_username, role, action, object_type, object_id, ip, user_agent, detail)
        VALUES (${e.actorId}::uuid, ${e.actorUsername}, ${e.role}, ${e.action}, ${e.objectType}, ${e.objectId}, ${e.ip},
                ${e.userAgent}, ${e.detail === undefined || e.detail === null ? null : JSON.stringify(e.detail)}::jsonb)`,
    tx,
  )
}

export interface AuditFilter {
  actor?: string
  action?: string
  objectType?: string
  objectId?: string
  from?: string
  to?: string
  before?: number
  limit: number
}

export interface AuditRow {
  id: number
  at: Date
  actorId: string | null
  actorUsername: string | null
  role: string | null
  action: string
  objectType: string | null
  objectId: string | null
  ip: string | null
  userAgent: string | null
  detail: unknown
}

/** Newest first, keyset-paged by id. `actor` matches the username (or the id); `action` also matches a prefix ending in '.'. */
export async function listAudit(database: Database, f: AuditFilter): Promise<AuditRow[]> {
  const where = [sql`true`]
  if (f.actor) where.push(sql`(actor_username = ${f.actor.toLowerCase()} OR actor_id::text = ${f.actor})`)
  if (f.action) where.push(f.action.endsWith('.') ? sql`action LIKE ${`${f.action}%`}` : sql`action = ${f.action}`)
  if (f.objectType) where.push(sql`object_type = ${f.objectType}`)
  if (f.objectId) where.push(sql`object_id = ${f.objectId}`)
  if (f.from) where.push(sql`at >= ${f.from}::timestamptz`)
  if (f.to) where.push(sql`at < ${f.to}::timestamptz`)
  if (f.before) where.push(sql`id < ${f.before}`)
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT id, at, actor_id AS "actorId", actor_username AS "actorUsername", role, action, object_type AS "objectType",
           object_id AS "objectId", ip, user_agent AS "userAgent", detail
    FROM audit_log WHERE ${sql.join(where, sql` AND `)} ORDER BY id DESC LIMIT ${f.limit}`)
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at instanceof Date ? r.at : new Date(String(r.at)),
    actorId: r.actorId == null ? null : String(r.actorId),
    actorUsername: (r.actorUsername as string | null) ?? null,
    role: (r.role as string | null) ?? null,
    action: String(r.action),
    objectType: (r.objectType as string | null) ?? null,
    objectId: (r.objectId as string | null) ?? null,
    ip: (r.ip as string | null) ?? null,
    userAgent: (r.userAgent as string | null) ?? null,
    detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : (r.detail ?? null),
  }))
}
