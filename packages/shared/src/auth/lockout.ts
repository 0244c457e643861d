/**
 * Progressive sign-in delay per (account, client network), instead of a lock of the whole account: failures
 * from one address slow down that address's next attempts at that account only, so nobody can lock a user out
 * from elsewhere. The first SIGN_IN_FREE_FAILURES cost nothing; then each failure doubles the pause (1 s, 2 s,
 * 4 s, …) up to SIGN_IN_DELAY_MAX_MS. An attempt inside the pause is not checked and answered like a wrong
 * password. The count is forgotten a day after the last failure, and by a successful sign-in from that network.
 */
export const SIGN_IN_FREE_FAILURES = 3
export const SIGN_IN_DELAY_MAX_MS = 15 * 60_000
export const SIGN_IN_FAILURES_FORGOTTEN_MS = 24 * 3_600_000

/** The pause after `failures` failures in a row from one network at one account. */
export function signInDelayMs(failures: number): number {
  if (failures <= SIGN_IN_FREE_FAILURES) return 0
  return Math.min(1000 * 2 ** (failures - SIGN_IN_FREE_FAILURES - 1), SIGN_IN_DELAY_MAX_MS)
}

/** Whether an attempt at `now` is still inside the pause after the last failure (those are not checked). */
export function signInDelayed(failures: number, lastFailureAt: Date | null, now: Date): boolean {
  if (!lastFailureAt || now.getTime() - lastFailureAt.getTime() >= SIGN_IN_FAILURES_FORGOTTEN_MS) return false
  return now.getTime() < lastFailureAt.getTime() + signInDelayMs(failures)
}
