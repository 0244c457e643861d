import { SIGN_IN_FAILURES_FORGOTTEN_MS, signInDelayed } from '@hanjiang/shared'
import { findUserByUsername, insertSession, recordLoginSuccess, type UserRecord } from '../../db/repositories/accounts.ts'
import { clearSignInFailures, findSignInFailures, recordSignInFailure } from '../../db/repositories/sign-in-failures.ts'
import type { Database } from '../../db/types.ts'
import { clientNetwork } from '../../http/addresses.ts'
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

/** Looked up for unknown names too, so both paths do the same work. */
const NO_USER = '00000000-0000-0000-0000-000000000000'

/**
 * Sign-in (auth contract). First the per-address throttle (429 before anything else is looked at; a success
 * gives its counted attempt back). The same 401 for an unknown name and a wrong password, and the same work (an
 * argon2 verify against a dummy hash) so timing does not tell them apart. No account is ever locked: failures
 * slow down the failing client network at that account only (packages/shared auth/lockout.ts), so an attacker
 * elsewhere cannot keep the real user out; an attempt inside that pause is answered exactly like a wrong
 * password (same status, body and work) without its password being checked. A disabled account is refused
 * only after the right password, so a guesser learns nothing. Every outcome is audited.
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
  const address = clientNetwork(from.ip ?? 'unknown')
  const past = await findSignInFailures(database, user?.id ?? NO_USER, address)
  if (!user) {
    await verifyPassword(await dummyHash(), password)
    await recordAudit(database, anonymous, { action: 'auth.login_failed', objectType: 'user', detail: { username: username.slice(0, 100), reason: 'unknown_user' } })
    throw problems.invalidCredentials()
  }
  const actor = actorOfUser(user, from)
  if (past && signInDelayed(past.failures, past.lastFailureAt, now)) {
    await verifyPassword(await dummyHash(), password)
    await recordAudit(database, actor, { action: 'auth.login_failed', objectType: 'user', objectId: user.id, detail: { reason: 'delayed', failures: past.failures } })
    throw problems.invalidCredentials()
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await database.db.transaction(async (tx) => {
      const failures = await recordSignInFailure(database, { userId: user.id, address, now, forgetMs: SIGN_IN_FAILURES_FORGOTTEN_MS }, tx)
      await recordAudit(database, actor, {
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: user.id,
        detail: { reason: 'wrong_password', failures },
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
    if (past) await clearSignInFailures(database, user.id, address, tx)
    await ticket.refund(tx)
    await recordAudit(database, actor, { action: 'auth.login', objectType: 'user', objectId: user.id }, tx)
  })
  return { user, sessionId, csrfToken }
}
