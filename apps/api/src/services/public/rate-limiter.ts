import { createHash } from 'node:crypto'
import { deleteExpiredWindows, hitWindow } from '../../db/repositories/public.ts'
import type { Database } from '../../db/types.ts'
import { problem, type Problem } from '../../http/problem.ts'

/**
 * A small fixed-window rate limiter for the public endpoints: `limit` hits per `windowMs`
 * per subject (an IP, a phone number). The counters live in a store: in memory (one process, tests) or in
 * the database (`rate_limit_window`, one atomic upsert per hit), which holds for every API process at once.
 * Subjects are hashed before they are stored: the table never holds a phone number or an IP.
 */

export interface RateLimitRule {
  /** Stable name, part of the key (`report:ip`). */
  name: string
  limit: number
  windowMs: number
}

export interface CounterStore {
  /** Counts one hit in the window and returns the window's count including it. */
  hit(key: string, windowStart: Date, expiresAt: Date): Promise<number>
}

export interface RateDecision {
  allowed: boolean
  count: number
  limit: number
  /** Seconds until the window ends (what Retry-After says when refused). */
  retryAfterS: number
}

export function memoryStore(): CounterStore & { size(): number } {
  const counts = new Map<string, { n: number; expiresAt: number }>()
  return {
    async hit(key, windowStart, expiresAt) {
      const now = windowStart.getTime()
      for (const [k, v] of counts) if (v.expiresAt < now) counts.delete(k)
      const k = `${key}@${windowStart.toISOString()}`
      const e = counts.get(k) ?? { n: 0, expiresAt: expiresAt.getTime() }
      e.n++
      counts.set(k, e)
      return e.n
    },
    size: () => counts.size,
  }
}

/** Counters in PostgreSQL: shared by all API processes; expired windows are swept now and then. */
export function databaseStore(database: Database, sweepEvery = 500): CounterStore {
  let hits = 0
  return {
    async hit(key, windowStart, expiresAt) {
      if (++hits % sweepEvery === 0) void deleteExpiredWindows(database, windowStart).catch(() => {})
      return hitWindow(database, key, windowStart, expiresAt)
    },
  }
}

const hashSubject = (rule: string, subject: string) =>
  createHash('sha256').update(`hanjiang-rate:${rule}:${subject}`).digest('base64url').slice(0, 32)

export class RateLimiter {
  constructor(
    private readonly store: CounterStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async hit(rule: RateLimitRule, subject: string): Promise<RateDecision> {
    const t = this.now().getTime()
    const start = t - (t % rule.windowMs)
    const end = start + rule.windowMs
    const count = await this.store.hit(hashSubject(rule.name, subject), new Date(start), new Date(end))
    return { allowed: count <= rule.limit, count, limit: rule.limit, retryAfterS: Math.max(1, Math.ceil((end - t) / 1000)) }
  }

  /** Counts a hit on each rule and throws 429 (with Retry-After) when any is over its limit. */
  async enforce(checks: ReadonlyArray<[RateLimitRule, string | null | undefined]>): Promise<void> {
    for (const [rule, subject] of checks) {
      if (!subject) continue
      const d = await this.hit(rule, subject)
      if (!d.allowed) throw rateLimited(rule, d)
    }
  }
}

export function rateLimited(rule: RateLimitRule, d: RateDecision): Problem {
  const per = rule.name.split(':')[1] ?? 'client'
  return problem(
    'rate_limited',
    `Too many requests from this ${per === 'phone' ? 'phone number' : per === 'ip' ? 'address' : per}: at most ${rule.limit} per ${Math.round(rule.windowMs / 60_000)} minutes. Try again in ${d.retryAfterS} s.`,
    { limit: rule.limit, retryAfter: d.retryAfterS, rule: rule.name },
    { 'retry-after': String(d.retryAfterS) },
  )
}

/** The public endpoints' limits. */
export const PUBLIC_LIMITS = {
  reportPerIp: { name: 'report:ip', limit: 10, windowMs: 60 * 60_000 },
  reportPerPhone: { name: 'report:phone', limit: 5, windowMs: 24 * 60 * 60_000 },
  photoPerIp: { name: 'photo:ip', limit: 30, windowMs: 60 * 60_000 },
  trackPerIp: { name: 'track:ip', limit: 120, windowMs: 60_000 },
  ratePerIp: { name: 'rating:ip', limit: 20, windowMs: 60 * 60_000 },
  // Special-service bookings (docs/SERVICES.md §3): the same limits as reports, counted on their own.
  bookingPerIp: { name: 'booking:ip', limit: 10, windowMs: 60 * 60_000 },
  bookingPerPhone: { name: 'booking:phone', limit: 5, windowMs: 24 * 60 * 60_000 },
} as const satisfies Record<string, RateLimitRule>
