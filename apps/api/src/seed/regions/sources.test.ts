import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DISTRICT_CODE, parseDivisionsCsv, readRegionSources, REPO_ROOT } from './sources.ts'

describe('readRegionSources', () => {
  it('resolves the repository root from the module, not the cwd', () => {
    expect(existsSync(REPO_ROOT + 'seed/hanjiang_divisions.csv')).toBe(true)
    expect(REPO_ROOT.endsWith('/')).toBe(true)
  })

  it('reads the boundary, 12 synthetic town areas, 12 seats and 214 divisions', () => {
    const s = readRegionSources()
    expect(s.boundary.type).toBe('Polygon')
    expect(s.towns).toHaveLength(12)
    expect(s.seats).toHaveLength(12)
    expect(new Set(s.towns.map((t) => t.code))).toEqual(new Set(s.seats.map((t) => t.code)))
    expect(s.divisions).toHaveLength(214)
    expect(s.divisions.filter((d) => d.level === 'district').map((d) => d.code)).toEqual([DISTRICT_CODE])
    expect(s.divisions.filter((d) => d.level === 'town')).toHaveLength(13)
    expect(s.divisions.filter((d) => d.level === 'village')).toHaveLength(200)
    expect(s.divisions.find((d) => d.code === '350303500000')?.name).toBe('赤港开发区')
  })

  it('rejects malformed CSV', () => {
    expect(() => parseDivisionsCsv('a,b\n')).toThrow(/header/)
    expect(() => parseDivisionsCsv('code,name,level,parent_code\n1,x,town,2\n')).toThrow(/line 2/)
    expect(() => parseDivisionsCsv('code,name,level,parent_code\n350303001000,x,city,350303000000\n')).toThrow(/level/)
  })
})
