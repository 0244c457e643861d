import { describe, expect, it } from 'vitest'
import { hashString, mulberry32, rngFor } from './prng.ts'

describe('prng', () => {
  it('hashes strings with FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5)
    expect(hashString('a')).toBe(0xe40c292c)
    expect(hashString('350303001000')).not.toBe(hashString('350303002000'))
  })

  it('mulberry32 is deterministic and uniform enough', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const xs = Array.from({ length: 10_000 }, () => a())
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()))
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThan(1)
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length
    expect(mean).toBeGreaterThan(0.48)
    expect(mean).toBeLessThan(0.52)
  })

  it('keys generators by strings', () => {
    expect(rngFor('x', 'y')()).toBe(rngFor('x', 'y')())
    expect(rngFor('x', 'y')()).not.toBe(rngFor('x', 'z')())
  })
})
