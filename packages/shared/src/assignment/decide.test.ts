import { describe, expect, it } from 'vitest'
import { decideAssignment } from './decide.ts'
import {
  commandCenter,
  countyRoad,
  HANDONG,
  info,
  input,
  OUTSIDE,
  park,
  river,
  roadPotholes,
  sanitationZone,
  units,
} from './fixtures.test-helper.ts'
import type { ResponsibilityAreaMatch } from './types.ts'

const HANDONG_ZH = '位于涵东街道 › 新区社区 › 新区社区第7网格（350303001001007）'
const HANDONG_EN = 'Inside 涵东街道 › 新区社区 › 新区社区第7网格 (grid 350303001001007)'
const zh = (d: { explanation: { zh: string }[] }) => d.explanation.map((e) => e.zh)

describe('decideAssignment — no fine class', () => {
  it('goes to the command center for review, ignoring any areas', () => {
    const d = decideAssignment(input({ fine: null, areaMatches: [countyRoad, park] }))
    expect(d).toEqual({
      unit: { code: 'command_center', name: '区数字城管中心' },
      rule: 'no_class',
      needsReview: true,
      area: null,
      explanation: [
        { zh: HANDONG_ZH, en: HANDONG_EN },
        {
          zh: '未指定细类，由 区数字城管中心 人工分类派遣',
          en: 'No fine class given: 区数字城管中心 (District digital city-management command center) classifies and dispatches it by hand',
        },
      ],
      candidates: [],
    })
  })

  it('outside the district too: null regions, command center, review', () => {
    const d = decideAssignment(input({ fine: null, regions: OUTSIDE, streetOffice: null }))
    expect(d.unit.code).toBe('command_center')
    expect(d.rule).toBe('no_class')
    expect(d.needsReview).toBe(true)
    expect(d.explanation[0]!.zh).toBe('该点不在涵江区任何街道/乡镇范围内（区外）')
  })
})

describe('decideAssignment — fine-class table', () => {
  it('010502 路面塌陷 in 涵东街道 → 区交通运输局', () => {
    const d = decideAssignment(input())
    expect(d).toEqual({
      unit: { code: 'transport', name: '区交通运输局' },
      rule: 'fine_class',
      needsReview: false,
      area: null,
      explanation: [
        { zh: HANDONG_ZH, en: HANDONG_EN },
        {
          zh: '细类 010502 路面塌陷（01 公用设施维护 › 0105 道路交通设施），属安全隐患',
          en: 'fine class 010502 路面塌陷 (Road surface collapse), in 01 公用设施维护 › 0105 道路交通设施; a safety hazard',
        },
        {
          zh: '该点没有适用于 细类 010502 路面塌陷 的责任区',
          en: 'No responsibility area for fine class 010502 路面塌陷 (Road surface collapse) covers the point',
        },
        {
          zh: '细类 010502 路面塌陷 的责任单位为 区交通运输局',
          en: 'The responsible unit of fine class 010502 路面塌陷 (Road surface collapse) is 区交通运输局 (District transport bureau)',
        },
      ],
      candidates: [],
    })
  })

  it('a fine class owned by another unit than its lead unit: 010104 消火栓 → 区消防救援大队', () => {
    const d = decideAssignment(input({ fine: info('010104') }))
    expect(d.unit).toEqual({ code: 'fire_brigade', name: '区消防救援大队' })
    expect(d.rule).toBe('fine_class')
    expect(d.explanation[1]!.zh).toBe('细类 010104 消火栓损坏或漏水（01 公用设施维护 › 0101 供水设施）')
  })

  it('ignores areas for other classes', () => {
    // the river and the park are at the point, but 010502 is neither 020607 nor class 02
    const d = decideAssignment(input({ areaMatches: [river, park] }))
    expect(d.rule).toBe('fine_class')
    expect(d.candidates).toEqual([])
  })
})

