import { describe, expect, it } from 'vitest'
import { areaCoversClass, areaPreferenceReason, compareAreaIds, compareAreaMatches, withinBuffer } from './areas.ts'
import { countyRoad, park, roadPotholes, sanitationZone } from './fixtures.test-helper.ts'
import type { ResponsibilityAreaMatch } from './types.ts'

describe('areaCoversClass', () => {
  it.each([
    ['01', true],
    ['0105', true],
    ['010501', true],
    ['010502', false],
    ['0106', false],
    ['02', false],
    ['', false],
    ['0', false],
    ['010', false],
    ['0105010', false],
  ])('classCode %j for 010501 → %s', (classCode, covers) => {
    expect(areaCoversClass({ ...countyRoad, classCode }, '010501')).toBe(covers)
  })
})

describe('withinBuffer', () => {
  it('a line applies up to and including its buffer', () => {
    expect(withinBuffer({ ...countyRoad, distanceM: 30 })).toBe(true)
    expect(withinBuffer({ ...countyRoad, distanceM: 30.5 })).toBe(false)
    expect(withinBuffer({ ...countyRoad, distanceM: Number.NaN })).toBe(false)
  })
  it('a polygon always applies', () => {
    expect(withinBuffer(park)).toBe(true)
  })
})

describe('compareAreaIds', () => {
  it('numbers numerically, strings by code units', () => {
    expect(compareAreaIds(2, 10)).toBeLessThan(0)
    expect(compareAreaIds('2', '10')).toBeGreaterThan(0)
    expect(compareAreaIds('a7c1', 'a7c1')).toBe(0)
    expect(compareAreaIds(10, 'a')).toBeLessThan(0)
  })
})

describe('compareAreaMatches', () => {
  const sort = (xs: ResponsibilityAreaMatch[]) => [...xs].sort(compareAreaMatches).map((a) => a.areaId)

  it('fine over subclass over class, whatever the geometry or size', () => {
    const cls: ResponsibilityAreaMatch = { ...countyRoad, areaId: 1, classCode: '01', distanceM: 1 }
    const sub: ResponsibilityAreaMatch = { ...park, areaId: 2, classCode: '0105', areaM2: 10 }
    const fine: ResponsibilityAreaMatch = { ...park, areaId: 3, classCode: '010501', areaM2: 9e9 }
    expect(sort([cls, sub, fine])).toEqual([3, 2, 1])
  })

  it('line over polygon at the same level', () => {
    expect(sort([{ ...park, classCode: '0105', areaM2: 1 }, countyRoad])).toEqual([101, 301])
  })

  it('nearer line, smaller polygon, then lowest id', () => {
    expect(sort([countyRoad, { ...countyRoad, areaId: 150, distanceM: 3 }])).toEqual([150, 101])
    expect(sort([sanitationZone, { ...sanitationZone, areaId: 399, areaM2: 12_000 }])).toEqual([399, 302])
    expect(sort([{ ...park, areaId: 10 }, { ...park, areaId: 9 }])).toEqual([9, 10])
    expect(sort([{ ...countyRoad, areaId: 'b' }, { ...countyRoad, areaId: 'a' }])).toEqual(['a', 'b'])
  })

  it('NaN sizes sort last instead of breaking the order', () => {
    expect(sort([{ ...park, areaId: 1, areaM2: Number.NaN }, { ...park, areaId: 2, areaM2: 5 }])).toEqual([2, 1])
    expect(sort([{ ...park, areaId: 1, areaM2: Number.NaN }, { ...park, areaId: 2, areaM2: Number.NaN }])).toEqual([1, 2])
  })

  it('a malformed class code ranks below every real one', () => {
    expect(sort([{ ...park, areaId: 1, classCode: 'x' }, { ...park, areaId: 2, classCode: '01' }])).toEqual([2, 1])
  })
})

describe('areaPreferenceReason', () => {
  it('names the criterion that separated them', () => {
    expect(areaPreferenceReason(roadPotholes, countyRoad)).toEqual({
      zh: '责任区「涵江大道 路面巡查段」按细类 010501 划定，比按小类 0105 划定的「县道 X201 涵江段」更具体',
      en: '“涵江大道 路面巡查段” is defined for fine class 010501, more specific than “县道 X201 涵江段” for subclass 0105',
    })
    const parkFor0105 = { ...park, classCode: '0105' }
    expect(areaPreferenceReason(countyRoad, parkFor0105).zh).toBe(
      '线状责任区「县道 X201 涵江段」（点在其缓冲区内）优先于面状责任区「涵江公园」',
    )
    expect(areaPreferenceReason({ ...countyRoad, name: 'G324 国道涵江段', distanceM: 3.14 }, countyRoad)).toEqual({
      zh: '点距线状责任区「G324 国道涵江段」3.1 米，比距「县道 X201 涵江段」的 12 米更近',
      en: 'the point is 3.1 m from “G324 国道涵江段”, nearer than 12 m from “县道 X201 涵江段”',
    })
    expect(areaPreferenceReason(park, { ...sanitationZone, classCode: '02' })).toEqual({
      zh: '责任区「涵江公园」面积 86,000 平方米，小于「涵东街道 环卫作业区」的 4.20 平方公里',
      en: '“涵江公园” covers 86,000 m², smaller than “涵东街道 环卫作业区” with 4.20 km²',
    })
    expect(areaPreferenceReason(park, { ...park, areaId: 377, name: '涵江公园（重复登记）' })).toEqual({
      zh: '责任区「涵江公园」与「涵江公园（重复登记）」同样具体，按编号取小者（301 先于 377）',
      en: '“涵江公园” and “涵江公园（重复登记）” are equally specific; the lower area id wins (301 before 377)',
    })
  })
})
