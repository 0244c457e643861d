import { describe, expect, it } from 'vitest'
import { codeLevel, findUnit, fineClassInfo, unitDirectory } from './codes.ts'
import { parseTaxonomy } from './parse.ts'
import { seedTaxonomyJson } from './seed.test-helper.ts'

const tax = parseTaxonomy(seedTaxonomyJson())

describe('codeLevel', () => {
  it.each([
    ['01', 'class'],
    ['0105', 'subclass'],
    ['010502', 'fine'],
  ] as const)('%s → %s', (code, level) => expect(codeLevel(code)).toBe(level))

  it.each(['', '1', '010', '01050', '0105021', '01a5', ' 01', '０１'])('%j → null', (code) => {
    expect(codeLevel(code)).toBeNull()
  })
})

describe('fineClassInfo', () => {
  it('finds a fine class with its subclass and class', () => {
    const info = fineClassInfo(tax, '010502')
    expect(info?.fine).toMatchObject({ code: '010502', name: '路面塌陷', responsible: 'transport', safetyHazard: true })
    expect(info?.subclass).toMatchObject({ code: '0105', name: '道路交通设施', leadUnit: 'transport' })
    expect(info?.class).toMatchObject({ code: '01', name: '公用设施维护' })
  })

  it('finds a territorial fine class', () => {
    expect(fineClassInfo(tax, '020602')?.fine.responsible).toBe('territorial')
    expect(fineClassInfo(tax, '020602')?.subclass.leadUnit).toBe('city_admin')
  })

  it.each(['0105', '01', '010599', '990101', 'abcdef'])('%s → null', (code) => {
    expect(fineClassInfo(tax, code)).toBeNull()
  })
})

describe('units', () => {
  it('findUnit', () => {
    expect(findUnit(tax, 'water_resources')).toMatchObject({ name: '区水利局', kind: 'department' })
    expect(findUnit(tax, 'territorial')).toBeNull()
  })

  it('unitDirectory maps every unit code to its names', () => {
    const dir = unitDirectory(tax)
    expect(dir.size).toBe(25)
    expect(dir.get('command_center')).toEqual({ name: '区数字城管中心', nameEn: 'District digital city-management command center' })
  })
})
