import { findUserById, sessionUsersByHash, type UserRecord } from '../../db/repositories/accounts.ts'
import { useToken, type TokenUse } from '../../db/repositories/api-keys.ts'
import { batchQueue } from '../../db/batch-queue.ts'
import type { Database } from '../../db/types.ts'
import { sha256 } from '../../auth/crypto.ts'

export interface Credentials {
  user: UserRecord
  /** Cookie sessions only: the CSRF token unsafe requests must echo, and the session id's hash. */
  csrfToken?: string
  sessionHash?: string
}

/**
 * The user behind a cookie session id (live: not revoked, not idle too long, not past its absolute end).
 * Every request checks its session against the database (a revoked session stops at once, no cache); the
 * lookups of concurrent requests go together in one statement (natural batching, db/batch-queue.ts).
 */
export async function sessionUser(database: Database, sessionId: string, idleMs: number): Promise<Credentials | null> {
  const idHash = sha256(sessionId)
  const s = await sessionQueue(database).submit({ idHash, idleSeconds: Math.floor(idleMs / 1000) })
  if (!s || s.user.disabled) return null
  return { user: s.user, csrfToken: s.csrfToken, sessionHash: idHash }
}

interface SessionJob {
  idHash: string
  idleSeconds: number
}

function sessionQueue(database: Database) {
  return batchQueue(database, 'session-lookup', async (jobs: SessionJob[]) => {
    // One idle limit per deployment (config); a batch with mixed limits takes the strictest.
    const idle = Math.min(...jobs.map((j) => j.idleSeconds))
    const found = await sessionUsersByHash(database, [...new Set(jobs.map((j) => j.idHash))], idle)
    return jobs.map((j) => found.get(j.idHash) ?? null)
  })
}

/** A unit's API key as the bearer of a request (no user: it acts within its scopes). */
export type ApiKeyUse = Extract<TokenUse, { kind: 'key' }>

/** What a bearer token stands for: a person's token (its user) or a unit's API key; null when not live. */
export async function tokenCredentials(database: Database, token: string): Promise<{ user: UserRecord } | { apiKey: ApiKeyUse } | null> {
  const use = await useToken(database, sha256(token))
  if (!use) return null
  if (use.kind === 'key') return { apiKey: use }
  const user = await findUserById(database, use.userId)
  return user && !user.disabled ? { user } : null
}
