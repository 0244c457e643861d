/**
 * OGC-style validity checks for the generated polygons (used by the tests; cheap enough to run on everything).
 * turf.kinks is not used because it reports false crossings between collinear, disjoint segments — which the
 * generator produces on purpose (a piece's boundary running along a cut line in several stretches).
 */
import { pointInRing, ringArea, type MultiPoly, type Poly, type Pt, type Ring } from './geom.ts'

interface Seg {
  a: Pt
  b: Pt
  ring: number
  i: number
  n: number
  minx: number
  maxx: number
}

/** Distance tolerance in degrees (~0.1 mm): closer than this counts as touching. */
const TOL = 1e-9

function orient(a: Pt, b: Pt, c: Pt): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

function distToSeg(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const l2 = dx * dx + dy * dy
  let t = l2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2 : 0
  t = Math.max(0, Math.min(1, t))
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)
}

/** Do two segments cross or touch (beyond sharing an endpoint that both segments legitimately share)? */
function segmentsConflict(s: Seg, t: Seg): boolean {
  const sharedA = (p: Pt, q: Pt) => p[0] === q[0] && p[1] === q[1]
  const adjacent =
    s.ring === t.ring && ((s.i + 1) % s.n === t.i || (t.i + 1) % t.n === s.i)
  // proper crossing
  const o1 = orient(s.a, s.b, t.a)
  const o2 = orient(s.a, s.b, t.b)
  const o3 = orient(t.a, t.b, s.a)
  const o4 = orient(t.a, t.b, s.b)
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
    // a crossing right at a shared endpoint of adjacent segments is numerical noise
    if (!adjacent) return true
  }
  // touching: an endpoint of one lies on the other
  for (const [p, seg] of [
    [t.a, s],
    [t.b, s],
    [s.a, t],
    [s.b, t],
  ] as const) {
    if (distToSeg(p, seg.a, seg.b) < TOL) {
      if (adjacent) {
        // adjacent segments share one endpoint; only a fold-back (spike) conflicts
        const shared = sharedA(p, seg.a) || sharedA(p, seg.b)
        if (shared) continue
        return true
      }
      return true
    }
  }
  return false
}

/** Returns a description of the first problem found in the polygon, or null when it is valid. */
export function polygonProblem(p: Poly): string | null {
  if (p.length === 0) return 'empty polygon'
  const segs: Seg[] = []
  for (let ri = 0; ri < p.length; ri++) {
    const r = p[ri]!
    if (r.length < 3) return `ring ${ri} has ${r.length} points`
    const a = ringArea(r)
    if (ri === 0 && !(a > 0)) return 'outer ring not counter-clockwise'
    if (ri > 0 && !(a < 0)) return `hole ${ri} not clockwise`
    for (let i = 0; i < r.length; i++) {
      const A = r[i]!
      const B = r[(i + 1) % r.length]!
      if (A[0] === B[0] && A[1] === B[1]) return `ring ${ri} repeats point ${i}`
      if (!Number.isFinite(A[0]) || !Number.isFinite(A[1])) return 'non-finite coordinate'
      segs.push({ a: A, b: B, ring: ri, i, n: r.length, minx: Math.min(A[0], B[0]), maxx: Math.max(A[0], B[0]) })
    }
  }
  segs.sort((s, t) => s.minx - t.minx)
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!
    for (let j = i + 1; j < segs.length && segs[j]!.minx <= s.maxx + TOL; j++) {
      const t = segs[j]!
      const sy0 = Math.min(s.a[1], s.b[1])
      const sy1 = Math.max(s.a[1], s.b[1])
      const ty0 = Math.min(t.a[1], t.b[1])
      const ty1 = Math.max(t.a[1], t.b[1])
      if (ty0 > sy1 + TOL || sy0 > ty1 + TOL) continue
      if (segmentsConflict(s, t)) return `rings ${s.ring}/${t.ring} self-intersect near ${s.a[0]},${s.a[1]}`
    }
  }
  for (let ri = 1; ri < p.length; ri++) {
    const v = p[ri]![0]!
    if (!pointInRing(v[0], v[1], p[0]!)) return `hole ${ri} outside the outer ring`
  }
  return null
}

/** Validity of a multipolygon: every polygon valid, and no two polygons overlapping or sharing an edge. */
export function multiProblem(mp: MultiPoly): string | null {
  for (let i = 0; i < mp.length; i++) {
    const e = polygonProblem(mp[i]!)
    if (e) return `polygon ${i}: ${e}`
  }
  if (mp.length > 1) {
    // cheap interior test: a vertex strictly inside another polygon's outer ring
    for (let i = 0; i < mp.length; i++) {
      for (let j = 0; j < mp.length; j++) {
        if (i === j) continue
        const probe = interiorProbe(mp[i]![0]!)
        if (pointInRing(probe[0], probe[1], mp[j]![0]!) && !mp[j]!.slice(1).some((h) => pointInRing(probe[0], probe[1], h))) {
          return `polygons ${i} and ${j} overlap`
        }
      }
    }
    const segs = polygonSegmentsConflict(mp)
    if (segs) return segs
  }
  return null
}

function polygonSegmentsConflict(mp: MultiPoly): string | null {
  const segs: (Seg & { poly: number })[] = []
  let ringId = 0
  for (let pi = 0; pi < mp.length; pi++) {
    for (const r of mp[pi]!) {
      for (let i = 0; i < r.length; i++) {
        const A = r[i]!
        const B = r[(i + 1) % r.length]!
        segs.push({ a: A, b: B, ring: ringId, i, n: r.length, poly: pi, minx: Math.min(A[0], B[0]), maxx: Math.max(A[0], B[0]) })
      }
      ringId++
    }
  }
  segs.sort((s, t) => s.minx - t.minx)
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!
    for (let j = i + 1; j < segs.length && segs[j]!.minx <= s.maxx + TOL; j++) {
      const t = segs[j]!
      if (t.poly === s.poly) continue
      // touching at single points is allowed between parts; crossings and shared edges are not
      const o1 = orient(s.a, s.b, t.a)
      const o2 = orient(s.a, s.b, t.b)
      const o3 = orient(t.a, t.b, s.a)
      const o4 = orient(t.a, t.b, s.b)
      if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
        return `polygons ${s.poly} and ${t.poly} cross near ${s.a[0]},${s.a[1]}`
      }
      const len = Math.hypot(t.b[0] - t.a[0], t.b[1] - t.a[1])
      if (distToSeg(t.a, s.a, s.b) < TOL && distToSeg(t.b, s.a, s.b) < TOL && len > TOL) {
        return `polygons ${s.poly} and ${t.poly} share an edge near ${t.a[0]},${t.a[1]}`
      }
    }
  }
  return null
}

/** A point just inside a CCW ring: the midpoint of its longest edge nudged to the left. */
export function interiorProbe(r: Ring): Pt {
  let best = 0
  let bestL = -1
  for (let i = 0; i < r.length; i++) {
    const a = r[i]!
    const b = r[(i + 1) % r.length]!
    const l = Math.hypot(b[0] - a[0], b[1] - a[1])
    if (l > bestL) {
      bestL = l
      best = i
    }
  }
  const a = r[best]!
  const b = r[(best + 1) % r.length]!
  const ex = b[0] - a[0]
  const ey = b[1] - a[1]
  const k = 1e-4
  return [(a[0] + b[0]) / 2 - ey * k, (a[1] + b[1]) / 2 + ex * k]
}
