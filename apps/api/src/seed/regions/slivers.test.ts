import { describe, expect, it } from 'vitest'
import { multiArea, type Pt } from './geom.ts'
import { latticeSplit } from './lattice.ts'
import { mergeSmallPieces } from './slivers.ts'
import { polygonProblem } from './validity.ts'

describe('mergeSmallPieces', () => {
  it('folds lattice slivers into the neighbouring cell and conserves area', () => {
    // a square slightly larger than 3×3 cells: thin slivers along the east and north edges
    const sq: Pt[] = [
      [0, 0],
      [3.02, 0],
      [3.02, 3.03],
      [0, 3.03],
    ]
    const pieces = latticeSplit([[sq]], { x0: 0, y0: 4, dx: 1, dy: 1 })
    // rows counted south from y0 = 4: row 0 is [3, 4]
    const cells = pieces.map((p) => ({ cell: p.row * 100 + p.col, poly: p.poly }))
    expect(cells).toHaveLength(16)
    const out = mergeSmallPieces(cells, (p) => multiArea([p.poly]) < 0.05)
    expect(out).toHaveLength(9)
    expect(multiArea(out.map((p) => p.poly))).toBeCloseTo(3.02 * 3.03, 10)
    for (const p of out) expect(polygonProblem(p.poly)).toBeNull()
  })

  it('keeps islands that touch nothing', () => {
    const a: Pt[] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ]
    const island: Pt[] = [
      [5, 5],
      [5.01, 5],
      [5.01, 5.01],
    ]
    const out = mergeSmallPieces(
      [
        { cell: 0, poly: [a] },
        { cell: 1, poly: [island] },
      ],
      (p) => multiArea([p.poly]) < 0.01,
    )
    expect(out).toHaveLength(2)
  })
})