describe('decideAssignment — territorial (属地)', () => {
  it('020602 积存垃圾渣土 → the street office of 涵东街道', () => {
    const d = decideAssignment(input({ fine: info('020602') }))
    expect(d.unit).toEqual({ code: 'office_handong', name: '涵东街道办事处' })
    expect(d.rule).toBe('territorial')
    expect(d.needsReview).toBe(false)
    expect(d.explanation.at(-1)).toEqual({
      zh: '细类 020602 积存垃圾渣土 由属地负责，涵东街道 的属地单位为 涵东街道办事处',
      en: 'fine class 020602 积存垃圾渣土 (Accumulated rubbish or muck) is territorial: the office of 涵东街道 is 涵东街道办事处 (Handong street office)',
    })
  })

  it('no street office configured → the lead unit of 0206, for review', () => {
    const d = decideAssignment(input({ fine: info('020602'), streetOffice: null }))
    expect(d.unit).toEqual({ code: 'city_admin', name: '区城市管理局' })
    expect(d.rule).toBe('lead_unit_fallback')
    expect(d.needsReview).toBe(true)
    expect(zh(d).slice(-2)).toEqual([
      '细类 020602 积存垃圾渣土 由属地负责，但 涵东街道 未配置属地单位',
      '由小类 0206 环境卫生 的牵头单位 区城市管理局 兜底，需指挥中心复核',
    ])
    expect(d.candidates).toEqual([])
  })
})

describe('decideAssignment — outside the district', () => {
  it('a fine class with a responsible unit → the lead unit anyway, for review; the owners become candidates', () => {
    // a hydrant just across the district line, still within the county road buffer
    const d = decideAssignment(
      input({ fine: info('010104'), regions: OUTSIDE, streetOffice: null, areaMatches: [{ ...countyRoad, classCode: '0101' }] }),
    )
    expect(d.unit).toEqual({ code: 'water_utility', name: '涵江供水公司' })
    expect(d.rule).toBe('lead_unit_fallback')
    expect(d.needsReview).toBe(true)
    expect(d.area).toBeNull()
    expect(zh(d)).toEqual([
      '该点不在涵江区任何街道/乡镇范围内（区外）',
      '细类 010104 消火栓损坏或漏水（01 公用设施维护 › 0101 供水设施）',
      '区外的点不按责任区或 细类 010104 消火栓损坏或漏水 的责任单位直接派遣',
      '由小类 0101 供水设施 的牵头单位 涵江供水公司 兜底，需指挥中心复核',
    ])
    expect(d.candidates.map((c) => [c.unit.code, c.rule])).toEqual([
      ['transport_highway', 'responsibility_area'],
      ['fire_brigade', 'fine_class'],
    ])
    expect(d.candidates[1]!.beatenBy.zh).toBe('该点在区外，不按责任区或责任单位直接派遣，由牵头单位兜底并经指挥中心复核')
    expect(d.candidates[0]!.area).toEqual({ areaId: 101, name: '县道 X201 涵江段' })
  })

  it('a territorial fine class → the lead unit, no territorial candidate', () => {
    const d = decideAssignment(input({ fine: info('031101'), regions: OUTSIDE, streetOffice: null }))
    expect(d.unit).toEqual({ code: 'law_enforcement', name: '区城市管理执法局' })
    expect(d.rule).toBe('lead_unit_fallback')
    expect(d.needsReview).toBe(true)
    expect(d.candidates).toEqual([])
    expect(d.explanation[2]).toEqual({
      zh: '细类 031101 私搭乱建 由属地负责，但该点不属于任何街道/乡镇',
      en: 'fine class 031101 私搭乱建 (Unauthorised structure) is territorial, but the point is in no street/town',
    })
  })

  it('a street office passed by mistake is not used outside the district', () => {
    const d = decideAssignment(input({ fine: info('031101'), regions: OUTSIDE }))
    expect(d.rule).toBe('lead_unit_fallback')
    expect(d.needsReview).toBe(true)
  })
})

