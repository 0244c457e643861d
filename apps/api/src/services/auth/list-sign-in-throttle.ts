import type { SignInThrottleList } from '@hanjiang/shared/contract'
import { formatShanghai } from '@hanjiang/shared'
import { listLiveThrottleWindows } from '../../db/repositories/sign-in-throttle.ts'
import type { Database } from '../../db/types.ts'
import type { ThrottleSettings } from './sign-in-throttle.ts'

/** At most this many addresses are listed (the table holds about the live windows; a spray would be one row). */
const LIST_LIMIT = 200

export interface ThrottledAddressView {
  /** The throttle's key: an IPv4 address or an IPv6 /64 (`2001:db8:aa:1::/64`). */
  address: string
  /** Failed sign-ins counted in the window (at most the configured maximum). */
  failures: number
  /** Refused until the window ends. */
  throttled: boolean
  windowStart: string
  windowEndsAt: string
}

/**
 * The client addresses the sign-in throttle holds now (administrators, to see a locked-out office): those
 * refused until their window ends and, with `includeFailing`, those with failures that are not refused yet.
 * Times ISO-8601 in Shanghai time.
 */
export async function listSignInThrottle(
  database: Database,
  settings: ThrottleSettings,
  opts: { includeFailing: boolean },
  now = new Date(),
): Promise<SignInThrottleList> {
  const rows = await listLiveThrottleWindows(database, {
    now,
    windowMs: settings.windowMs,
    minAttempts: opts.includeFailing ? 1 : settings.maxFailures,
    limit: LIST_LIMIT,
  })
  const items: ThrottledAddressView[] = rows.map((r) => ({
    address: r.address,
    failures: Math.min(r.attempts, settings.maxFailures),
    throttled: r.attempts >= settings.maxFailures,
    windowStart: formatShanghai(r.windowStart),
    windowEndsAt: formatShanghai(new Date(r.windowStart.getTime() + settings.windowMs)),
  }))
  return { maxFailures: settings.maxFailures, windowMinutes: settings.windowMs / 60_000, items }
}
