import { isIP, isIPv6 } from 'node:net'
import { deleteThrottleWindow } from '../../db/repositories/sign-in-throttle.ts'
import type { Database } from '../../db/types.ts'
import { clientNetwork } from '../../http/addresses.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { recordAudit } from '../audit/record.ts'
import type { ThrottleSettings } from './sign-in-throttle.ts'

/**
 * The throttle key for an address an administrator typed or picked from the list: an IPv4 address, an IPv6
 * address or its /64 (`2001:db8:aa:1::/64`), written the way the throttle writes it; null when it is none.
 */
export function throttleKeyOf(input: string): string | null {
  const s = input.trim()
  if (s.length === 0 || s.length > 64) return null
  const base = s.endsWith('/64') ? s.slice(0, -3) : s
  if (base !== s ? !isIPv6(base) : !isIP(base)) return null
  return clientNetwork(base)
}

/**
 * Clears the sign-in throttle for one client address (an office behind one NAT locked out by someone's
 * failures): its window is deleted, so sign-ins from it are checked again at once, with an audit row in the
 * same transaction. 400 when `address` is not an address; 404 when the address has no live window.
 */
export async function clearSignInThrottle(
  database: Database,
  actor: Actor,
  input: string,
  settings: ThrottleSettings,
  now = new Date(),
): Promise<void> {
  const address = throttleKeyOf(input)
  if (!address) {
    throw problems.badRequest('invalid_address', `"${input.slice(0, 100)}" is not an IPv4 address, an IPv6 address or an IPv6 /64`)
  }
  await database.db.transaction(async (tx) => {
    const w = await deleteThrottleWindow(database, address, tx)
    // A window that ended (or holds no attempt) limits nobody: nothing to clear; the rollback keeps it for pruning.
    if (!w || w.attempts <= 0 || w.windowStart.getTime() + settings.windowMs <= now.getTime()) {
      throw problems.notFound('sign_in_throttle', `No sign-in limit on ${address}`)
    }
    await recordAudit(
      database,
      actor,
      {
        action: 'auth.sign_in_throttle_cleared',
        objectType: 'client_network',
        objectId: address,
        detail: {
          failures: Math.min(w.attempts, settings.maxFailures),
          throttled: w.attempts >= settings.maxFailures,
          windowStart: w.windowStart.toISOString(),
        },
      },
      tx,
    )
  })
}
