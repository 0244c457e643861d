/**
 * Folding small pieces into neighbours: after a polygon is cut into cells, pieces that are too small (slivers along
 * the boundary, stray fragments of a Voronoi cell) join the neighbouring piece of another cell with which they share
 * the longest boundary. A piece with no usable neighbour (an island) stays where it is.
 */
import { multiArea, type Poly } from './geom.ts'
import { mergeAlongSharedEdges, reversedEdgeKeys, ringEdgeKeys } from './merge.ts'

export interface Piece {
  /** the cell (grid, community …) this piece belongs to */
  cell: number
  poly: Poly
}

/**
 * Merges every piece for which `isSmall` holds into the best neighbouring piece of a different cell, smallest first.
 * Returns the surviving pieces in their original order.
 */
export function mergeSmallPieces(input: Piece[], isSmall: (p: Piece, index: number) => boolean): Piece[] {
  const pieces = input.map((p) => ({ ...p, alive: true }))
  const small = pieces.map((p, i) => isSmall(p, i))
  const edgeOwner = new Map<string, number>()
  const addEdges = (i: number) => {
    for (const k of ringEdgeKeys(pieces[i]!.poly[0]!)) edgeOwner.set(k, i)
  }
  const removeEdges = (i: number) => {
    for (const k of ringEdgeKeys(pieces[i]!.poly[0]!)) if (edgeOwner.get(k) === i) edgeOwner.delete(k)
  }
  pieces.forEach((_, i) => addEdges(i))
  const area = pieces.map((p) => multiArea([p.poly]))
  const order = pieces
    .map((_, i) => i)
    .filter((i) => small[i])
    .sort((a, b) => area[a]! - area[b]! || a - b)

  for (const s of order) {
    const sp = pieces[s]!
    const ring = sp.poly[0]!
    const shared = new Map<number, number>()
    reversedEdgeKeys(ring).forEach((k, e) => {
      const t = edgeOwner.get(k)
      if (t === undefined || t === s) return
      const a = ring[e]!
      const b = ring[(e + 1) % ring.length]!
      shared.set(t, (shared.get(t) ?? 0) + Math.hypot(b[0] - a[0], b[1] - a[1]))
    })
    const candidates = [...shared.entries()]
      .filter(([t]) => pieces[t]!.cell !== sp.cell)
      .sort((x, y) => Number(small[x[0]]) - Number(small[y[0]]) || y[1] - x[1] || x[0] - y[0])
    for (const [t] of candidates) {
      const tp = pieces[t]!
      // the merged piece must not share an edge with another piece of the same cell
      const clash = [...shared.keys()].some((o) => o !== t && pieces[o]!.cell === tp.cell)
      if (clash) continue
      const merged = mergeAlongSharedEdges(tp.poly, sp.poly)
      if (!merged) continue
      removeEdges(t)
      removeEdges(s)
      tp.poly = merged
      addEdges(t)
      sp.alive = false
      area[t] = area[t]! + area[s]!
      small[t] = small[t]! && isSmall(tp, t)
      break
    }
  }
  return pieces.filter((p) => p.alive).map(({ cell, poly }) => ({ cell, poly }))
}
