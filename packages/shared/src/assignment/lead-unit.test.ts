import { describe, expect, it } from 'vitest'
import { commandCenter, info, tax, units } from './fixtures.test-helper.ts'
import { leadUnitFallback } from './lead-unit.ts'

describe('leadUnitFallback (兜底, R7/R12)', () => {
  it('gives every seed fine class to its subclass lead unit', () => {
    for (const cls of tax.classes)
      for (const sub of cls.subclasses)
        for (const fine of sub.fineClasses) {
          const r = leadUnitFallback(info(fine.code), units, commandCenter)
          expect(r.unit.code).toBe(sub.leadUnit)
          expect(r.rule).toBe('lead_unit_fallback')
          expect(r.needsReview).toBe(true)
        }
  })

  it('explains it in both languages', () => {
    // 010104 消火栓 is the fire brigade's, but 0101 供水设施 is led by the water company
    expect(leadUnitFallback(info('010104'), units, commandCenter)).toEqual({
      unit: { code: 'water_utility', name: '涵江供水公司' },
      rule: 'lead_unit_fallback',
      needsReview: true,
      explanation: {
        zh: '由小类 0101 供水设施 的牵头单位 涵江供水公司 兜底，需指挥中心复核',
        en: 'The lead unit of subclass 0101 供水设施 (Water supply), 涵江供水公司 (Hanjiang water supply company), takes it as the fallback; the command center must confirm',
      },
    })
  })

  it('without a fine class: the command center', () => {
    expect(leadUnitFallback(null, units, commandCenter)).toEqual({
      unit: { code: 'command_center', name: '区数字城管中心' },
      rule: 'no_class',
      needsReview: true,
      explanation: {
        zh: '未指定细类，由 区数字城管中心 人工分类派遣',
        en: 'No fine class given: 区数字城管中心 (District digital city-management command center) classifies and dispatches it by hand',
      },
    })
  })

  it('accepts a plain record of names and shows unknown codes as themselves', () => {
    const r = leadUnitFallback(info('020602'), { city_admin: '区城市管理局' }, commandCenter)
    expect(r.unit).toEqual({ code: 'city_admin', name: '区城市管理局' })
    expect(r.explanation.en).toContain(', 区城市管理局, takes it')
    expect(leadUnitFallback(info('020602'), {}, commandCenter).unit).toEqual({ code: 'city_admin', name: 'city_admin' })
  })
})
