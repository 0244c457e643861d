import type { Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { EMPTY_DRAFT, addGrid, currentGeometry, draftSize, push, redo, rename, retire, setGeometry, setParent, startHistory, undo, type BaseRegion } from './draft.ts'

const sq = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] })
const published: Record<string, BaseRegion> = {
  '350303001001001': { code: '350303001001001', name: '网格1', parentCode: '350303001001', geometry: sq(0) },
}
const base = (code: string) => published[code] ?? null

describe('draft', () => {
  it('records a geometry edit as an update with before/after, and drops it when undone by hand', () => {
    const d1 = setGeometry(EMPTY_DRAFT, '350303001001001', sq(5), base)
    expect(d1.regions['350303001001001']).toMatchObject({ op: 'update', code: '350303001001001', before: sq(0), after: sq(5) })
    expect(currentGeometry(d1, '350303001001001', base)).toEqual(sq(5))
    expect(draftSize(setGeometry(d1, '350303001001001', sq(0), base))).toBe(0)
  })
  it('adds new grids with their own keys; a retired new grid leaves, a retired published one stays as retire', () => {
    const { draft, key } = addGrid(EMPTY_DRAFT, { name: '新网格', parentCode: '350303001001', geometry: sq(2) })
    expect(key).toBe('new:1')
    expect(addGrid(draft, { name: 'b', parentCode: 'p', geometry: sq(3) }).key).toBe('new:2')
    expect(draftSize(retire(draft, key, base))).toBe(0)
    const r = retire(draft, '350303001001001', base)
    expect(r.regions['350303001001001']).toMatchObject({ op: 'retire', after: null })
    expect(currentGeometry(r, '350303001001001', base)).toBeNull()
  })
  it('renames, and re-parents only new grids', () => {
    expect(rename(EMPTY_DRAFT, '350303001001001', '新名', base).regions['350303001001001']?.name).toBe('新名')
    const { draft, key } = addGrid(EMPTY_DRAFT, { name: 'x', parentCode: 'a', geometry: sq(2) })
    expect(setParent(draft, key, 'b').regions[key]?.parentCode).toBe('b')
    const upd = setGeometry(EMPTY_DRAFT, '350303001001001', sq(5), base)
    expect(setParent(upd, '350303001001001', 'b')).toBe(upd)
  })
  it('undoes and redoes whole steps', () => {
    let h = startHistory()
    const d1 = setGeometry(h.present, '350303001001001', sq(5), base)
    h = push(h, d1)
    h = push(h, rename(h.present, '350303001001001', 'n', base))
    h = undo(h)
    expect(h.present).toBe(d1)
    h = undo(h)
    expect(draftSize(h.present)).toBe(0)
    expect(undo(h)).toBe(h)
    h = redo(redo(h))
    expect(h.present.regions['350303001001001']?.name).toBe('n')
    expect(push(undo(h), EMPTY_DRAFT).future).toEqual([])
  })
})
