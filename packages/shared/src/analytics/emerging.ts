import type { GiStar } from './gistar.ts'

/**
 * Emerging hot spots: a feature's Gi* in the current period against the same-length periods before it (oldest
 * first). Hot = z positive at 90 % confidence or more.
 * - new: hot now, hot in none of the previous periods;
 * - persistent: hot now and in every previous period;
 * - sporadic: hot now and in some (not all) previous periods;
 * - diminishing: not hot now, hot in the period just before;
 * - null: none of these.
 */
export type EmergingClass = 'new' | 'persistent' | 'sporadic' | 'diminishing' | null

export function emergingClass(current: GiStar, previous: readonly GiStar[]): EmergingClass {
  const hot = (g: GiStar) => g.bin > 0
  const before = previous.filter(hot).length
  if (hot(current)) {
    if (!previous.length || before === 0) return 'new'
    return before === previous.length ? 'persistent' : 'sporadic'
  }
  const last = previous[previous.length - 1]
  return last && hot(last) ? 'diminishing' : null
}
