/**
 * Deterministic seed points for Voronoi splits: density-weighted random samples inside a polygon, clustered with
 * k-means (Lloyd's algorithm on the samples, i.e. a discrete centroidal Voronoi tessellation). Each cluster has about
 * the same number of samples, so where the density is higher the cells come out smaller.
 */
import { bboxOf, pointInMulti, type MultiPoly, type Pt } from './geom.ts'
import { dist2Deg } from './projection.ts'

/**
 * `count` points inside `mp`, drawn by rejection from its bounding box; `weight(x, y)` in [0, 1] thins them out
 * (accept with that probability). Throws if the polygon is too small to hit.
 */
export function samplePoints(mp: MultiPoly, count: number, rng: () => number, weight?: (x: number, y: number) => number): Pt[] {
  const [w, s, e, n] = bboxOf(mp)
  const out: Pt[] = []
  const maxTries = count * 2000
  for (let tries = 0; out.length < count; tries++) {
    if (tries > maxTries) throw new Error('samplePoints: polygon too small or weight too low')
    const x = w + (e - w) * rng()
    const y = s + (n - s) * rng()
    const keep = weight ? rng() < weight(x, y) : true
    if (keep && pointInMulti(x, y, mp)) out.push([x, y])
  }
  return out
}

function nearest(p: Pt, centres: Pt[]): number {
  let best = 0
  let bestD = Infinity
  for (let c = 0; c < centres.length; c++) {
    const d = dist2Deg(p[0], p[1], centres[c]![0], centres[c]![1])
    if (d < bestD) {
      bestD = d
      best = c
    }
  }
  return best
}

/**
 * k cluster seeds from the samples: k-means++ start, `iterations` Lloyd steps, then each centre snapped to the
 * sample of its cluster nearest to it, so every seed lies inside the sampled polygon and no two coincide.
 */
export function kmeansSeeds(samples: Pt[], k: number, rng: () => number, iterations = 15): Pt[] {
  if (k <= 0) return []
  if (samples.length < k) throw new Error(`kmeansSeeds: ${samples.length} samples for ${k} clusters`)
  const centres: Pt[] = [samples[Math.floor(rng() * samples.length)]!]
  const d2 = samples.map((p) => dist2Deg(p[0], p[1], centres[0]![0], centres[0]![1]))
  while (centres.length < k) {
    let total = 0
    for (const d of d2) total += d
    let r = rng() * total
    let pick = samples.length - 1
    for (let i = 0; i < samples.length; i++) {
      r -= d2[i]!
      if (r <= 0 && d2[i]! > 0) {
        pick = i
        break
      }
    }
    const c = samples[pick]!
    centres.push(c)
    for (let i = 0; i < samples.length; i++) {
      const d = dist2Deg(samples[i]![0], samples[i]![1], c[0], c[1])
      if (d < d2[i]!) d2[i] = d
    }
  }
  const assign = new Int32Array(samples.length)
  for (let it = 0; it < iterations; it++) {
    const sx = new Float64Array(k)
    const sy = new Float64Array(k)
    const cnt = new Int32Array(k)
    for (let i = 0; i < samples.length; i++) {
      const c = nearest(samples[i]!, centres)
      assign[i] = c
      sx[c]! += samples[i]![0]
      sy[c]! += samples[i]![1]
      cnt[c]!++
    }
    for (let c = 0; c < k; c++) if (cnt[c]! > 0) centres[c] = [sx[c]! / cnt[c]!, sy[c]! / cnt[c]!]
  }
  for (let i = 0; i < samples.length; i++) assign[i] = nearest(samples[i]!, centres)
  // snap to the nearest member sample (an empty cluster takes the nearest unused sample)
  const used = new Set<number>()
  return centres.map((c, ci) => {
    let best = -1
    let bestD = Infinity
    for (const members of [true, false]) {
      for (let i = 0; i < samples.length; i++) {
        if (used.has(i) || (members && assign[i] !== ci)) continue
        const d = dist2Deg(samples[i]![0], samples[i]![1], c[0], c[1])
        if (d < bestD) {
          bestD = d
          best = i
        }
      }
      if (best >= 0) break
    }
    used.add(best)
    return samples[best]!
  })
}
