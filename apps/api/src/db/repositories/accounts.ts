import { sql } from 'drizzle-orm'
import type { UserRole } from '@hanjiang/shared'
import type { AppDb, Database } from '../types.ts'

/** Users, their roles and areas, sessions and API tokens. All account SQL lives here. */

export interface UserRecord {
  id: string
  username: string
  displayName: string
  unitCode: string
  unitName: string
  passwordHash: string
  mustChangePassword: boolean
  disabled: boolean
  lastLoginAt: Date | null
  createdAt: Date
  roles: UserRole[]
  areas: { code: string; name: string; level: string; prefix: string }[]
}

const USER_SELECT = sql`
  SELECT u.id, u.username, u.display_name AS "displayName", u.unit_code AS "unitCode", un.name AS "unitName",
         u.password_hash AS "passwordHash", u.must_change_password AS "mustChangePassword", u.disabled,
         u.last_login_at AS "lastLoginAt",
         u.created_at AS "createdAt",
         coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_role r WHERE r.user_id = u.id), '{}') AS roles,
         coalesce((SELECT json_agg(json_build_object('code', a.region_code, 'name', coalesce(g.name, a.region_code),
                                                     'level', coalesce(g.level, ''), 'prefix', a.prefix) ORDER BY a.region_code)
                   FROM user_area a LEFT JOIN region g ON g.code = a.region_code AND g.valid_to IS NULL
                   WHERE a.user_id = u.id), '[]') AS areas
  FROM app_user u JOIN unit un ON un.code = u.unit_code`

const date = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(String(v)))

function userOf(r: Record<string, unknown>): UserRecord {
  const areas = typeof r.areas === 'string' ? JSON.parse(r.areas) : r.areas
  const roles = Array.isArray(r.roles) ? r.roles : String(r.roles ?? '').replace(/[{}]/g, '').split(',').filter(Boolean)
  return {
    id: String(r.id),
    username: String(r.username),
    displayName: String(r.displayName),
    unitCode: String(r.unitCode),
    unitName: String(r.unitName),
    passwordHash: String(r.passwordHash),
    mustChangePassword: Boolean(r.mustChangePassword),
    disabled: Boolean(r.disabled),
    lastLoginAt: date(r.lastLoginAt),
    createdAt: date(r.createdAt)!,
    roles: roles as UserRole[],
    areas: areas as UserRecord['areas'],
  }
}

export async function findUserByUsername(database: Database, username: string, tx?: AppDb): Promise<UserRecord | null> {
  const rows = await database.rows(sql`${USER_SELECT} WHERE u.username = ${username.trim().toLowerCase()}`, tx)
  return rows[0] ? userOf(rows[0]) : null
}

export async function findUserById(database: Database, id: string, tx?: AppDb): Promise<UserRecord | null> {
  const rows = await database.rows(sql`${USER_SELECT} WHERE u.id = ${id}::uuid`, tx)
  return rows[0] ? userOf(rows[0]) : null
}

export interface UserFilter {
  q?: string
  unitCode?: string
  role?: string
}

export async function listUsers(database: Database, f: UserFilter): Promise<UserRecord[]> {
  const where = [sql`true`]
  if (f.q) where.push(sql`(u.username ILIKE ${`%${f.q}%`} OR u.display_name ILIKE ${`%${f.q}%`})`)
  if (f.unitCode) where.push(sql`u.unit_code = ${f.unitCode}`)
  if (f.role) where.push(sql`EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = ${f.role})`)
  const rows = await database.rows(sql`${USER_SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY u.username LIMIT 1000`)
  return rows.map(userOf)
}

