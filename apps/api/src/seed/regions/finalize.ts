/**
 * Output preparation for all levels at once: noding, then rounding to 7 decimals (≈1 cm).
 *
 * Rounding alone would break the exact tiling: a grid corner that lies in the middle of a community edge (a
 * "T-junction") would move off that edge while the community's edge stays put. So first every vertex of every
 * polygon that lies on another polygon's edge is inserted into that edge (noding); after that, shared boundaries
 * have identical vertex lists on both sides and rounding moves them identically. Rounding can still fold a feature
 * narrower than ~1 cm; `finalizeAll` checks validity afterwards and keeps the unrounded coordinates if anything broke.
 */
import { dedupeRing, ringArea, type MultiPoly, type Poly, type Pt, type Ring } from './geom.ts'
import { polygonProblem } from './validity.ts'

/** Distance (degrees, ≈0.1 mm) within which a vertex counts as lying on an edge. */
const NODE_TOL = 1e-9
/** Spatial hash cell, degrees (≈100 m). */
const H = 0.001

const cellKey = (ix: number, iy: number): number => ix * 1_000_000 + iy

class VertexIndex {
  private cells = new Map<number, Pt[]>()
  private seen = new Set<string>()

  add(p: Pt): void {
    const k = `${p[0]},${p[1]}`
    if (this.seen.has(k)) return
    this.seen.add(k)
    const key = cellKey(Math.floor(p[0] / H), Math.floor(p[1] / H))
    const list = this.cells.get(key)
    if (list) list.push(p)
    else this.cells.set(key, [p])
  }

  /** Vertices lying strictly inside segment a–b (within NODE_TOL), sorted from a to b. */
  onSegment(a: Pt, b: Pt): Pt[] {
    const dx = b[0] - a[0]
    const dy = b[1] - a[1]
    const l2 = dx * dx + dy * dy
    if (l2 === 0) return []
    const len = Math.sqrt(l2)
    const keys = new Set<number>()
    const steps = Math.max(1, Math.ceil(len / (H / 2)))
    for (let s = 0; s <= steps; s++) {
      const x = a[0] + (dx * s) / steps
      const y = a[1] + (dy * s) / steps
      const ix = Math.floor(x / H)
      const iy = Math.floor(y / H)
      for (let i = -1; i <= 1; i++) for (let j = -1; j <= 1; j++) keys.add(cellKey(ix + i, iy + j))
    }
    const found: { t: number; p: Pt }[] = []
    for (const key of keys) {
      const list = this.cells.get(key)
      if (!list) continue
      for (const p of list) {
        const px = p[0] - a[0]
        const py = p[1] - a[1]
        const t = (px * dx + py * dy) / l2
        if (t <= 0 || t >= 1) continue
        if (Math.abs(px * dy - py * dx) / len > NODE_TOL) continue
        if (Math.hypot(px, py) < NODE_TOL || Math.hypot(p[0] - b[0], p[1] - b[1]) < NODE_TOL) continue
        found.push({ t, p })
      }
    }
    found.sort((u, v) => u.t - v.t || u.p[0] - v.p[0] || u.p[1] - v.p[1])
    const out: Pt[] = []
    for (const f of found) {
      const q = out[out.length - 1]
      if (!q || Math.hypot(f.p[0] - q[0], f.p[1] - q[1]) >= NODE_TOL) out.push(f.p)
    }
    return out
  }
}

/** Inserts into every edge of every polygon the vertices of all polygons that lie on it. */
export function nodeAll(all: MultiPoly[]): MultiPoly[] {
  const index = new VertexIndex()
  for (const mp of all) for (const p of mp) for (const r of p) for (const v of r) index.add(v)
  return all.map((mp) =>
    mp.map((p) =>
      p.map((r) => {
        const out: Ring = []
        for (let i = 0; i < r.length; i++) {
          const a = r[i]!
          out.push(a)
          for (const v of index.onSegment(a, r[(i + 1) % r.length]!)) out.push(v)
        }
        return out
      }),
    ),
  )
}

export function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7
}

/** Removes spikes (a→b→a) and repeated points, cyclically. */
export function cleanRing(r: Ring): Ring {
  let cur = dedupeRing(r)
  for (let changed = true; changed && cur.length >= 3; ) {
    changed = false
    const out: Ring = []
    for (const p of cur) {
      const prev2 = out[out.length - 2]
      if (prev2 && prev2[0] === p[0] && prev2[1] === p[1]) {
        out.pop()
        changed = true
        continue
      }
      out.push(p)
    }
    // wrap-around spikes
    while (out.length >= 3) {
      const n = out.length
      if (out[n - 2]![0] === out[0]![0] && out[n - 2]![1] === out[0]![1]) {
        out.splice(n - 1, 1)
        out.splice(n - 2, 1)
        changed = true
      } else if (out[n - 1]![0] === out[1]![0] && out[n - 1]![1] === out[1]![1]) {
        out.splice(0, 1)
        changed = true
      } else break
    }
    cur = dedupeRing(out)
  }
  return cur
}

function roundMulti(mp: MultiPoly): MultiPoly {
  const out: MultiPoly = []
  for (const p of mp) {
    const rings: Poly = []
    for (let i = 0; i < p.length; i++) {
      const r = cleanRing(p[i]!.map((v) => [round7(v[0]), round7(v[1])] as Pt))
      if (r.length < 3 || ringArea(r) === 0) {
        if (i === 0) break
        continue
      }
      rings.push(r)
    }
    if (rings.length > 0) out.push(rings)
  }
  return out
}

export interface FinalizeResult {
  geometries: MultiPoly[]
  rounded: boolean
}

/** Nodes all geometries together and rounds them to 7 decimals if every polygon stays valid. */
export function finalizeAll(all: MultiPoly[]): FinalizeResult {
  const noded = nodeAll(all)
  const rounded = noded.map(roundMulti)
  for (let i = 0; i < rounded.length; i++) {
    const mp = rounded[i]!
    if (mp.length !== noded[i]!.length) return { geometries: noded, rounded: false }
    for (const p of mp) if (polygonProblem(p)) return { geometries: noded, rounded: false }
  }
  return { geometries: rounded, rounded: true }
}
