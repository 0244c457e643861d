import { describe, expect, it } from 'vitest'
import { NEAR_BOUNDARY_DEFAULT_M, nearBoundary, type BoundaryDistance } from './near-boundary.ts'

const hanxi = { code: '350303002000', name: '涵西街道' }
const sanjiangkou = { code: '350303100000', name: '三江口镇' }
const dingpu = { code: '350303001002', name: '顶铺社区' }
const grid8 = { code: '350303001001008', name: '新区社区第8网格' }
const licheng = { code: '350304000000', name: '荔城区' }

const d = (level: BoundaryDistance['level'], neighbour: typeof hanxi, distanceM: number): BoundaryDistance => ({
  level,
  neighbour,
  distanceM,
})

describe('nearBoundary', () => {
  it('defaults to 30 m, inclusive', () => {
    expect(NEAR_BOUNDARY_DEFAULT_M).toBe(30)
    expect(nearBoundary([d('grid', grid8, 30)])).toEqual({ level: 'grid', neighbour: grid8, distanceM: 30 })
    expect(nearBoundary([d('grid', grid8, 30.01)])).toBeNull()
  })

  it('is null with no distances', () => {
    expect(nearBoundary([])).toBeNull()
  })

  it('honours a configured threshold', () => {
    expect(nearBoundary([d('street', hanxi, 45)], 50)?.neighbour).toEqual(hanxi)
    expect(nearBoundary([d('street', hanxi, 5)], 0)).toBeNull()
    expect(nearBoundary([d('street', hanxi, 0)], 0)?.distanceM).toBe(0)
  })

  it('reports the coarsest level that is near, even if a finer boundary is nearer', () => {
    // 12 m from the 涵西街道 line, which is also a community and a grid line
    const r = nearBoundary([d('grid', grid8, 12), d('community', dingpu, 12), d('street', hanxi, 12.4)])
    expect(r).toEqual({ level: 'street', neighbour: hanxi, distanceM: 12.4 })
    expect(nearBoundary([d('street', hanxi, 20), d('district', licheng, 29)])?.level).toBe('district')
  })

  it('ignores far boundaries of coarser levels', () => {
    expect(nearBoundary([d('street', hanxi, 80), d('grid', grid8, 6)])?.level).toBe('grid')
  })

  it('within a level: the nearest, then the lowest neighbour code', () => {
    expect(nearBoundary([d('street', sanjiangkou, 9), d('street', hanxi, 14)])?.neighbour).toEqual(sanjiangkou)
    expect(nearBoundary([d('street', sanjiangkou, 9), d('street', hanxi, 9)])?.neighbour).toEqual(hanxi)
    expect(nearBoundary([d('street', hanxi, 9), d('street', sanjiangkou, 9)])?.neighbour).toEqual(hanxi)
  })

  it('ignores negative and non-finite distances', () => {
    expect(nearBoundary([d('street', hanxi, -1), d('street', sanjiangkou, Number.NaN), d('grid', grid8, Infinity)])).toBeNull()
  })

  it('rejects a bad threshold', () => {
    expect(() => nearBoundary([], -1)).toThrow('near-boundary threshold must be a finite number of metres ≥ 0, got -1')
    expect(() => nearBoundary([], Number.NaN)).toThrow(RangeError)
  })
})
