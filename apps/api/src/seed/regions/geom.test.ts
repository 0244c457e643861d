import { describe, expect, it } from 'vitest'
import {
  bboxOf,
  dedupeRing,
  fromGeoJSON,
  labelPoint,
  mainCentroid,
  multiArea,
  pointInMulti,
  ringArea,
  toGeoJSON,
  type Pt,
} from './geom.ts'

const sq = (w: number, s: number, e: number, n: number): Pt[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
]

describe('geom', () => {
  it('measures signed ring area', () => {
    expect(ringArea(sq(0, 0, 2, 1))).toBe(2)
    expect(ringArea(sq(0, 0, 2, 1).reverse())).toBe(-2)
  })

  it('normalizes GeoJSON to open rings, outer CCW and holes CW, and back', () => {
    const mp = fromGeoJSON({
      type: 'Polygon',
      coordinates: [
        [[0, 0], [0, 3], [3, 3], [3, 0], [0, 0]], // clockwise outer
        [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]], // counter-clockwise hole
      ],
    })
    expect(mp[0]![0]).toHaveLength(4)
    expect(ringArea(mp[0]![0]!)).toBeGreaterThan(0)
    expect(ringArea(mp[0]![1]!)).toBeLessThan(0)
    expect(multiArea(mp)).toBe(8)
    const g = toGeoJSON(mp)
    expect(g.type).toBe('MultiPolygon')
    expect(g.coordinates[0]![0]![0]).toEqual(g.coordinates[0]![0]![4])
    expect(pointInMulti(0.5, 0.5, mp)).toBe(true)
    expect(pointInMulti(1.5, 1.5, mp)).toBe(false)
    expect(bboxOf(mp)).toEqual([0, 0, 3, 3])
  })

  it('drops repeated points', () => {
    expect(dedupeRing([[0, 0], [0, 0], [1, 0], [1, 1], [0, 0]])).toEqual([[0, 0], [1, 0], [1, 1]])
  })

  it('finds label points inside awkward shapes', () => {
    // a thin C whose centroid lies outside it
    const c: Pt[] = [[0, 0], [10, 0], [10, 1], [1, 1], [1, 9], [10, 9], [10, 10], [0, 10]]
    const [x, y] = labelPoint([[c]])
    expect(pointInMulti(x, y, [[c]])).toBe(true)
    const [cx, cy] = mainCentroid([[c]])
    expect(pointInMulti(cx, cy, [[c]])).toBe(false)
  })
})
