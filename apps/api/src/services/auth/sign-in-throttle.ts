import { countSignInAttempt, refundSignInAttempt } from '../../db/repositories/sign-in-throttle.ts'
import type { AppDb, Database } from '../../db/types.ts'
import { clientNetwork } from '../../http/addresses.ts'
import { PUBLIC_ACTOR, type Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { recordAudit } from '../audit/record.ts'

/**
 * The sign-in throttle per client address: the account lock-out stops guessing at ONE account, but a
 * client trying one or two passwords on each of many accounts never trips it. So failed sign-ins are also
 * counted per client network (an IPv4 address, an IPv6 /64); after `maxFailures` within `windowMs` of the
 * first, that network gets 429 until the window ends — before any user is looked up or password hashed, so
 * the refusal costs nothing and tells nothing. Counted in the database: every API process shares the count.
 */

export interface ThrottleSettings {
  maxFailures: number
  windowMs: number
}

/** An attempt that was let through; a successful sign-in gives it back so only failures stay counted. */
export interface ThrottleTicket {
  refund(tx?: AppDb): Promise<void>
}

export async function admitSignIn(
  database: Database,
  from: Pick<Actor, 'ip' | 'userAgent'>,
  settings: ThrottleSettings,
  now: Date,
): Promise<ThrottleTicket> {
  // No address only happens without a socket (in-process requests): they share one count rather than none.
  const address = clientNetwork(from.ip ?? 'unknown')
  // Counted up to max + 2: the attempt that reaches max + 1 is the first refused one (audited once per window).
  const w = await countSignInAttempt(database, { address, now, windowMs: settings.windowMs, cap: settings.maxFailures + 2 })
  if (w.attempts > settings.maxFailures) {
    const ends = w.windowStart.getTime() + settings.windowMs
    const retryAfterSeconds = Math.max(1, Math.ceil((ends - now.getTime()) / 1000))
    if (w.attempts === settings.maxFailures + 1) {
      // One row when a network trips the throttle, not one per refused attempt: a spray cannot flood the
      // append-only log.
      await recordAudit(database, { ...PUBLIC_ACTOR, ...from }, {
        action: 'auth.sign_in_throttled',
        objectType: 'client_network',
        objectId: address,
        detail: { failures: settings.maxFailures, windowMinutes: settings.windowMs / 60_000, retryAfterSeconds },
      })
    }
    throw problems.tooManySignInAttempts(retryAfterSeconds)
  }
  return { refund: (tx) => refundSignInAttempt(database, { address, windowStart: w.windowStart }, tx) }
}
