import { findUserById, sessionUserByHash, useApiToken, type UserRecord } from '../../db/repositories/accounts.ts'
import type { Database } from '../../db/types.ts'
import { sha256 } from '../../auth/crypto.ts'

export interface Credentials {
  user: UserRecord
  /** Cookie sessions only: the CSRF token unsafe requests must echo, and the session id's hash. */
  csrfToken?: string
  sessionHash?: string
}

/** The user behind a cookie session id (live: not revoked, not idle too long, not past its absolute end). */
export async function sessionUser(database: Database, sessionId: string, idleMs: number): Promise<Credentials | null> {
  const idHash = sha256(sessionId)
  const s = await sessionUserByHash(database, idHash, Math.floor(idleMs / 1000))
  if (!s || s.user.disabled) return null
  return { user: s.user, csrfToken: s.csrfToken, sessionHash: idHash }
}

/** The user behind a bearer API token. */
export async function tokenUser(database: Database, token: string): Promise<Credentials | null> {
  const userId = await useApiToken(database, sha256(token))
  if (!userId) return null
  const user = await findUserById(database, userId)
  return user && !user.disabled ? { user } : null
}
