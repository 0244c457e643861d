import type { Polygon, Position } from 'geojson'
import { samePosition, type Areal } from './geometry.ts'

/** One vertex edit of a polygon, found by comparing it before and after. */
export type VertexEdit =
  | { kind: 'move'; from: Position; to: Position }
  | { kind: 'insert'; at: Position; between: [Position, Position] }
  | { kind: 'delete'; at: Position }

function rings(g: Areal): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()
}

/** Open ring (without the closing repeat of the first vertex). */
const open = (r: Position[]) => (r.length > 1 && samePosition(r[0]!, r[r.length - 1]!) ? r.slice(0, -1) : r)

/**
 * The vertex edits that turn `before` into `after` (one drag, insert or delete at a time, as the editor makes
 * them): same vertex count → the moved ones; one more → the inserted one and its two neighbours; one fewer → the
 * deleted one.
 */
export function vertexEdits(before: Areal, after: Areal): VertexEdit[] {
  const out: VertexEdit[] = []
  const rb = rings(before)
  const ra = rings(after)
  for (let k = 0; k < Math.min(rb.length, ra.length); k++) {
    const b = open(rb[k]!)
    const a = open(ra[k]!)
    if (a.length === b.length) {
      a.forEach((p, i) => {
        if (!samePosition(p, b[i]!)) out.push({ kind: 'move', from: b[i]!, to: p })
      })
    } else if (a.length === b.length + 1) {
      const i = a.findIndex((p, j) => j >= b.length || !samePosition(p, b[j]!))
      out.push({ kind: 'insert', at: a[i]!, between: [a[(i - 1 + a.length) % a.length]!, a[(i + 1) % a.length]!] })
    } else if (a.length + 1 === b.length) {
      const i = b.findIndex((p, j) => j >= a.length || !samePosition(p, a[j]!))
      out.push({ kind: 'delete', at: b[i]! })
    }
  }
  return out
}

function mapRings(g: Areal, f: (ring: Position[]) => Position[]): Areal {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(f) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(f)) }
}

function closeRing(r: Position[]): Position[] {
  return [...r, r[0]!]
}

/** Applies one vertex edit to a neighbour's outline; null when the neighbour does not share that vertex or edge. */
export function applyVertexEdit(g: Areal, edit: VertexEdit): Areal | null {
  let touched = false
  const next = mapRings(g, (ring) => {
    const r = open(ring)
    if (edit.kind === 'move') {
      const moved = r.map((p) => (samePosition(p, edit.from) ? ((touched = true), edit.to) : p))
      return closeRing(moved)
    }
    if (edit.kind === 'delete') {
      const i = r.findIndex((p) => samePosition(p, edit.at))
      if (i < 0 || r.length <= 3) return ring
      touched = true
      return closeRing(r.filter((_, j) => j !== i))
    }
    const [p, q] = edit.between
    for (let i = 0; i < r.length; i++) {
      const a = r[i]!
      const b = r[(i + 1) % r.length]!
      if ((samePosition(a, p) && samePosition(b, q)) || (samePosition(a, q) && samePosition(b, p))) {
        touched = true
        return closeRing([...r.slice(0, i + 1), edit.at, ...r.slice(i + 1)])
      }
    }
    return ring
  })
  return touched ? next : null
}

/**
 * Topological editing (as QGIS has it): the vertex edits of one region carried over to its neighbours, so a shared
 * vertex moves in all of them and a shared edge stays shared. Returns the neighbours that changed.
 */
export function propagateVertexEdits<K>(edits: readonly VertexEdit[], neighbours: ReadonlyMap<K, Areal>): Map<K, Areal> {
  const changed = new Map<K, Areal>()
  for (const [key, g0] of neighbours) {
    let g = g0
    let any = false
    for (const e of edits) {
      const n = applyVertexEdit(g, e)
      if (n) {
        g = n
        any = true
      }
    }
    if (any) changed.set(key, g)
  }
  return changed
}

export type { Polygon }
