import { afterFailedLogin } from '@hanjiang/shared'
import {
  findUserByUsername, insertSession, recordLoginFailure, recordLoginSuccess, type UserRecord,
} from '../../db/repositories/accounts.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { dummyHash, randomToken, sha256, verifyPassword } from '../../auth/crypto.ts'
import { recordAudit } from '../audit/record.ts'
import { actorOfUser } from './actor.ts'
import { admitSignIn, type ThrottleSettings } from './sign-in-throttle.ts'

export interface LoginResult {
  user: UserRecord
  sessionId: string
  csrfToken: string
}

/**
 * Sign-in (auth contract). First the per-address throttle (429 before anything else is looked at; a success
 * gives its counted attempt back). The same 401 for an unknown name and a wrong password, and the same work (an
 * argon2 verify against a dummy hash) so timing does not tell them apart. A locked account is refused before
 * the password is looked at; a disabled one only after, so a guesser learns nothing. Every outcome is audited.
 */
export async function login({
  database,
  username,
  password,
  maxAgeMs,
  from,
  throttle,
  now = new Date(),
}: {
  database: Database
  username: string
  password: string
  maxAgeMs: number
  from: Pick<Actor, 'ip' | 'userAgent'>
  throttle: ThrottleSettings
  /** The throttle's clock (the session's ends are the database's). */
  now?: Date
}): Promise<LoginResult> {
  const ticket = await admitSignIn(database, from, throttle, now)
  const anonymous: Actor = { id: username.slice(0, 100), role: 'public', roles: [], ...from }
  const user = await findUserByUsername(database, username)
  if (!user) {
    await verifyPassword(await dummyHash(), password)
    await recordAudit(database, anonymous, { action: 'auth.login_failed', objectType: 'user', detail: { username: username.slice(0, 100), reason: 'unknown_user' } })
    throw problems.invalidCredentials()
  }
  const actor = actorOfUser(user, from)
  if (user.lockedUntil && user.lockedUntil > now) {
    const seconds = Math.max(1, Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000))
    await recordAudit(database, actor, { action: 'auth.login_failed', objectType: 'user', objectId: user.id, detail: { reason: 'locked' } })
    throw problems.accountLocked(seconds)
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const next = afterFailedLogin(user.failedLogins, now)
    await database.db.transaction(async (tx) => {
      await recordLoginFailure(database, user.id, next.failures, next.lockedUntil, tx)
      await recordAudit(database, actor, {
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: user.id,
        detail: { reason: 'wrong_password', locked: next.lockedUntil !== null },
      }, tx)
    })
    throw problems.invalidCredentials()
  }
  if (user.disabled) {
    await recordAudit(database, actor, { action: 'auth.login_failed', objectType: 'user', objectId: user.id, detail: { reason: 'disabled' } })
    throw problems.accountDisabled()
  }
  const sessionId = randomToken()
  const csrfToken = randomToken()
  await database.db.transaction(async (tx) => {
    await insertSession(database, {
      idHash: sha256(sessionId),
      userId: user.id,
      csrfToken,
      maxAgeSeconds: Math.floor(maxAgeMs / 1000),
      ip: from.ip ?? null,
      userAgent: from.userAgent ?? null,
    }, tx)
    await recordLoginSuccess(database, user.id, tx)
    await ticket.refund(tx)
    await recordAudit(database, actor, { action: 'auth.login', objectType: 'user', objectId: user.id }, tx)
  })
  return { user, sessionId, csrfToken }
}
