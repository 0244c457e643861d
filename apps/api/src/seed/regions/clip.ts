/**
 * Exact-as-floating-point half-plane clipping of polygons with holes, producing every connected piece as its own
 * polygon (unlike Sutherland–Hodgman, which joins pieces with zero-width bridges).
 *
 * Why not turf.intersect: polyclip-ts is robust but costs milliseconds per call, and the grids need thousands of
 * cuts. Cutting by straight lines is all the generator needs (lattice lines, Voronoi bisectors), and it has a
 * property the tiling relies on: the two sides of one cut see bit-identical crossing points, because the side
 * function of the opposite half-plane is the exact negation of this one (IEEE negation is exact) and the crossing
 * parameter s_a / (s_a − s_b) is then the same number.
 *
 * A vertex on the line counts as outside on BOTH sides; it still appears in both results as a crossing point.
 * "On the line" means within SNAP degrees (≈1 µm): cutting a hair's breadth from a vertex would otherwise leave
 * crossing points a few ulps from it, i.e. invisible slivers and near-duplicate points.
 */
import { dedupeRing, pointInRing, ringArea, type MultiPoly, type Poly, type Pt, type Ring } from './geom.ts'

/**
 * The half-plane s(p) < 0 where s(p) = nx·(px − mx) + ny·(py − my). `axis` marks lines x = mx or y = my, whose
 * crossing points then get that coordinate exactly.
 */
export interface HalfPlane {
  nx: number
  ny: number
  mx: number
  my: number
  axis?: 'x' | 'y'
}

/** The complementary half-plane (same line, other side). */
export function opposite(h: HalfPlane): HalfPlane {
  return { nx: -h.nx, ny: -h.ny, mx: h.mx, my: h.my, ...(h.axis ? { axis: h.axis } : {}) }
}

/** x < v (or x > v when `keepGreater`). */
export function vertical(v: number, keepGreater = false): HalfPlane {
  return { nx: keepGreater ? -1 : 1, ny: 0, mx: v, my: 0, axis: 'x' }
}

/** y < v (or y > v when `keepGreater`). */
export function horizontal(v: number, keepGreater = false): HalfPlane {
  return { nx: 0, ny: keepGreater ? -1 : 1, mx: 0, my: v, axis: 'y' }
}

interface Crossing {
  p: Pt
  /** position along the line, in the direction that keeps the kept side on the left */
  tau: number
  /** tie-break for crossings at the same vertex (symbolic perturbation of a vertex on the line) */
  tie: number
  entry: boolean
  chain: Chain
}

interface Chain {
  pts: Pt[]
  entry?: Crossing
  exit?: Crossing
  used: boolean
}

/** Distance (degrees) under which a vertex counts as lying on the cut line. */
const SNAP = 1e-11

function side(h: HalfPlane, p: Pt): number {
  if (h.axis === 'x') return h.nx * (p[0] - h.mx)
  if (h.axis === 'y') return h.ny * (p[1] - h.my)
  return h.nx * (p[0] - h.mx) + h.ny * (p[1] - h.my)
}

function crossPoint(h: HalfPlane, a: Pt, b: Pt, sa: number, sb: number): Pt {
  if (sb === 0) return b
  if (sa === 0) return a
  const t = sa / (sa - sb)
  if (h.axis === 'x') return [h.mx, a[1] + t * (b[1] - a[1])]
  if (h.axis === 'y') return [a[0] + t * (b[0] - a[0]), h.my]
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]
}

