import { describe, expect, it } from 'vitest'
import { pointInMulti, type MultiPoly } from './geom.ts'
import { mulberry32 } from './prng.ts'
import { kmeansSeeds, samplePoints } from './seeds.ts'

const L: MultiPoly = [[[[0, 0], [0.02, 0], [0.02, 0.01], [0.01, 0.01], [0.01, 0.02], [0, 0.02]]]]

describe('seeds', () => {
  it('samples inside the polygon, deterministically, following the weight', () => {
    const a = samplePoints(L, 500, mulberry32(1))
    expect(a).toEqual(samplePoints(L, 500, mulberry32(1)))
    expect(a.every(([x, y]) => pointInMulti(x, y, L))).toBe(true)
    const near = samplePoints(L, 500, mulberry32(2), (x, y) => Math.exp(-Math.hypot(x, y) * 300))
    const mean = (ps: [number, number][]) => ps.reduce((s, p) => s + Math.hypot(p[0], p[1]), 0) / ps.length
    expect(mean(near)).toBeLessThan(mean(a))
  })

  it('clusters into k distinct seeds that are samples', () => {
    const pts = samplePoints(L, 1000, mulberry32(3))
    const seeds = kmeansSeeds(pts, 6, mulberry32(4))
    expect(seeds).toHaveLength(6)
    expect(new Set(seeds.map((p) => p.join(','))).size).toBe(6)
    for (const s of seeds) expect(pts).toContain(s)
    expect(kmeansSeeds(pts, 6, mulberry32(4))).toEqual(seeds)
    expect(() => kmeansSeeds(pts.slice(0, 3), 6, mulberry32(4))).toThrow()
  })
})
