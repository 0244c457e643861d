import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch } from '../testing/utils.ts'
import { parentCodes, useRegionSearch } from './use-region-search.ts'

const label = (code: string, name: string, level: string) => ({
  type: 'Feature',
  properties: { code, name, level },
  geometry: { type: 'Point', coordinates: [119, 25] },
})
const fc = (...features: unknown[]) => ({ json: { type: 'FeatureCollection', features } })

afterEach(() => vi.unstubAllGlobals())

describe('parentCodes', () => {
  it('derives street and community from the code', () => {
    expect(parentCodes('350303001002003')).toEqual(['350303001000', '350303001002'])
    expect(parentCodes('350303001002')).toEqual(['350303001000'])
    expect(parentCodes('350303001000')).toEqual([])
  })
})

describe('useRegionSearch', () => {
  it('loads the region labels once and finds regions by name or code prefix, higher levels first', async () => {
    const { calls } = mockFetch({
      '/api/regions/labels?level=district': fc(label('350303000000', '涵江区', 'district')),
      '/api/regions/labels?level=street': fc(label('350303001000', '涵东街道', 'street'), label('350303002000', '涵西街道', 'street')),
      '/api/regions/labels?level=community': fc(label('350303001002', '顶铺社区', 'community')),
      '/api/regions/labels?level=grid': fc(label('350303001002003', '顶铺社区第003网格', 'grid')),
    })
    const s = useRegionSearch()
    await Promise.all([s.load(), s.load()])
    expect(calls).toHaveLength(4)
    expect(s.search('涵东').map((h) => h.code)).toEqual(['350303001000'])
    expect(s.search('顶铺').map((h) => [h.level, h.path])).toEqual([
      ['community', ['涵东街道']],
      ['grid', ['涵东街道', '顶铺社区']],
    ])
    expect(s.search('3503030010').map((h) => h.code)).toEqual(['350303001000', '350303001002', '350303001002003'])
    expect(s.search('  ')).toEqual([])
  })
})
