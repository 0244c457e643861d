import { describe, expect, it } from 'vitest'
import { fromGeoJSON, multiAreaM2, pointInMulti } from './geom.ts'
import { readRegionSources } from './sources.ts'
import { buildStreets, CHIGANG_CODE, JIANGKOU_CODE } from './streets.ts'
import { multiProblem } from './validity.ts'

describe('buildStreets', () => {
  const src = readRegionSources()
  const streets = buildStreets(src)

  it('returns the 13 town-level units in code order, with CSV names', () => {
    const towns = src.divisions.filter((d) => d.level === 'town').sort((a, b) => (a.code < b.code ? -1 : 1))
    expect(streets.map((s) => s.code)).toEqual(towns.map((t) => t.code))
    expect(streets.map((s) => s.name)).toEqual(towns.map((t) => t.name))
    for (const s of streets) {
      expect(multiProblem(s.geometry), s.code).toBeNull()
      expect(pointInMulti(s.seat[0], s.seat[1], s.geometry), `seat of ${s.code}`).toBe(true)
    }
  })

  it('tiles the district', () => {
    const district = multiAreaM2(fromGeoJSON(src.boundary))
    const sum = streets.reduce((a, s) => a + multiAreaM2(s.geometry), 0)
    expect(Math.abs(sum - district) / district).toBeLessThan(1e-7)
  })

  it('carves 赤港开发区 (a few km²) out of 江口镇 on the bay shore', () => {
    const cg = streets.find((s) => s.code === CHIGANG_CODE)!
    const jk = streets.find((s) => s.code === JIANGKOU_CODE)!
    const a = multiAreaM2(cg.geometry) / 1e6
    expect(a).toBeGreaterThan(2)
    expect(a).toBeLessThan(6)
    const original = fromGeoJSON(src.towns.find((t) => t.code === JIANGKOU_CODE)!.geometry)
    expect(multiAreaM2(cg.geometry) + multiAreaM2(jk.geometry)).toBeCloseTo(multiAreaM2(original), 3)
    // it reaches the shore: some of its vertices are district-boundary vertices
    const boundary = new Set(fromGeoJSON(src.boundary)[0]![0]!.map((p) => p.join(',')))
    expect(cg.geometry[0]![0]!.filter((p) => boundary.has(p.join(','))).length).toBeGreaterThan(2)
  })
})
