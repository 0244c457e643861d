import { describe, expect, it } from 'vitest'
import { bboxOf, multiArea, type MultiPoly } from './geom.ts'
import { latticeClearance, latticeSplit } from './lattice.ts'
import { ringEdgeKeys, reversedEdgeKeys } from './merge.ts'
import { polygonProblem } from './validity.ts'

describe('latticeSplit', () => {
  // a hexagon-ish blob spanning a few cells; 0.3 and 0.2 are a few ulps off the lattice lines 0.1·3 and 0.5 − 0.1·3
  const blob: MultiPoly = [[[[0.13, 0.05], [0.41, 0.11], [0.47, 0.33], [0.3, 0.46], [0.08, 0.38], [0.03, 0.2]]]]
  const l = { x0: 0, y0: 0.5, dx: 0.1, dy: 0.1 }

  it('cuts along the lattice, pieces staying inside their cells and tiling the polygon', () => {
    const pieces = latticeSplit(blob, l)
    expect(Math.abs(multiArea(pieces.map((p) => p.poly)) - multiArea(blob))).toBeLessThan(1e-15)
    for (const p of pieces) {
      expect(polygonProblem(p.poly)).toBeNull()
      const [w, s, e, n] = bboxOf([p.poly])
      expect(w).toBeGreaterThanOrEqual(l.x0 + p.col * l.dx - 1e-12)
      expect(e).toBeLessThanOrEqual(l.x0 + (p.col + 1) * l.dx + 1e-12)
      expect(n).toBeLessThanOrEqual(l.y0 - p.row * l.dy + 1e-12)
      expect(s).toBeGreaterThanOrEqual(l.y0 - (p.row + 1) * l.dy - 1e-12)
    }
    expect(new Set(pieces.map((p) => `${p.row},${p.col}`)).size).toBe(pieces.length)
  })

  it('gives neighbouring pieces identical shared edges', () => {
    const pieces = latticeSplit(blob, l)
    const owner = new Map<string, number>()
    pieces.forEach((p, i) => ringEdgeKeys(p.poly[0]!).forEach((k) => owner.set(k, i)))
    let shared = 0
    pieces.forEach((p, i) =>
      reversedEdgeKeys(p.poly[0]!).forEach((k) => {
        const o = owner.get(k)
        if (o !== undefined && o !== i) shared++
      }),
    )
    // every interior lattice segment is seen from both sides
    expect(shared).toBeGreaterThan(20)
    expect(shared % 2).toBe(0)
  })

  it('measures the clearance between vertices and lattice lines', () => {
    expect(latticeClearance([[[[0.1, 0.25], [0.2, 0.26], [0.15, 0.3]]]], l)).toBeCloseTo(0, 12)
    expect(latticeClearance([[[[0.13, 0.27], [0.17, 0.26], [0.15, 0.23]]]], l)).toBeCloseTo(0.03, 12)
  })
})
