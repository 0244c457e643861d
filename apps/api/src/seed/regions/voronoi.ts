/**
 * Voronoi split of a (multi)polygon among seed points, by clipping it with the perpendicular bisectors (in local
 * metres, so cells are not stretched east–west). Cell i is the polygon ∩ {p : |p − seed_i| < |p − seed_j| ∀ j}.
 * The bisector of (i, j) seen from j is the exact negation of the one seen from i, so neighbouring cells share
 * bit-identical crossing points wherever the bisector cuts an original edge.
 */
import { clipMulti, type HalfPlane } from './clip.ts'
import type { MultiPoly, Pt } from './geom.ts'
import { dist2Deg, LNG_WEIGHT } from './projection.ts'

/** Half-plane of points strictly closer to p than to q. */
export function bisector(p: Pt, q: Pt): HalfPlane {
  return {
    nx: LNG_WEIGHT * (q[0] - p[0]),
    ny: q[1] - p[1],
    mx: (p[0] + q[0]) / 2,
    my: (p[1] + q[1]) / 2,
  }
}

/** One (possibly empty or multi-part) cell per seed, in seed order. Seeds must be distinct. */
export function voronoiSplit(mp: MultiPoly, seeds: Pt[]): MultiPoly[] {
  return seeds.map((p, i) => {
    const others = seeds
      .map((q, j) => ({ q, j, d: dist2Deg(p[0], p[1], q[0], q[1]) }))
      .filter((o) => o.j !== i)
      .sort((a, b) => a.d - b.d || a.j - b.j)
    let cell = mp
    for (const o of others) {
      cell = clipMulti(cell, bisector(p, o.q))
      if (cell.length === 0) break
    }
    return cell
  })
}
