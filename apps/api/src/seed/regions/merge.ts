/**
 * Merging small pieces into a neighbour that shares an edge with them, without a general polygon union: the two
 * rings share one contiguous chain of edges (same vertices, opposite directions), so the union is the two rings
 * spliced at the ends of that chain. Vertices are matched on a 1e-9° (≈0.1 mm) key so that crossing points computed
 * by different cuts still match.
 */
import { polyArea, type Poly, type Pt, type Ring } from './geom.ts'

export function ptKey(p: Pt): string {
  return `${Math.round(p[0] * 1e9)},${Math.round(p[1] * 1e9)}`
}

function edgeKey(a: Pt, b: Pt): string {
  return `${ptKey(a)}|${ptKey(b)}`
}

/** Directed edge keys of a ring (a→b). */
export function ringEdgeKeys(r: Ring): string[] {
  return r.map((p, i) => edgeKey(p, r[(i + 1) % r.length]!))
}

/** Reversed key of edge a→b, i.e. the key a neighbour would have for the same edge. */
export function reversedEdgeKeys(r: Ring): string[] {
  return r.map((p, i) => edgeKey(r[(i + 1) % r.length]!, p))
}

/**
 * Union of two polygons that share exactly one contiguous chain of edges (outer rings), or null when they do not
 * (no shared edge, several chains, or the result would touch itself).
 */
export function mergeAlongSharedEdges(a: Poly, b: Poly): Poly | null {
  const A = a[0]!
  const B = b[0]!
  const n = A.length
  const m = B.length
  const bIndex = new Map<string, number>()
  ringEdgeKeys(B).forEach((k, j) => bIndex.set(k, j))
  const shared = reversedEdgeKeys(A).map((k) => bIndex.get(k) ?? -1)
  const count = shared.filter((j) => j >= 0).length
  if (count === 0 || count >= n || count >= m) return null
  let start = -1
  let runs = 0
  for (let i = 0; i < n; i++) {
    if (shared[i]! >= 0 && shared[(i - 1 + n) % n]! < 0) {
      runs++
      start = i
    }
  }
  if (runs !== 1) return null
  const j0 = shared[start]!
  for (let t = 0; t < count; t++) {
    if (shared[(start + t) % n] !== (((j0 - t) % m) + m) % m) return null
  }
  // A from the end of the chain round to its start, then B's non-shared part
  const ring: Ring = []
  for (let t = 0; t <= n - count; t++) ring.push(A[(start + count + t) % n]!)
  for (let t = 2; t <= m - count; t++) ring.push(B[(j0 + t) % m]!)
  const keys = new Set(ring.map(ptKey))
  if (keys.size !== ring.length) return null
  const merged: Poly = [ring, ...a.slice(1), ...b.slice(1)]
  const expect = polyArea(a) + polyArea(b)
  if (Math.abs(polyArea(merged) - expect) > 1e-9 * Math.abs(expect) + 1e-18) return null
  return merged
}