export async function countUsers(database: Database, tx?: AppDb): Promise<number> {
  const [r] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM app_user`, tx)
  return Number(r!.n)
}

export interface NewUser {
  username: string
  displayName: string
  unitCode: string
  passwordHash: string
  mustChangePassword: boolean
  roles: readonly string[]
  areas: readonly { code: string; prefix: string }[]
}

/** Inserts the user with roles and areas; null when the username is taken. */
export async function insertUser(database: Database, u: NewUser, tx?: AppDb): Promise<string | null> {
  const [row] = await database.rows<{ id: string }>(
    sql`INSERT INTO app_user (username, display_name, unit_code, password_hash, must_change_password)
        VALUES (${u.username.trim().toLowerCase()}, ${u.displayName}, ${u.unitCode}, ${u.passwordHash}, ${u.mustChangePassword})
        ON CONFLICT (username) DO NOTHING RETURNING id`,
    tx,
  )
  if (!row) return null
  await setRolesAndAreas(database, String(row.id), u.roles, u.areas, tx)
  return String(row.id)
}

export async function setRolesAndAreas(
  database: Database,
  userId: string,
  roles: readonly string[] | undefined,
  areas: readonly { code: string; prefix: string }[] | undefined,
  tx?: AppDb,
): Promise<void> {
  if (roles) {
    await database.rows(sql`DELETE FROM user_role WHERE user_id = ${userId}::uuid`, tx)
    if (roles.length) {
      await database.rows(
        sql`INSERT INTO user_role (user_id, role) SELECT ${userId}::uuid, r FROM unnest(${sql.raw(pgArray(roles))}::text[]) AS r`,
        tx,
      )
    }
  }
  if (areas) {
    await database.rows(sql`DELETE FROM user_area WHERE user_id = ${userId}::uuid`, tx)
    for (const a of areas) {
      await database.rows(sql`INSERT INTO user_area (user_id, region_code, prefix) VALUES (${userId}::uuid, ${a.code}, ${a.prefix})`, tx)
    }
  }
}

/** A literal text[] from known-safe values (role names, checked against USER_ROLES before they get here). */
function pgArray(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`
}

export interface UserPatch {
  displayName?: string
  unitCode?: string
  disabled?: boolean
  passwordHash?: string
  mustChangePassword?: boolean
}

export async function updateUser(database: Database, id: string, p: UserPatch, tx?: AppDb): Promise<boolean> {
  const sets = [sql`updated_at = now()`]
  if (p.displayName !== undefined) sets.push(sql`display_name = ${p.displayName}`)
  if (p.unitCode !== undefined) sets.push(sql`unit_code = ${p.unitCode}`)
  if (p.disabled !== undefined) sets.push(sql`disabled = ${p.disabled}`)
  if (p.passwordHash !== undefined) sets.push(sql`password_hash = ${p.passwordHash}, password_changed_at = now()`)
  if (p.mustChangePassword !== undefined) sets.push(sql`must_change_password = ${p.mustChangePassword}`)
  const rows = await database.rows(sql`UPDATE app_user SET ${sql.join(sets, sql`, `)} WHERE id = ${id}::uuid RETURNING id`, tx)
  return rows.length > 0
}

export async function recordLoginSuccess(database: Database, id: string, tx?: AppDb): Promise<void> {
  await database.rows(sql`UPDATE app_user SET last_login_at = now() WHERE id = ${id}::uuid`, tx)
}

// ---- sessions ----

export interface NewSession {
  idHash: string
  userId: string
  csrfToken: string
  /** Absolute lifetime; the end is computed by the database clock, which also judges it. */
  maxAgeSeconds: number
  ip: string | null
  userAgent: string | null
}

export async function insertSession(database: Database, s: NewSession, tx?: AppDb): Promise<void> {
  await database.rows(
    sql`INSERT INTO user_session (id_hash, user_id, csrf_token, expires_at, ip, user_agent)
        VALUES (${s.idHash}, ${s.userId}::uuid, ${s.csrfToken}, now() + make_interval(secs => ${s.maxAgeSeconds}), ${s.ip}, ${s.userAgent})`,
    tx,
  )
}

/**
 * The live session's user in ONE statement (the per-request hot path): finds the session (not revoked, not idle
 * too long, not past its absolute end), restarts its idle clock — written at most once a minute, so steady
 * traffic does not rewrite the row on every request — and returns the user with roles and areas.
 */