describe('decideAssignment — responsibility areas', () => {
  it('区交通运输局 owns 道路破损 along a county road: the highway centre, not the bureau', () => {
    const d = decideAssignment(input({ fine: info('010501'), areaMatches: [countyRoad] }))
    expect(d.unit).toEqual({ code: 'transport_highway', name: '区交通运输局公路养护中心' })
    expect(d.rule).toBe('responsibility_area')
    expect(d.needsReview).toBe(false)
    expect(d.area).toEqual({ areaId: 101, name: '县道 X201 涵江段' })
    expect(d.explanation.at(-1)).toEqual({
      zh: '责任区「县道 X201 涵江段」（线状，缓冲 30 米，点距 12 米）按小类 0105 划归 区交通运输局公路养护中心',
      en: 'Responsibility area “县道 X201 涵江段” (line, 30 m buffer, point 12 m away) gives subclass 0105 to 区交通运输局公路养护中心 (Transport bureau, highway maintenance centre)',
    })
    expect(d.candidates).toEqual([
      {
        unit: { code: 'transport', name: '区交通运输局' },
        rule: 'fine_class',
        reason: {
          zh: '细类 010501 道路破损坑洼 的责任单位为 区交通运输局',
          en: 'The responsible unit of fine class 010501 道路破损坑洼 (Damaged or potholed road) is 区交通运输局 (District transport bureau)',
        },
        beatenBy: {
          zh: '责任区「县道 X201 涵江段」比全区统一的细类责任表更具体',
          en: 'the responsibility area “县道 X201 涵江段” is more specific than the district-wide fine-class table',
        },
      },
    ])
  })

  it('区水利局 owns 河道漂浮物 along a river', () => {
    const d = decideAssignment(input({ fine: info('020607'), areaMatches: [river, countyRoad] }))
    expect(d.unit).toEqual({ code: 'water_river', name: '区水利局河道管理所' })
    expect(d.rule).toBe('responsibility_area')
    expect(d.candidates.map((c) => c.unit.code)).toEqual(['water_resources'])
  })

  it('an area overrides a territorial fine class too (the street office becomes a candidate)', () => {
    const d = decideAssignment(input({ fine: info('020602'), areaMatches: [sanitationZone] }))
    expect(d.unit.code).toBe('city_admin_sanitation')
    expect(d.candidates).toMatchObject([{ unit: { code: 'office_handong' }, rule: 'territorial' }])
  })

  it('an area still wins for a territorial class whose street has no office configured', () => {
    const d = decideAssignment(input({ fine: info('020602'), streetOffice: null, areaMatches: [sanitationZone] }))
    expect(d.unit.code).toBe('city_admin_sanitation')
    expect(d.rule).toBe('responsibility_area')
    expect(d.needsReview).toBe(false)
    expect(d.candidates).toEqual([])
  })

  it('outside the district, a line beyond its buffer is still listed', () => {
    const d = decideAssignment(
      input({ fine: info('010501'), regions: OUTSIDE, streetOffice: null, areaMatches: [{ ...countyRoad, distanceM: 31 }] }),
    )
    expect(d.rule).toBe('lead_unit_fallback')
    expect(d.candidates.map((c) => [c.rule, c.beatenBy.en])).toEqual([
      ['fine_class', 'the point is outside the district, so it is not dispatched by area or responsible unit; the lead unit takes it and the command center confirms'],
      ['responsibility_area', 'the point is 31 m from “县道 X201 涵江段”, beyond its 30 m buffer'],
    ])
  })

  it('fine class over subclass over class (before geometry and size)', () => {
    const classWide: ResponsibilityAreaMatch = { ...park, areaId: 1, classCode: '02', areaM2: 500 }
    const subclassLine: ResponsibilityAreaMatch = { ...river, areaId: 2, classCode: '0206', unitCode: 'city_admin_sanitation' }
    const fineZone: ResponsibilityAreaMatch = { ...sanitationZone, areaId: 3, classCode: '020607', unitCode: 'water_river', name: '延寿溪 保洁区' }
    const d = decideAssignment(input({ fine: info('020607'), areaMatches: [classWide, subclassLine, fineZone] }))
    expect(d.area).toEqual({ areaId: 3, name: '延寿溪 保洁区' })
    expect(d.candidates.map((c) => [c.area?.areaId ?? c.unit.code, c.beatenBy.zh])).toEqual([
      [2, '责任区「延寿溪 保洁区」按细类 020607 划定，比按小类 0206 划定的「萩芦溪 涵江段」更具体'],
      [1, '责任区「延寿溪 保洁区」按细类 020607 划定，比按大类 02 划定的「涵江公园」更具体'],
      ['water_resources', '责任区「延寿溪 保洁区」比全区统一的细类责任表更具体'],
    ])
    expect(d.explanation.at(-2)!.zh).toBe(
      '该点有 3 个适用的责任区，取最具体者：细类优先于小类、大类，线状（缓冲区内）优先于面状，距线近者、面积小者优先，最后按编号',
    )

    const withoutFine = decideAssignment(input({ fine: info('020607'), areaMatches: [classWide, subclassLine] }))
    expect(withoutFine.area?.areaId).toBe(2)
  })

  it('line (within its buffer) over polygon', () => {
    const estate: ResponsibilityAreaMatch = { ...park, areaId: 5, name: '宁海小区', classCode: '0105', unitCode: 'housing_estate', areaM2: 30_000 }
    const d = decideAssignment(input({ fine: info('010502'), areaMatches: [estate, countyRoad] }))
    expect(d.unit.code).toBe('transport_highway')
    expect(d.candidates[0]!.beatenBy.en).toBe(
      'the line area “县道 X201 涵江段” (point within its buffer) takes precedence over the polygon area “宁海小区”',
    )
  })

  it('two lines: the nearer one', () => {
    const g324: ResponsibilityAreaMatch = { ...countyRoad, areaId: 100, name: 'G324 国道涵江段', distanceM: 18 }
    const d = decideAssignment(input({ fine: info('010506'), areaMatches: [g324, countyRoad] }))
    expect(d.area?.areaId).toBe(101)
    expect(d.candidates[0]!.beatenBy.zh).toBe('点距线状责任区「县道 X201 涵江段」12 米，比距「G324 国道涵江段」的 18 米更近')
  })

  it('two polygons: the smaller one', () => {
    const d = decideAssignment(input({ fine: info('020601'), areaMatches: [sanitationZone, { ...park, classCode: '0206' }] }))
    expect(d.unit.code).toBe('city_admin_park')
    expect(d.candidates[0]!.beatenBy.zh).toBe('责任区「涵江公园」面积 86,000 平方米，小于「涵东街道 环卫作业区」的 4.20 平方公里')
  })

  it('all else equal: the lowest areaId', () => {
    const a: ResponsibilityAreaMatch = { ...park, areaId: 12, unitCode: 'city_admin_sanitation', name: '涵江公园 东区' }
    const b: ResponsibilityAreaMatch = { ...park, areaId: 9, name: '涵江公园 西区' }
    const d = decideAssignment(input({ fine: info('020601'), areaMatches: [a, b] }))
    expect(d.area).toEqual({ areaId: 9, name: '涵江公园 西区' })
    expect(d.candidates[0]!.beatenBy.en).toBe(
      '“涵江公园 西区” and “涵江公园 东区” are equally specific; the lower area id wins (9 before 12)',
    )
  })

  it('does not depend on the order of the matches, nor reorder the input', () => {
    const all = [countyRoad, roadPotholes, { ...park, classCode: '01' }, { ...countyRoad, areaId: 7, distanceM: 12 }]
    const copy = [...all]
    const expected = decideAssignment(input({ fine: info('010501'), areaMatches: all }))
    expect(all).toEqual(copy)
    expect(expected.area?.areaId).toBe(102)
    const permutations = [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]
    for (const p of permutations) {
      expect(decideAssignment(input({ fine: info('010501'), areaMatches: p.map((i) => all[i]!) }))).toEqual(expected)
    }
    expect(expected.candidates.map((c) => c.area?.areaId ?? c.unit.code)).toEqual([7, 101, 301, 'transport'])
  })

  it('a line beyond its buffer does not apply, but is shown as a candidate', () => {
    const far: ResponsibilityAreaMatch = { ...countyRoad, distanceM: 42 }
    const d = decideAssignment(input({ fine: info('010501'), areaMatches: [far] }))
    expect(d.rule).toBe('fine_class')
    expect(d.unit.code).toBe('transport')
    expect(d.candidates).toHaveLength(1)
    expect(d.candidates[0]!.beatenBy).toEqual({
      zh: '点距「县道 X201 涵江段」42 米，超出其 30 米缓冲区',
      en: 'the point is 42 m from “县道 X201 涵江段”, beyond its 30 m buffer',
    })
    // …also next to a winning area
    const d2 = decideAssignment(input({ fine: info('010501'), areaMatches: [far, roadPotholes] }))
    expect(d2.candidates.map((c) => c.area?.areaId ?? c.unit.code)).toEqual(['transport', 101])
  })

  it('malformed class codes never match', () => {
    const bad = ['', '0', '010', '01050', '0105011'].map((classCode, i) => ({ ...countyRoad, areaId: i, classCode }))
    expect(decideAssignment(input({ fine: info('010501'), areaMatches: bad })).rule).toBe('fine_class')
  })

  it('an area owned by a unit missing from the lookup is shown by its code', () => {
    const d = decideAssignment(input({ fine: info('010501'), areaMatches: [{ ...countyRoad, unitCode: 'roads_squad_9' }] }))
    expect(d.unit).toEqual({ code: 'roads_squad_9', name: 'roads_squad_9' })
  })
})