/** Clips one polygon (outer CCW + CW holes) to the half-plane; returns its pieces. */
export function clipPolygon(poly: Poly, h: HalfPlane): MultiPoly {
  const dx = -h.ny
  const dy = h.nx
  const tau = (p: Pt): number => dx * (p[0] - h.mx) + dy * (p[1] - h.my)
  const snap = SNAP * Math.hypot(h.nx, h.ny)
  const wholeOuters: Ring[] = []
  const wholeHoles: Ring[] = []
  const chains: Chain[] = []
  const crossings: Crossing[] = []
  let anyOut = false

  for (let ri = 0; ri < poly.length; ri++) {
    const ring = poly[ri]!
    const n = ring.length
    const s = ring.map((p) => {
      const v = side(h, p)
      return Math.abs(v) < snap ? 0 : v
    })
    let firstOut = -1
    for (let i = 0; i < n; i++) {
      if (!(s[i]! < 0)) {
        firstOut = i
        break
      }
    }
    if (firstOut < 0) {
      if (ri === 0) wholeOuters.push(ring)
      else wholeHoles.push(ring)
      continue
    }
    anyOut = true
    let cur: Chain | undefined
    for (let k = 0; k < n; k++) {
      const i = (firstOut + k) % n
      const j = (i + 1) % n
      const a = ring[i]!
      const b = ring[j]!
      const sa = s[i]!
      const sb = s[j]!
      const ina = sa < 0
      const inb = sb < 0
      if (!ina && inb) {
        const p = crossPoint(h, a, b, sa, sb)
        cur = { pts: [p], used: false }
        const c: Crossing = { p, tau: tau(p), tie: sa === 0 ? (dx * (b[0] - a[0]) + dy * (b[1] - a[1])) / -sb : 0, entry: true, chain: cur }
        cur.entry = c
        crossings.push(c)
        chains.push(cur)
      } else if (ina && !inb) {
        const p = crossPoint(h, a, b, sa, sb)
        cur!.pts.push(p)
        const c: Crossing = { p, tau: tau(p), tie: sb === 0 ? (dx * (a[0] - b[0]) + dy * (a[1] - b[1])) / -sa : 0, entry: false, chain: cur! }
        cur!.exit = c
        crossings.push(c)
        cur = undefined
      }
      if (inb && cur) cur.pts.push(b)
    }
  }

  if (!anyOut) return [poly]
  const out: MultiPoly = []
  const holes: Ring[] = [...wholeHoles]
  for (const r of wholeOuters) out.push([r])

  if (crossings.length > 0) {
    crossings.sort((a, b) => a.tau - b.tau || a.tie - b.tie)
    const link = new Map<Crossing, Crossing>()
    for (let i = 0; i < crossings.length; i += 2) {
      const x = crossings[i]!
      const e = crossings[i + 1]
      if (x.entry || !e || !e.entry) throw new Error('clipPolygon: degenerate crossing order (vertex on the cut line?)')
      link.set(x, e)
    }
    for (const c0 of chains) {
      if (c0.used) continue
      const ring: Ring = []
      let c: Chain = c0
      for (let guard = 0; !c.used; guard++) {
        if (guard > chains.length) throw new Error('clipPolygon: broken chain loop')
        c.used = true
        for (const p of c.pts) ring.push(p)
        c = link.get(c.exit!)!.chain
      }
      if (c !== c0) throw new Error('clipPolygon: chain loop does not close')
      const r = dedupeRing(ring)
      if (r.length < 3) continue
      const a = ringArea(r)
      if (a > 0) out.push([r])
      else if (a < 0) holes.push(r)
    }
  }

  // Holes go into the smallest piece containing them.
  for (const hole of holes) {
    let best: Poly | undefined
    let bestA = Infinity
    const probe = holeProbe(hole)
    for (const p of out) {
      if (pointInRing(probe[0], probe[1], p[0]!)) {
        const a = ringArea(p[0]!)
        if (a < bestA) {
          bestA = a
          best = p
        }
      }
    }
    if (best) best.push(hole)
  }
  return out
}

/** A point strictly inside the hole's ring area (midpoint of an edge nudged inward), for containment tests. */
function holeProbe(hole: Ring): Pt {
  const a = hole[0]!
  const b = hole[1]!
  const mx = (a[0] + b[0]) / 2
  const my = (a[1] + b[1]) / 2
  // hole rings are CW: the hole's inside is on the right of a→b
  const ex = b[0] - a[0]
  const ey = b[1] - a[1]
  return [mx + ey * 1e-6, my - ex * 1e-6]
}

/** Clips every polygon of a multipolygon to the half-plane. */
export function clipMulti(mp: MultiPoly, h: HalfPlane): MultiPoly {
  const out: MultiPoly = []
  for (const p of mp) for (const q of clipPolygon(p, h)) out.push(q)
  return out
}

/** Both sides of a line: [s < 0, s > 0]. */
export function splitMulti(mp: MultiPoly, h: HalfPlane): [MultiPoly, MultiPoly] {
  return [clipMulti(mp, h), clipMulti(mp, opposite(h))]
}