/**
 * The users behind live sessions (not revoked, not idle, not past their end), for many session-id hashes in ONE
 * statement (concurrent requests batch their lookups, see services/auth/credentials.ts). Touches last_seen_at at
 * most once a minute per session. Hashes with no live session are absent from the map.
 */
export async function sessionUsersByHash(
  database: Database,
  idHashes: string[],
  idleSeconds: number,
): Promise<Map<string, { user: UserRecord; csrfToken: string }>> {
  const rows = await database.rows<Record<string, unknown>>(
    sql`
    WITH live AS (
      SELECT id_hash, user_id, csrf_token, last_seen_at FROM user_session
      WHERE id_hash = ANY(${`{${idHashes.join(',')}}`}::text[]) AND revoked_at IS NULL AND expires_at > now()
        AND last_seen_at > now() - make_interval(secs => ${idleSeconds})
    ), touched AS (
      UPDATE user_session s SET last_seen_at = now() FROM live
      WHERE s.id_hash = live.id_hash AND live.last_seen_at < now() - interval '1 minute'
    )
    SELECT q.*, live.csrf_token AS "csrfToken", live.id_hash AS "idHash"
    FROM live CROSS JOIN LATERAL (${USER_SELECT} WHERE u.id = live.user_id) q`,
    undefined,
    { prepare: true },
  )
  return new Map(rows.map((r) => [String(r.idHash), { user: userOf(r), csrfToken: String(r.csrfToken) }]))
}

/**
 * Which of these session-id hashes are still live (not revoked, not idle too long, not past their end, the user
 * not disabled): the same test as {@link sessionUsersByHash}, for many open streams in ONE statement, without
 * touching last_seen_at (an open stream is not activity: idle sessions must still end).
 */
export async function liveSessionHashes(database: Database, idHashes: readonly string[], idleSeconds: number): Promise<Set<string>> {
  const rows = await database.rows<{ idHash: string }>(
    sql`
    SELECT s.id_hash AS "idHash" FROM user_session s JOIN app_user u ON u.id = s.user_id
    WHERE s.id_hash = ANY(${`{${idHashes.join(',')}}`}::text[]) AND s.revoked_at IS NULL AND s.expires_at > now()
      AND s.last_seen_at > now() - make_interval(secs => ${idleSeconds}) AND NOT u.disabled`,
    undefined,
    { prepare: true },
  )
  return new Set(rows.map((r) => String(r.idHash)))
}

export async function revokeSession(database: Database, idHash: string, tx?: AppDb): Promise<void> {
  await database.rows(sql`UPDATE user_session SET revoked_at = now() WHERE id_hash = ${idHash} AND revoked_at IS NULL`, tx)
}

/** Revokes all of a user's sessions (and tokens), e.g. after a password reset or disable; returns how many. */
export async function revokeUserSessions(database: Database, userId: string, opts: { exceptHash?: string } = {}, tx?: AppDb): Promise<number> {
  const rows = await database.rows(
    sql`UPDATE user_session SET revoked_at = now() WHERE user_id = ${userId}::uuid AND revoked_at IS NULL
        AND id_hash <> ${opts.exceptHash ?? ''} RETURNING id_hash`,
    tx,
  )
  return rows.length
}

// ---- API tokens ----

export async function insertApiToken(database: Database, t: { name: string; tokenHash: string; userId: string; expiresAt: Date | null }, tx?: AppDb): Promise<string> {
  const [r] = await database.rows<{ id: string }>(
    sql`INSERT INTO api_token (name, token_hash, user_id, expires_at)
        VALUES (${t.name}, ${t.tokenHash}, ${t.userId}::uuid, ${t.expiresAt ? t.expiresAt.toISOString() : null}::timestamptz) RETURNING id`,
    tx,
  )
  return String(r!.id)
}

/** The user behind a live token (touched), or null. */
export async function useApiToken(database: Database, tokenHash: string): Promise<string | null> {
  const rows = await database.rows<{ userId: string }>(
    sql`UPDATE api_token SET last_used_at = now()
        WHERE token_hash = ${tokenHash} AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
        RETURNING user_id AS "userId"`,
  )
  return rows[0] ? String(rows[0].userId) : null
}
