import { randomBytes } from 'node:crypto'
import { formatShanghai } from '@hanjiang/shared'
import type { ApiKey, IssuedApiKey } from '@hanjiang/shared/contract'
import { sha256 } from '../../auth/crypto.ts'
import {
  findApiKey, insertApiKey, listApiKeys, revokeApiKey, type ApiKeyRecord,
} from '../../db/repositories/api-keys.ts'
import { findUnit } from '../../db/repositories/units.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { recordAudit } from '../audit/record.ts'

/**
 * Administration of the API keys units hold for external systems: issue, list, revoke, rotate. The key itself
 * is shown once, in the answer that issued it; the database keeps its SHA-256 and a recognisable prefix. Each
 * change commits with its audit row (never the key, only its id, name and prefix).
 */

export interface ApiKeyInput {
  name: string
  unitCode: string
  scopes: string[]
  rateLimitPerMinute: number
  expiresAt?: string | null
}

/** `hj_` + 256 random bits, URL-safe: recognisable in logs and secret scanners, unguessable. */
export const newApiKey = (): string => `hj_${randomBytes(32).toString('base64url')}`
/** What the list shows of a key: enough to recognise it, far too little to use it. */
export const keyPrefix = (key: string): string => key.slice(0, 10)

export function apiKeyView(k: ApiKeyRecord): ApiKey {
  return {
    id: k.id,
    name: k.name,
    unit: { code: k.unitCode, name: k.unitName },
    scopes: k.scopes,
    rateLimitPerMinute: k.rateLimitPerMinute,
    prefix: k.tokenPrefix,
    useCount: k.useCount,
    createdBy: k.createdBy,
    replacesId: k.replacesId,
    createdAt: formatShanghai(k.createdAt),
    expiresAt: k.expiresAt ? formatShanghai(k.expiresAt) : null,
    revokedAt: k.revokedAt ? formatShanghai(k.revokedAt) : null,
    lastUsedAt: k.lastUsedAt ? formatShanghai(k.lastUsedAt) : null,
    active: !k.revokedAt && (!k.expiresAt || k.expiresAt.getTime() > Date.now()),
  }
}
export type ApiKeyView = ApiKey

export async function listApiKeysForAdmin(database: Database): Promise<ApiKeyView[]> {
  return (await listApiKeys(database)).map(apiKeyView)
}

function expiry(input: ApiKeyInput): Date | null {
  if (!input.expiresAt) return null
  const d = new Date(input.expiresAt)
  if (Number.isNaN(d.getTime()) || d.getTime() <= Date.now()) {
    throw problems.validation('expiresAt must be a date-time in the future', [{ path: 'expiresAt', message: 'in the future' }])
  }
  return d
}

/** Issues a key; answers it once with `key`. */
export async function createApiKey({ database, actor, input, key = newApiKey() }: { database: Database; actor: Actor; input: ApiKeyInput; key?: string }): Promise<IssuedApiKey> {
  const expiresAt = expiry(input)
  return database.db.transaction(async (tx) => {
    if (!(await findUnit(database, input.unitCode, tx))) {
      throw problems.unprocessable('unknown_unit', `No unit ${input.unitCode}`, { errors: [{ path: 'unitCode', message: 'unknown unit' }] })
    }
    const row = await insertApiKey(
      database,
      { ...input, tokenHash: sha256(key), tokenPrefix: keyPrefix(key), createdBy: actor.userId ? actor.id : null, expiresAt },
      tx,
    )
    await recordAudit(database, actor, { action: 'api_key.create', objectType: 'api_key', objectId: row.id, detail: auditDetail(row) }, tx)
    return { ...apiKeyView(row), key }
  })
}

const auditDetail = (k: ApiKeyRecord) => ({ name: k.name, unitCode: k.unitCode, scopes: k.scopes, rateLimitPerMinute: k.rateLimitPerMinute, prefix: k.tokenPrefix })

async function liveKey(database: Database, id: string, tx: Parameters<typeof findApiKey>[2]): Promise<ApiKeyRecord> {
  const k = await findApiKey(database, id, tx)
  if (!k) throw problems.notFound('api_key', `No API key ${id}`)
  if (k.revokedAt) throw problems.conflict('api_key_revoked', `The API key "${k.name}" was already revoked`)
  return k
}

export async function revokeApiKeyForAdmin({ database, actor, id }: { database: Database; actor: Actor; id: string }): Promise<ApiKeyView> {
  return database.db.transaction(async (tx) => {
    const k = await liveKey(database, id, tx)
    await revokeApiKey(database, id, tx)
    await recordAudit(database, actor, { action: 'api_key.revoke', objectType: 'api_key', objectId: id, detail: auditDetail(k) }, tx)
    return apiKeyView((await findApiKey(database, id, tx))!)
  })
}

/** A new key with the same name, unit, scopes and limit; the old one stops at once (same transaction). */
export async function rotateApiKey({ database, actor, id }: { database: Database; actor: Actor; id: string }): Promise<IssuedApiKey> {
  const key = newApiKey()
  return database.db.transaction(async (tx) => {
    const old = await liveKey(database, id, tx)
    await revokeApiKey(database, id, tx)
    const row = await insertApiKey(
      database,
      {
        name: old.name, unitCode: old.unitCode, scopes: old.scopes, rateLimitPerMinute: old.rateLimitPerMinute,
        tokenHash: sha256(key), tokenPrefix: keyPrefix(key), createdBy: actor.userId ? actor.id : null,
        expiresAt: old.expiresAt, replacesId: old.id,
      },
      tx,
    )
    await recordAudit(database, actor, { action: 'api_key.rotate', objectType: 'api_key', objectId: row.id, detail: { ...auditDetail(row), replaces: old.id } }, tx)
    return { ...apiKeyView(row), key }
  })
}
