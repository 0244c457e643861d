import { describe, expect, it } from 'vitest'
import { expandQuery, searchCatalogue, type SearchableItem } from './search.ts'

const item = (code: string, name: string, pinyinInitials: string, extra: Partial<SearchableItem> = {}): SearchableItem => ({
  code, name, nameEn: null, unitName: '某局', materials: ['居民身份证'], steps: '', pinyinInitials, ...extra,
})
const items = [
  item('SB-03', '社会保障卡申领', 'shbzksl'),
  item('SB-04', '社会保障卡挂失与补换', 'shbzkgsybh'),
  item('HJ-01', '居民身份证申领与换领', 'jmsfzslyhl'),
  item('SD-WATER-02', '供水过户', 'gsgh'),
  item('SD-POWER-02', '用电过户与更名', 'ydghygm'),
]

describe('searchCatalogue', () => {
  it('finds the official name from what citizens say (社保卡 → 社会保障卡)', () => {
    expect(expandQuery('社保卡丢了')).toContain('社会保障卡')
    expect(searchCatalogue('社保卡补办', items)[0]!.item.code).toBe('SB-04')
    expect(searchCatalogue('社保卡', items).slice(0, 2).map((h) => h.item.code).sort()).toEqual(['SB-03', 'SB-04'])
  })

  it('matches pinyin initials, prefixes first, then shorter names', () => {
    const hits = searchCatalogue('gh', items)
    expect(hits.map((h) => h.item.code)).toEqual(['SD-WATER-02', 'SD-POWER-02'])
    expect(hits.every((h) => h.via === 'pinyin')).toBe(true)
    expect(searchCatalogue('shbzk', items).map((h) => h.item.code)).toEqual(['SB-03', 'SB-04'])
  })

  it('puts an exact code first, case-insensitive; nothing for nothing', () => {
    expect(searchCatalogue('hj-01', items)[0]).toMatchObject({ via: 'code', item: { code: 'HJ-01' } })
    expect(searchCatalogue('   ', items)).toEqual([])
    expect(searchCatalogue('zzqx', items)).toEqual([])
  })

  it('ranks Chinese by BM25 with the name over materials', () => {
    const hits = searchCatalogue('身份证', items)
    expect(hits[0]!.item.code).toBe('HJ-01')
    expect(hits.length).toBe(items.length) // every item asks for 居民身份证 among its materials
  })
})
