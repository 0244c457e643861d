import { describe, expect, it } from 'vitest'
import type { Community } from './communities.ts'
import { multiAreaM2, type MultiPoly } from './geom.ts'
import { buildGrids, planFor, shortName } from './grids.ts'
import { multiProblem } from './validity.ts'

/** A square community of `km` km side around a point in the urban south of the district. */
function square(code: string, parentCode: string, km: number, urban: boolean): Community {
  const [x, y] = [119.1101, 25.4551]
  const dx = km / 100.579 / 2
  const dy = km / 110.78 / 2
  const geometry: MultiPoly = [[[[x - dx, y - dy], [x + dx, y - dy], [x + dx, y + dy], [x - dx, y + dy]]]]
  return { code, name: urban ? '测试社区居委会' : '测试村委会', parentCode, geometry, seed: [x, y], urban }
}

function expectTiles(c: Community, grids: ReturnType<typeof buildGrids>): void {
  const sum = grids.reduce((a, g) => a + multiAreaM2(g.geometry), 0)
  expect(Math.abs(sum - multiAreaM2(c.geometry)) / sum).toBeLessThan(1e-9)
  for (const g of grids) expect(multiProblem(g.geometry), g.code).toBeNull()
  grids.forEach((g, i) => expect(g.code).toBe(c.code + String(i + 1).padStart(3, '0')))
}

describe('buildGrids', () => {
  it('cuts urban communities into a ~150 m lattice, numbered north-west to south-east', () => {
    const c = square('350303002099', '350303002000', 1.0, true)
    expect(planFor(c)).toEqual({ kind: 'lattice', size: 150 })
    const grids = buildGrids(c)
    expectTiles(c, grids)
    expect(grids.length).toBeGreaterThanOrEqual(36)
    expect(grids.length).toBeLessThanOrEqual(64)
    const full = grids.map((g) => multiAreaM2(g.geometry)).filter((a) => a > 150 * 150 * 0.99)
    expect(full.length).toBeGreaterThan(20)
    for (const a of full) expect(a).toBeCloseTo(150 * 150, -1)
    // first grid is in the north-west corner
    const first = grids[0]!.geometry[0]![0]!
    const last = grids[grids.length - 1]!.geometry[0]![0]!
    expect(Math.max(...first.map((p) => p[1]))).toBeGreaterThan(Math.max(...last.map((p) => p[1])))
    expect(grids[0]!.name).toBe('测试社区001网格')
  })

  it('grows the cell when a community would exceed 999 grids', () => {
    const c = square('350303100099', '350303100000', 7, false) // 49 km² at 200 m would be ~1,250 cells
    const grids = buildGrids(c)
    expect(grids.length).toBeLessThanOrEqual(999)
    expect(grids.length).toBeGreaterThan(600)
    expectTiles(c, grids)
  })

  it('splits rural communities into 3–12 Voronoi grids', () => {
    const small = square('350303105099', '350303105000', 0.8, false)
    expect(planFor(small).kind).toBe('voronoi')
    expect(buildGrids(small)).toHaveLength(3)
    const big = square('350303105098', '350303105000', 4, false)
    const grids = buildGrids(big)
    expect(grids).toHaveLength(12)
    expectTiles(big, grids)
    expect(grids[0]!.name).toBe('测试村001网格')
    expect(JSON.stringify(buildGrids(big))).toBe(JSON.stringify(grids))
  })

  it('shortens committee names', () => {
    expect(shortName('新区社区居委会')).toBe('新区社区')
    expect(shortName('后郭村委会')).toBe('后郭村')
    expect(shortName('赤港虚拟社区')).toBe('赤港虚拟社区')
  })
})
