import { describe, expect, it } from 'vitest'
import { classNameIn, unitNameIn } from './use-names.ts'

// The seed taxonomy is loaded for every web test (testing/taxonomy-setup.ts).
describe('localized unit and class names', () => {
  it('Chinese: the name as sent', () => {
    expect(unitNameIn({ code: 'city_admin', name: '区城市管理局', nameEn: 'x' }, false)).toBe('区城市管理局')
    expect(classNameIn({ code: '010101', name: '供水管道破裂漏水' }, false)).toBe('供水管道破裂漏水')
  })

  it('English: the own English name, else the taxonomy’s by code, else the Chinese name', () => {
    expect(unitNameIn({ code: 'city_admin', name: '区城市管理局', nameEn: 'Own' }, true)).toBe('Own')
    expect(unitNameIn({ code: 'city_admin', name: '区城市管理局' }, true)).toMatch(/^District city administration bureau/)
    expect(unitNameIn({ code: 'city_admin', name: '区城市管理局', nameEn: '' }, true)).toMatch(/^District city administration/)
    expect(classNameIn({ code: '010101', name: '供水管道破裂漏水' }, true)).toBe('Burst or leaking water main')
    expect(classNameIn({ code: '01', name: '公用设施维护' }, true)).toBe('Public facility maintenance')
    expect(unitNameIn({ code: 'nope', name: '某单位' }, true)).toBe('某单位')
    expect(unitNameIn({ name: '某单位', nameEn: null }, true)).toBe('某单位')
  })
})
