import { describe, expect, it } from 'vitest'
import { polyArea, type Poly } from './geom.ts'
import { mergeAlongSharedEdges } from './merge.ts'
import { polygonProblem } from './validity.ts'

describe('mergeAlongSharedEdges', () => {
  it('splices two squares sharing an edge', () => {
    const a: Poly = [[[0, 0], [1, 0], [1, 1], [0, 1]]]
    const b: Poly = [[[1, 0], [2, 0], [2, 1], [1, 1]]]
    const m = mergeAlongSharedEdges(a, b)!
    expect(polyArea(m)).toBeCloseTo(2, 12)
    expect(polygonProblem(m)).toBeNull()
    expect(m[0]).toHaveLength(6)
  })

  it('splices along a chain of several edges, whichever ring starts where', () => {
    const a: Poly = [[[1, 1], [0, 1], [0, 0], [1, 0], [1, 0.5]]]
    const b: Poly = [[[2, 0], [2, 1], [1, 1], [1, 0.5], [1, 0]]]
    const m = mergeAlongSharedEdges(a, b)!
    expect(polyArea(m)).toBeCloseTo(2, 12)
    expect(polygonProblem(m)).toBeNull()
    expect(mergeAlongSharedEdges(b, a)).not.toBeNull()
  })

  it('refuses pieces that only touch, or share two separate stretches', () => {
    const a: Poly = [[[0, 0], [1, 0], [1, 1], [0, 1]]]
    expect(mergeAlongSharedEdges(a, [[[1, 1], [2, 1], [2, 2], [1, 2]]])).toBeNull()
    // a C around a notch: b fills the notch and shares three edges in one chain — fine
    const c: Poly = [[[0, 0], [3, 0], [3, 3], [0, 3], [0, 2], [1, 2], [1, 1], [0, 1]]]
    const notch: Poly = [[[-1, 1], [0, 1], [1, 1], [1, 2], [0, 2], [-1, 2]]]
    expect(mergeAlongSharedEdges(c, notch)).not.toBeNull()
    // two separate stretches would enclose a hole
    const u: Poly = [[[0, 0], [3, 0], [3, 2], [2, 2], [2, 1], [1, 1], [1, 2], [0, 2]]]
    const lid: Poly = [[[0, 2], [1, 2], [1, 3], [2, 3], [2, 2], [3, 2], [3, 4], [0, 4]]]
    expect(mergeAlongSharedEdges(u, lid)).toBeNull()
  })
})
