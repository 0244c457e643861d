import { describe, expect, it } from 'vitest'
import { boundsOf } from './use-patrol-map.ts'

describe('boundsOf', () => {
  it('spans every coordinate of a (multi)polygon or line', () => {
    expect(boundsOf({ type: 'MultiPolygon', coordinates: [[[[119, 25], [119.2, 25], [119.1, 25.3], [119, 25]]]] })).toEqual([[119, 25], [119.2, 25.3]])
    expect(boundsOf({ type: 'LineString', coordinates: [[1, 2], [-1, 5]] })).toEqual([[-1, 2], [1, 5]])
  })
  it('is null without coordinates', () => {
    expect(boundsOf({ type: 'LineString', coordinates: [] })).toBeNull()
  })
})
