/** The citizen's rating of an outcome (the callback's satisfaction, R10). */
export const RATINGS = ['satisfied', 'basically_satisfied', 'not_satisfied'] as const
export type Rating = (typeof RATINGS)[number]

export function isRating(v: unknown): v is Rating {
  return typeof v === 'string' && (RATINGS as readonly string[]).includes(v)
}

export type RatingDecision =
  | { ok: true; reopen: boolean }
  | { ok: false; code: 'not_closed' | 'already_rated' }

/**
 * Whether a rating may be given now and what it does: only a closed incident is rated, once per closing
 * (a reopened and closed-again incident is rated again); "not satisfied" reopens it — the workflow's
 * `reopen` (closed → registered), taken by the system on the citizen's behalf, back to the center.
 */
export function decideRating(state: string, rating: Rating, alreadyRatedThisRound: boolean): RatingDecision {
  if (state !== 'closed') return { ok: false, code: 'not_closed' }
  if (alreadyRatedThisRound) return { ok: false, code: 'already_rated' }
  return { ok: true, reopen: rating === 'not_satisfied' }
}
