import { describe, expect, it } from 'vitest'
import { memoryStore, RateLimiter } from './rate-limiter.ts'

const rule = { name: 'report:ip', limit: 3, windowMs: 60_000 }

describe('RateLimiter (memory store)', () => {
  it('allows `limit` hits per window and subject, then refuses with the time left', async () => {
    let now = new Date('2026-11-26T10:00:10Z')
    const rl = new RateLimiter(memoryStore(), () => now)
    for (let i = 1; i <= 3; i++) expect((await rl.hit(rule, '1.2.3.4')).allowed).toBe(true)
    const refused = await rl.hit(rule, '1.2.3.4')
    expect(refused).toMatchObject({ allowed: false, count: 4, limit: 3, retryAfterS: 50 })
    // another subject has its own count
    expect((await rl.hit(rule, '5.6.7.8')).allowed).toBe(true)
    // the next window starts afresh
    now = new Date('2026-11-26T10:01:00Z')
    expect((await rl.hit(rule, '1.2.3.4')).allowed).toBe(true)
  })
  it('enforce throws a 429 problem with Retry-After, skipping absent subjects', async () => {
    const rl = new RateLimiter(memoryStore(), () => new Date('2026-11-26T10:00:00Z'))
    const phone = { name: 'report:phone', limit: 1, windowMs: 3_600_000 }
    await rl.enforce([[rule, 'ip'], [phone, null]])
    await rl.enforce([[phone, '13800000000']])
    const err = await rl.enforce([[phone, '13800000000']]).catch((e) => e)
    expect(err.status).toBe(429)
    expect(err.code).toBe('rate_limited')
    expect(err.headers['retry-after']).toBe('3600')
    expect(err.message).toContain('phone number')
  })
  it('forgets expired windows', async () => {
    let now = new Date('2026-11-26T10:00:00Z')
    const store = memoryStore()
    const rl = new RateLimiter(store, () => now)
    await rl.hit(rule, 'a')
    await rl.hit(rule, 'b')
    now = new Date('2026-11-26T10:05:00Z')
    await rl.hit(rule, 'c')
    expect(store.size()).toBe(1)
  })
})
