/**
 * Deterministic pseudo-random numbers for the demo-region generator. Never Math.random: the same inputs must give
 * byte-identical regions on every run and machine.
 */

/** FNV-1a 32-bit hash of a string (e.g. a 12-digit division code), used as a PRNG seed. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** mulberry32: a small, fast 32-bit generator; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A generator keyed by a string, e.g. `rngFor('350303001000', 'communities')`. */
export function rngFor(...keys: string[]): () => number {
  return mulberry32(hashString(keys.join('|')))
}
