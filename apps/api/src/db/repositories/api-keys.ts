import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/** API keys issued to units for external systems (rows of api_token without a user). All their SQL lives here. */

export interface ApiKeyRecord {
  id: string
  name: string
  unitCode: string
  unitName: string
  scopes: string[]
  rateLimitPerMinute: number
  tokenPrefix: string | null
  useCount: number
  createdBy: string | null
  replacesId: string | null
  createdAt: Date
  expiresAt: Date | null
  revokedAt: Date | null
  lastUsedAt: Date | null
}

const SELECT = sql`
  SELECT k.id, k.name, k.unit_code AS "unitCode", u.name AS "unitName", k.scopes, k.rate_limit_per_minute AS "rateLimitPerMinute",
         k.token_prefix AS "tokenPrefix", k.use_count AS "useCount", k.created_by AS "createdBy", k.replaces_id AS "replacesId",
         to_json(k.created_at) #>> '{}' AS "createdAt", to_json(k.expires_at) #>> '{}' AS "expiresAt",
         to_json(k.revoked_at) #>> '{}' AS "revokedAt", to_json(k.last_used_at) #>> '{}' AS "lastUsedAt"
  FROM api_token k JOIN unit u ON u.code = k.unit_code`

const date = (v: unknown): Date | null => (v == null ? null : new Date(String(v)))
const textArray = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : String(v ?? '').replace(/[{}"]/g, '').split(',').filter(Boolean)

function keyOf(r: Record<string, unknown>): ApiKeyRecord {
  return {
    id: String(r.id),
    name: String(r.name),
    unitCode: String(r.unitCode),
    unitName: String(r.unitName),
    scopes: textArray(r.scopes),
    rateLimitPerMinute: Number(r.rateLimitPerMinute),
    tokenPrefix: (r.tokenPrefix as string | null) ?? null,
    useCount: Number(r.useCount),
    createdBy: (r.createdBy as string | null) ?? null,
    replacesId: (r.replacesId as string | null) ?? null,
    createdAt: date(r.createdAt)!,
    expiresAt: date(r.expiresAt),
    revokedAt: date(r.revokedAt),
    lastUsedAt: date(r.lastUsedAt),
  }
}

export interface NewApiKey {
  name: string
  unitCode: string
  scopes: readonly string[]
  rateLimitPerMinute: number
  tokenHash: string
  tokenPrefix: string
  createdBy: string | null
  expiresAt: Date | null
  replacesId?: string | null
}

const pgArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '')}"`).join(',')}}`

export async function insertApiKey(database: Database, k: NewApiKey, tx?: AppDb): Promise<ApiKeyRecord> {
  const [r] = await database.rows(
    sql`WITH k AS (
          INSERT INTO api_token (name, token_hash, unit_code, scopes, rate_limit_per_minute, token_prefix, created_by, expires_at, replaces_id)
          VALUES (${k.name}, ${k.tokenHash}, ${k.unitCode}, ${pgArray(k.scopes)}::text[], ${k.rateLimitPerMinute}, ${k.tokenPrefix},
                  ${k.createdBy}, ${k.expiresAt ? k.expiresAt.toISOString() : null}::timestamptz, ${k.replacesId ?? null}::uuid)
          RETURNING *)
        SELECT k.id, k.name, k.unit_code AS "unitCode", u.name AS "unitName", k.scopes, k.rate_limit_per_minute AS "rateLimitPerMinute",
               k.token_prefix AS "tokenPrefix", k.use_count AS "useCount", k.created_by AS "createdBy", k.replaces_id AS "replacesId",
               to_json(k.created_at) #>> '{}' AS "createdAt", to_json(k.expires_at) #>> '{}' AS "expiresAt",
               to_json(k.revoked_at) #>> '{}' AS "revokedAt", to_json(k.last_used_at) #>> '{}' AS "lastUsedAt"
        FROM k JOIN unit u ON u.code = k.unit_code`,
    tx,
  )
  return keyOf(r!)
}

/** Every unit key, live ones first, newest first. */
export async function listApiKeys(database: Database): Promise<ApiKeyRecord[]> {
  const rows = await database.rows(sql`${SELECT} WHERE k.user_id IS NULL ORDER BY (k.revoked_at IS NULL) DESC, k.created_at DESC, k.id`)
  return rows.map(keyOf)
}

export async function findApiKey(database: Database, id: string, tx?: AppDb): Promise<ApiKeyRecord | null> {
  const [r] = await database.rows(sql`${SELECT} WHERE k.user_id IS NULL AND k.id = ${id}::uuid`, tx)
  return r ? keyOf(r) : null
}

/** Revokes a live key; false when it was not live (already revoked or unknown). */
export async function revokeApiKey(database: Database, id: string, tx?: AppDb): Promise<boolean> {
  const rows = await database.rows(
    sql`UPDATE api_token SET revoked_at = now() WHERE id = ${id}::uuid AND user_id IS NULL AND revoked_at IS NULL RETURNING id`,
    tx,
  )
  return rows.length > 0
}

/** What a bearer token or Open311 api_key resolves to: a person's token or a unit's key. */
export type TokenUse =
  | { kind: 'user'; userId: string }
  | { kind: 'key'; id: string; name: string; unitCode: string; scopes: string[]; rateLimitPerMinute: number }

/** The live token with this hash, counted as used (last use, use count) in the same statement; null if none. */
export async function useToken(database: Database, tokenHash: string): Promise<TokenUse | null> {
  const [r] = await database.rows(
    sql`UPDATE api_token SET last_used_at = now(), use_count = use_count + 1
        WHERE token_hash = ${tokenHash} AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
        RETURNING id, name, user_id AS "userId", unit_code AS "unitCode", scopes, rate_limit_per_minute AS "rateLimitPerMinute"`,
  )
  if (!r) return null
  if (r.userId) return { kind: 'user', userId: String(r.userId) }
  return {
    kind: 'key',
    id: String(r.id),
    name: String(r.name),
    unitCode: String(r.unitCode),
    scopes: textArray(r.scopes),
    rateLimitPerMinute: Number(r.rateLimitPerMinute),
  }
}

/** A key with this exact hash exists (any state): the demo seed does not issue its key twice. */
export async function apiKeyHashExists(database: Database, tokenHash: string, tx?: AppDb): Promise<boolean> {
  const rows = await database.rows(sql`SELECT 1 AS ok FROM api_token WHERE token_hash = ${tokenHash}`, tx)
  return rows.length > 0
}
