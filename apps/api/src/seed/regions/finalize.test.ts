import { describe, expect, it } from 'vitest'
import { cleanRing, finalizeAll, nodeAll, round7 } from './finalize.ts'
import { multiArea, type MultiPoly } from './geom.ts'

describe('finalize', () => {
  // a parent split into a left half and a right half cut in two: the right pieces meet the left one in a
  // T-junction at (x, 25.45…) that the left ring does not have
  const x0 = 119.1
  const x1 = 119.100043217 // off the 7-decimal grid
  const x2 = 119.1001
  const y0 = 25.44
  const y1 = 25.440033371
  const y2 = 25.4401
  const parent: MultiPoly = [[[[x0, y0], [x2, y0], [x2, y2], [x0, y2]]]]
  const left: MultiPoly = [[[[x0, y0], [x1, y0], [x1, y2], [x0, y2]]]]
  const rightLow: MultiPoly = [[[[x1, y0], [x2, y0], [x2, y1], [x1, y1]]]]
  const rightHigh: MultiPoly = [[[[x1, y1], [x2, y1], [x2, y2], [x1, y2]]]]

  it('inserts vertices lying on other polygons’ edges', () => {
    const [p, l] = nodeAll([parent, left, rightLow, rightHigh])
    expect(l![0]![0]).toHaveLength(5) // gained (x1, y1)
    expect(p![0]![0]).toHaveLength(7) // gained (x1, y0), (x2, y1), (x1, y2); (x1, y1) is inside, not on an edge
    expect(l![0]![0]).toContainEqual([x1, y1])
  })

  it('rounds to 7 decimals and keeps the tiling exact', () => {
    const { geometries, rounded } = finalizeAll([parent, left, rightLow, rightHigh])
    expect(rounded).toBe(true)
    const [p, l, a, b] = geometries
    for (const mp of geometries) for (const r of mp[0]!) for (const v of r) expect(round7(v[0])).toBe(v[0])
    const sum = multiArea(l!) + multiArea(a!) + multiArea(b!)
    expect(Math.abs(sum - multiArea(p!)) / multiArea(p!)).toBeLessThan(1e-12)
  })

  it('cleans spikes and repeated points', () => {
    expect(cleanRing([[0, 0], [1, 0], [2, 0], [1, 0], [1, 1], [1, 1], [0, 1]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 1]])
    expect(cleanRing([[0, 0], [1, 0], [0, 0]]).length).toBeLessThan(3)
  })

  it('keeps unrounded coordinates when rounding would break a polygon', () => {
    const thin: MultiPoly = [[[[119, 25], [119.001, 25], [119.001, 25.00000001]]]]
    const { geometries, rounded } = finalizeAll([thin])
    expect(rounded).toBe(false)
    expect(geometries[0]).toEqual(thin)
  })
})
