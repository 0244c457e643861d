import { Problem } from '../../http/problem.ts'
import type { RateLimiter } from '../public/rate-limiter.ts'

/**
 * Each key's own per-minute limit (set by the administrator), counted in the shared fixed-window store, so
 * every API process counts the same window. Over it: 429 with Retry-After (seconds to the window's end).
 */
export async function enforceKeyRate(limiter: RateLimiter, key: { id: string; name: string; rateLimitPerMinute: number }): Promise<void> {
  const d = await limiter.hit({ name: `apikey:${key.id}`, limit: key.rateLimitPerMinute, windowMs: 60_000 }, key.id)
  if (d.allowed) return
  throw new Problem(
    429,
    'rate_limited',
    'Too many requests',
    `The API key "${key.name}" may make at most ${key.rateLimitPerMinute} requests per minute. Try again in ${d.retryAfterS} s.`,
    { limit: key.rateLimitPerMinute, retryAfter: d.retryAfterS },
    { 'retry-after': String(d.retryAfterS) },
  )
}
