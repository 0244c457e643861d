import { describe, expect, it } from 'vitest'
import type { Pt } from './geom.ts'
import { multiProblem, polygonProblem } from './validity.ts'

const sq = (w: number, s: number, e: number, n: number): Pt[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
]

describe('validity', () => {
  it('accepts simple polygons, collinear runs and holes', () => {
    expect(polygonProblem([sq(0, 0, 1, 1)])).toBeNull()
    expect(polygonProblem([[[0, 0], [0.5, 0], [1, 0], [1, 1], [0, 1]]])).toBeNull()
    // two collinear, disjoint stretches on y = 0 with a notch between them
    expect(polygonProblem([[[0, 0], [1, 0], [1.5, 1], [2, 0], [3, 0], [3, 3], [0, 3]]])).toBeNull()
    expect(polygonProblem([sq(0, 0, 3, 3), sq(1, 1, 2, 2).reverse()])).toBeNull()
  })

  it('rejects bow-ties, spikes, self-touching rings, wrong winding', () => {
    expect(polygonProblem([[[0, 0], [1, 1], [1, 0], [0, 1]]])).toMatch(/intersect|clockwise/)
    expect(polygonProblem([[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [1, 1], [0, 1]]])).not.toBeNull()
    expect(polygonProblem([[[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1]]])).not.toBeNull()
    expect(polygonProblem([sq(0, 0, 1, 1).reverse()])).toMatch(/counter-clockwise/)
    expect(polygonProblem([sq(0, 0, 3, 3), sq(1, 1, 2, 2)])).toMatch(/clockwise/)
    expect(polygonProblem([sq(0, 0, 3, 3), sq(4, 4, 5, 5).reverse()])).toMatch(/outside/)
  })

  it('checks the parts of a multipolygon against each other', () => {
    expect(multiProblem([[sq(0, 0, 1, 1)], [sq(1, 1, 2, 2)]])).toBeNull() // touching at a point
    expect(multiProblem([[sq(0, 0, 1, 1)], [sq(1, 0, 2, 1)]])).toMatch(/share an edge/)
    expect(multiProblem([[sq(0, 0, 2, 2)], [sq(1, 1, 3, 3)]])).toMatch(/overlap|cross/)
  })
})
