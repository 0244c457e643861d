import type { Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { EMPTY_DRAFT, addGrid, rename, retire, setGeometry, type BaseRegion } from './draft.ts'
import { draftItems, itemKeys } from './items.ts'

const sq = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] })
const published: Record<string, BaseRegion> = {
  '350303001001001': { code: '350303001001001', name: '一', parentCode: '350303001001', geometry: sq(0) },
  '350303001001002': { code: '350303001001002', name: '二', parentCode: '350303001001', geometry: sq(1) },
  '350303001001003': { code: '350303001001003', name: '三', parentCode: '350303001001', geometry: sq(2) },
}
const base = (c: string) => published[c] ?? null

describe('draftItems', () => {
  it('sends creates with parent and name, updates with only what changed, retirements, each with its base version', () => {
    let d = setGeometry(EMPTY_DRAFT, '350303001001001', sq(5), base)
    d = rename(d, '350303001001002', '新二', base)
    d = retire(d, '350303001001003', base)
    d = addGrid(d, { name: '新', parentCode: '350303001001', geometry: sq(9) }).draft
    const items = draftItems(d, new Map([['350303001001001', 3], ['350303001001002', 1], ['350303001001003', 2]]))
    expect(items).toEqual([
      { op: 'update', code: '350303001001001', baseVersion: 3, geometry: sq(5) },
      { op: 'update', code: '350303001001002', baseVersion: 1, name: '新二' },
      { op: 'retire', code: '350303001001003', baseVersion: 2 },
      { op: 'create', level: 'grid', parentCode: '350303001001', name: '新', geometry: sq(9) },
    ])
    expect(itemKeys(d)).toEqual(['350303001001001', '350303001001002', '350303001001003', 'new:1'])
  })
})
