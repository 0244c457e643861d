import { describe, expect, it } from 'vitest'
import { confidenceBin, getisOrdGiStar, pValue } from './gistar.ts'
import { defaultDistanceBand, distanceBandNeighbours } from './neighbours.ts'

describe('Getis-Ord Gi*', () => {
  // Five features in a row (contiguity: i−1 and i+1), x = 5, 3, 1, 1, 0. By hand:
  //   n = 5, X̄ = 10/5 = 2, Σx² = 36, S = √(36/5 − 4) = √3.2 = 1.788854
  //   feature 0: {0,1}: Σwx = 8, Σw = Σw² = 2 → (8 − 4) / (S·√((10 − 4)/4)) = 4 / 2.190890 = 1.825742
  //   feature 2: {1,2,3}: Σwx = 5, Σw = 3 → (5 − 6) / (S·√((15 − 9)/4)) = −1 / 2.190890 = −0.456435
  //   feature 4: {3,4}: Σwx = 1 → (1 − 4) / 2.190890 = −1.369306
  //   feature 1: {0,1,2}: Σwx = 9 → (9 − 6) / 2.190890 = 1.369306
  //   feature 3: {2,3,4}: Σwx = 2 → (2 − 6) / 2.190890 = −1.825742
  const x = [5, 3, 1, 1, 0]
  const line = [[1], [0, 2], [1, 3], [2, 4], [3]]

  it('equals the hand-computed example', () => {
    const g = getisOrdGiStar(x, line)
    expect(g.map((r) => Number(r.z.toFixed(6)))).toEqual([1.825742, 1.369306, -0.456435, -1.825742, -1.369306])
    // z 1.8257 → 90 % hot (≥ 1.645, < 1.96); p two-sided = 0.0679
    expect(g[0]!.bin).toBe(1)
    expect(g[0]!.p).toBeCloseTo(0.0679, 3)
    expect(g[2]!.bin).toBe(0)
  })

  it('gives confidence classes at 90/95/99 % both ways', () => {
    expect([1.6, 1.7, 2.0, 2.6, -1.7, -2.0, -2.6].map(confidenceBin)).toEqual([0, 1, 2, 3, -1, -2, -3])
    expect(pValue(1.96)).toBeCloseTo(0.05, 3)
    expect(pValue(0)).toBe(1)
  })

  it('finds a cluster of high values and says nothing when all values are equal', () => {
    // A 5×5 lattice with a 2×2 block of high counts in a corner.
    const pts = Array.from({ length: 25 }, (_, i) => ({ lng: 119 + (i % 5) * 0.01, lat: 25.4 + Math.floor(i / 5) * 0.009 }))
    const band = defaultDistanceBand(pts)
    // The default band: every point's nearest neighbour is one lattice step away (~1.0 km), never the diagonal.
    expect(band).toBeGreaterThan(1000)
    expect(band).toBeLessThan(1010)
    const nb = distanceBandNeighbours(pts, 1100) // both lattice steps (1,000 and 1,004 m), not the diagonal (1,418 m)
    expect(nb[0]).toEqual([1, 5])
    const v = pts.map((_, i) => ([0, 1, 5, 6].includes(i) ? 20 : 1))
    const g = getisOrdGiStar(v, nb)
    expect(g[0]!.bin).toBe(3)
    expect(g[24]!.z).toBeLessThan(0)
    expect(getisOrdGiStar([2, 2, 2, 2], [[1], [0], [3], [2]]).every((r) => r.z === 0 && r.bin === 0)).toBe(true)
  })

  it('refuses mismatched neighbour lists', () => {
    expect(() => getisOrdGiStar([1, 2], [[1]])).toThrow(RangeError)
    expect(() => getisOrdGiStar([1, 2, 3], [[7], [], []])).toThrow(/out of range/)
  })
})