describe('decideAssignment — explanation details', () => {
  it('a partial location says what is missing', () => {
    const d = decideAssignment(input({ regions: { ...HANDONG, community: null, grid: null } }))
    expect(d.explanation[0]).toEqual({ zh: '位于涵东街道（未落入任何社区/村、网格）', en: 'Inside 涵东街道 (in no community or grid)' })
    const g = decideAssignment(input({ regions: { ...HANDONG, grid: null } }))
    expect(g.explanation[0]!.zh).toBe('位于涵东街道 › 新区社区（未落入任何网格）')
    const c = decideAssignment(input({ regions: { ...HANDONG, community: null } }))
    expect(c.explanation[0]).toEqual({
      zh: '位于涵东街道 › 新区社区第7网格（350303001001007）（未落入任何社区/村）',
      en: 'Inside 涵东街道 › 新区社区第7网格 (grid 350303001001007) (in no community)',
    })
  })

  it('near a boundary: an extra step, same unit, no review by itself', () => {
    const d = decideAssignment(
      input({ nearBoundary: { level: 'street', neighbour: { code: '350303002000', name: '涵西街道' }, distanceM: 8.26 } }),
    )
    expect(d.explanation[1]).toEqual({
      zh: '距「涵西街道」的边界 8.3 米，请核对位置',
      en: '8.3 m from the boundary with the street/town 涵西街道; check the location',
    })
    expect(d.unit.code).toBe('transport')
    expect(d.needsReview).toBe(false)
    const g = decideAssignment(
      input({ nearBoundary: { level: 'grid', neighbour: { code: '350303001001008', name: '第8网格' }, distanceM: 3 } }),
    )
    expect(g.explanation[1]!.zh).toBe('距「第8网格（350303001001008）」的边界 3 米，请核对位置')
  })

  it('works with a plain record lookup', () => {
    const record = Object.fromEntries(units)
    expect(decideAssignment(input({ units: record })).unit).toEqual({ code: 'transport', name: '区交通运输局' })
    expect(decideAssignment(input({ units: { transport: '交通局' } })).explanation.at(-1)!.en).toContain('is 交通局')
  })

  it('every rule is reachable and needsReview matches it', () => {
    const seen = new Map<string, boolean>()
    const cases = [
      input({ fine: null }),
      input(),
      input({ fine: info('020602') }),
      input({ fine: info('020602'), streetOffice: null }),
      input({ fine: info('010501'), areaMatches: [countyRoad] }),
      input({ fine: info('010501'), regions: OUTSIDE, streetOffice: null }),
    ]
    for (const c of cases) {
      const d = decideAssignment(c)
      seen.set(d.rule, d.needsReview || (seen.get(d.rule) ?? false))
    }
    expect(Object.fromEntries(seen)).toEqual({
      no_class: true,
      fine_class: false,
      territorial: false,
      lead_unit_fallback: true,
      responsibility_area: false,
    })
    expect(commandCenter.code).toBe('command_center')
  })
})
