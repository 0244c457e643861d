/** Retry schedule of failed deliveries: 30 s, 2 min, 8 min, … (×4), at most 6 h apart; give up after `maxAttempts`. */
export const MAX_ATTEMPTS = 8

export function nextAttemptAt(attemptsSoFar: number, now: Date, baseMs = 30_000, maxAttempts = MAX_ATTEMPTS): Date | null {
  if (attemptsSoFar >= maxAttempts) return null
  const delay = Math.min(baseMs * 4 ** (attemptsSoFar - 1), 6 * 3_600_000)
  return new Date(now.getTime() + delay)
}
