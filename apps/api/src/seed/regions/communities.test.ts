import { describe, expect, it } from 'vitest'
import { isUrbanCommunity, splitStreet } from './communities.ts'
import { multiAreaM2, pointInMulti } from './geom.ts'
import { distM } from './projection.ts'
import { readRegionSources } from './sources.ts'
import { buildStreets, CHIGANG_CODE } from './streets.ts'
import { multiProblem } from './validity.ts'

describe('splitStreet', () => {
  const src = readRegionSources()
  const streets = buildStreets(src)
  const street = (code: string) => streets.find((s) => s.code === code)!
  const wutang = street('350303103000') // 梧塘镇: 2 社区 + 14 村

  it('gives every listed community one cell, and the cells tile the town', () => {
    const cs = splitStreet(wutang, src.divisions)
    const listed = src.divisions.filter((d) => d.parentCode === wutang.code)
    expect(cs.map((c) => c.code)).toEqual(listed.map((d) => d.code).sort())
    const sum = cs.reduce((a, c) => a + multiAreaM2(c.geometry), 0)
    expect(Math.abs(sum - multiAreaM2(wutang.geometry)) / sum).toBeLessThan(1e-9)
    for (const c of cs) {
      expect(multiProblem(c.geometry), c.code).toBeNull()
      expect(pointInMulti(c.seed[0], c.seed[1], c.geometry)).toBe(true)
    }
  })

  it('puts 社区 nearest the seat and makes them smaller', () => {
    const cs = splitStreet(wutang, src.divisions)
    const d = (p: [number, number]) => distM(p[0], p[1], wutang.seat[0], wutang.seat[1])
    const urban = cs.filter((c) => c.urban)
    const rural = cs.filter((c) => !c.urban)
    expect(urban).toHaveLength(2)
    expect(Math.max(...urban.map((c) => d(c.seed)))).toBeLessThan(Math.min(...rural.map((c) => d(c.seed))))
    const mean = (xs: typeof cs) => xs.reduce((a, c) => a + multiAreaM2(c.geometry), 0) / xs.length
    expect(mean(urban)).toBeLessThan(mean(rural))
    expect(isUrbanCommunity('新区社区居委会')).toBe(true)
    expect(isUrbanCommunity('后郭村委会')).toBe(false)
  })

  it('is deterministic and keeps a single community whole', () => {
    expect(JSON.stringify(splitStreet(wutang, src.divisions))).toBe(JSON.stringify(splitStreet(wutang, src.divisions)))
    const cg = street(CHIGANG_CODE)
    const [only, ...rest] = splitStreet(cg, src.divisions)
    expect(rest).toHaveLength(0)
    expect(only!.name).toBe('赤港虚拟社区')
    expect(only!.geometry).toBe(cg.geometry)
  })
})
