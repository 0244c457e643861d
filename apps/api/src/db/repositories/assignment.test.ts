import { describe, expect, it } from 'vitest'
import { pickRegions, type RegionHit } from './assignment.ts'

describe('pickRegions', () => {
  it('takes the covering region per level and the nearest other one as neighbour', () => {
    const hits: RegionHit[] = [
      ['street', 1, '350303001', 'A街道', 1, 0, true],
      ['community', 2, '350303001001', 'A社区', 1, 0, true],
      ['community', 3, '350303001002', 'B社区', 1, 12.5, false],
      ['community', 4, '350303001003', 'C社区', 1, 8, false],
      ['grid', 5, '350303001001001', '网格1', 2, 0, true],
    ]
    const { regions, neighbours } = pickRegions(hits)
    expect(regions.street?.code).toBe('350303001')
    expect(regions.community).toEqual({ id: 2, code: '350303001001', name: 'A社区', version: 1 })
    expect(regions.grid?.version).toBe(2)
    expect(neighbours).toEqual([{ level: 'community', code: '350303001003', name: 'C社区', distanceM: 8 }])
  })

  it('on a shared edge the lowest code wins and the other covering region is a neighbour at 0 m', () => {
    const hits: RegionHit[] = [
      ['grid', 9, '350303001001002', 'g2', 1, 0, true],
      ['grid', 8, '350303001001001', 'g1', 1, 0, true],
      ['grid', 7, '350303001001003', 'g3', 1, 0, false],
    ]
    const { regions, neighbours } = pickRegions(hits)
    expect(regions.grid?.code).toBe('350303001001001')
    expect(neighbours).toEqual([{ level: 'grid', code: '350303001001002', name: 'g2', distanceM: 0 }])
  })

  it('outside everything: no regions, only neighbours within reach', () => {
    const { regions, neighbours } = pickRegions([['street', 1, '350303001', 'A', 1, 20, false]])
    expect(regions).toEqual({})
    expect(neighbours).toEqual([{ level: 'street', code: '350303001', name: 'A', distanceM: 20 }])
    expect(pickRegions([])).toEqual({ regions: {}, neighbours: [] })
  })
})
