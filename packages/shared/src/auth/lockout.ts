/** Lock-out after repeated failed sign-ins: MAX_FAILURES in a row lock the account for LOCK_MINUTES. */
export const LOCKOUT_MAX_FAILURES = 5
export const LOCKOUT_MINUTES = 15

/** The state after one more failure: the new failure count (reset when a lock starts) and the lock end, if any. */
export function afterFailedLogin(failures: number, now: Date): { failures: number; lockedUntil: Date | null } {
  const n = failures + 1
  if (n >= LOCKOUT_MAX_FAILURES) return { failures: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }
  return { failures: n, lockedUntil: null }
}
