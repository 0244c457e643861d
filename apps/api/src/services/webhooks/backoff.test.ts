import { describe, expect, it } from 'vitest'
import { MAX_ATTEMPTS, nextAttemptAt } from './backoff.ts'

const now = new Date('2026-11-26T00:00:00Z')
const after = (n: number) => (nextAttemptAt(n, now)!.getTime() - now.getTime()) / 1000

describe('nextAttemptAt', () => {
  it('backs off ×4 from 30 s, capped at 6 h', () => {
    expect([after(1), after(2), after(3), after(4)]).toEqual([30, 120, 480, 1920])
    expect(after(7)).toBe(6 * 3600)
  })
  it('gives up after the last attempt', () => {
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull()
  })
})
