/**
 * Cuts a (multi)polygon along an axis-aligned lattice: the pieces of every lattice cell it covers, with the cell's
 * row (counted southward from the lattice origin) and column (eastward). Each lattice line is computed once and
 * both of its sides are clipped against the same number, so neighbouring pieces share exact coordinates.
 */
import { splitMulti, vertical, horizontal } from './clip.ts'
import { bboxOf, type MultiPoly, type Poly } from './geom.ts'

export interface Lattice {
  /** west edge of column 0, degrees */
  x0: number
  /** north edge of row 0, degrees */
  y0: number
  /** cell width, degrees of longitude */
  dx: number
  /** cell height, degrees of latitude */
  dy: number
}

export interface LatticePiece {
  row: number
  col: number
  poly: Poly
}

export function latticeSplit(mp: MultiPoly, l: Lattice): LatticePiece[] {
  const [w, s, e, n] = bboxOf(mp)
  const c0 = Math.floor((w - l.x0) / l.dx)
  const c1 = Math.floor((e - l.x0) / l.dx)
  const r0 = Math.floor((l.y0 - n) / l.dy)
  const r1 = Math.floor((l.y0 - s) / l.dy)
  const out: LatticePiece[] = []
  let rest = mp
  for (let c = c0; c <= c1 && rest.length > 0; c++) {
    let column: MultiPoly
    if (c < c1) {
      const [left, right] = splitMulti(rest, vertical(l.x0 + (c + 1) * l.dx))
      column = left
      rest = right
    } else {
      column = rest
    }
    let colRest = column
    for (let r = r0; r <= r1 && colRest.length > 0; r++) {
      let cell: MultiPoly
      if (r < r1) {
        const [south, north] = splitMulti(colRest, horizontal(l.y0 - (r + 1) * l.dy))
        cell = north
        colRest = south
      } else {
        cell = colRest
      }
      for (const poly of cell) out.push({ row: r, col: c, poly })
    }
  }
  return out
}

/** Smallest distance (degrees) from any vertex to a lattice line — to steer clear of near-degenerate cuts. */
export function latticeClearance(mp: MultiPoly, l: Lattice): number {
  let best = Infinity
  for (const p of mp) {
    for (const r of p) {
      for (const [x, y] of r) {
        const fx = (x - l.x0) / l.dx
        const fy = (l.y0 - y) / l.dy
        const ddx = Math.abs(fx - Math.round(fx)) * l.dx
        const ddy = Math.abs(fy - Math.round(fy)) * l.dy
        best = Math.min(best, ddx, ddy)
      }
    }
  }
  return best
}
