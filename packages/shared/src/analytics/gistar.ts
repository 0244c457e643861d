import { errorFunction } from 'simple-statistics'

/**
 * Getis-Ord Gi* hot-spot statistic (Getis & Ord 1992, Ord & Getis 1995 — the statistic of ArcGIS "Hot Spot
 * Analysis"), with binary weights and the feature itself counted among its neighbours (the star):
 *
 *   Gi* = (Σj wij xj − X̄ Σj wij) / (S √((n Σj wij² − (Σj wij)²) / (n − 1)))
 *   X̄ = Σ xj / n,  S = √(Σ xj² / n − X̄²)
 *
 * Gi* is a z-score; the p-value is two-sided from the standard normal. Confidence classes as ArcGIS: |z| ≥ 2.576 →
 * 99 %, ≥ 1.960 → 95 %, ≥ 1.645 → 90 %; the sign says hot (+) or cold (−).
 */
export interface GiStar {
  z: number
  p: number
  /** +3/+2/+1 hot at 99/95/90 %, −3/−2/−1 cold, 0 not significant. */
  bin: -3 | -2 | -1 | 0 | 1 | 2 | 3
}

export const CONFIDENCE_Z = [
  { level: 99, z: 2.5758 },
  { level: 95, z: 1.96 },
  { level: 90, z: 1.6449 },
] as const

export function confidenceBin(z: number): GiStar['bin'] {
  const a = Math.abs(z)
  const m = a >= 2.5758 ? 3 : a >= 1.96 ? 2 : a >= 1.6449 ? 1 : 0
  return (z < 0 && m > 0 ? -m : m) as GiStar['bin']
}

/** Two-sided p-value of a z-score: 2(1 − Φ(|z|)), Φ from the error function (simple-statistics' table is too coarse). */
export function pValue(z: number): number {
  return Math.min(1, Math.max(0, 1 - errorFunction(Math.abs(z) / Math.SQRT2)))
}

/**
 * Gi* of every feature. `neighbours[i]` lists the indices j ≠ i within feature i's neighbourhood (contiguity or
 * a distance band, see neighbours.ts); i itself is added here. With fewer than 3 features, or all values equal,
 * every z is 0 (nothing stands out).
 */
export function getisOrdGiStar(values: readonly number[], neighbours: readonly (readonly number[])[]): GiStar[] {
  const n = values.length
  if (neighbours.length !== n) throw new RangeError(`neighbours has ${neighbours.length} lists for ${n} values`)
  const mean = values.reduce((a, b) => a + b, 0) / n
  const s = Math.sqrt(Math.max(0, values.reduce((a, b) => a + b * b, 0) / n - mean * mean))
  return values.map((_, i) => {
    if (n < 3 || !(s > 1e-12)) return { z: 0, p: 1, bin: 0 }
    const set = new Set(neighbours[i])
    set.add(i)
    let sumWx = 0
    for (const j of set) {
      if (j < 0 || j >= n) throw new RangeError(`neighbour index ${j} of feature ${i} is out of range`)
      sumWx += values[j]!
    }
    const w = set.size // binary weights: Σw = Σw² = |neighbourhood|
    const den = s * Math.sqrt((n * w - w * w) / (n - 1))
    const z = den > 0 ? (sumWx - mean * w) / den : 0
    return { z, p: pValue(z), bin: confidenceBin(z) }
  })
}
