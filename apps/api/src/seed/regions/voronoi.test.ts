import * as turf from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { multiArea, pointInMulti, toGeoJSON, type MultiPoly, type Pt } from './geom.ts'
import { bisector, voronoiSplit } from './voronoi.ts'
import { multiProblem } from './validity.ts'

describe('voronoiSplit', () => {
  const shape: MultiPoly = [[[[119, 25.4], [119.03, 25.4], [119.03, 25.42], [119.015, 25.41], [119, 25.42]]]]
  const seeds: Pt[] = [
    [119.005, 25.405],
    [119.012, 25.402],
    [119.025, 25.41],
    [119.028, 25.417],
    [119.003, 25.415],
  ]

  it('bisectors of (p, q) and (q, p) are exact opposites', () => {
    const a = bisector(seeds[0]!, seeds[1]!)
    const b = bisector(seeds[1]!, seeds[0]!)
    expect(b.nx).toBe(-a.nx)
    expect(b.ny).toBe(-a.ny)
    expect([b.mx, b.my]).toEqual([a.mx, a.my])
  })

  it('splits a polygon into cells that tile it, each holding its seed', () => {
    const cells = voronoiSplit(shape, seeds)
    expect(cells).toHaveLength(5)
    const total = cells.reduce((s, c) => s + multiArea(c), 0)
    expect(Math.abs(total - multiArea(shape)) / multiArea(shape)).toBeLessThan(1e-12)
    cells.forEach((c, i) => {
      expect(pointInMulti(seeds[i]![0], seeds[i]![1], c)).toBe(true)
      expect(multiProblem(c)).toBeNull()
    })
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const x = turf.intersect(turf.featureCollection([turf.feature(toGeoJSON(cells[i]!)), turf.feature(toGeoJSON(cells[j]!))]))
        expect(x ? turf.area(x) : 0).toBeLessThan(0.01)
      }
    }
  })
})
