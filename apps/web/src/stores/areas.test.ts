import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { areaCollection, areaProps as props } from '../testing/fixtures.ts'
import { freshPinia, mockFetch } from '../testing/utils.ts'
import { AREAS_VISIBLE_KEY, colourByUnit, orderPicked, useAreasStore } from './areas.ts'
import { useNoticesStore } from './notices.ts'

beforeEach(() => {
  localStorage.clear()
  freshPinia()
})
afterEach(() => vi.unstubAllGlobals())

describe('colourByUnit', () => {
  it('gives one colour per unit, in unit-code order', () => {
    const fc = areaCollection()
    fc.features.push({ ...fc.features[0]!, id: 2, properties: props(2) })
    colourByUnit(fc)
    expect(fc.features.map((f) => f.properties.color)).toEqual([1, 0, 1])
  })
})

describe('orderPicked', () => {
  it('puts lines first, then smaller polygons, then by id', () => {
    const big = props(9, { geometryKind: 'polygon', areaM2: 700e6 })
    const small = props(7, { geometryKind: 'polygon', areaM2: 2e6 })
    const road = props(3)
    expect(orderPicked([big, small, road]).map((a) => a.id)).toEqual([3, 7, 9])
  })
})

describe('areas store', () => {
  it('is hidden by default and remembers being shown', async () => {
    const areas = useAreasStore()
    expect(areas.visible).toBe(false)
    areas.setVisible(true)
    await Promise.resolve()
    expect(localStorage.getItem(AREAS_VISIBLE_KEY)).toBe('true')
    freshPinia()
    expect(useAreasStore().visible).toBe(true)
  })

  it('loads the areas once, coloured by unit, and finds one by id', async () => {
    const { calls } = mockFetch({ '/api/areas': { json: areaCollection() } })
    const areas = useAreasStore()
    await Promise.all([areas.load(), areas.load()])
    await areas.load()
    expect(calls).toEqual(['/api/areas'])
    expect(areas.status).toBe('ready')
    expect(areas.count).toBe(2)
    expect(areas.feature(6)?.properties.color).toBe(0)
    expect(areas.feature(42)).toBeNull()
  })

  it('reports a failure in the banner and can retry', async () => {
    let fail = true
    mockFetch({ '/api/areas': () => (fail ? { status: 503, json: { title: 'Service unavailable', status: 503, detail: '数据库暂时不可用' } } : { json: areaCollection() }) })
    const areas = useAreasStore()
    await areas.load()
    expect(areas.status).toBe('error')
    const notices = useNoticesStore()
    expect(notices.notices.map((n) => n.context)).toEqual(['errors.context.areas'])
    fail = false
    notices.notices[0]!.retry!()
    await vi.waitFor(() => expect(areas.status).toBe('ready'))
    expect(notices.notices).toEqual([])
  })

  it('keeps the clicked areas until cleared or hidden', () => {
    const areas = useAreasStore()
    areas.pick([props(6, { geometryKind: 'polygon', areaM2: 5 }), props(1)])
    expect(areas.isOpen).toBe(true)
    expect(areas.picked.map((a) => a.id)).toEqual([1, 6])
    areas.clearPick()
    expect(areas.isOpen).toBe(false)
    areas.pick([props(1)])
    areas.setVisible(false)
    expect(areas.isOpen).toBe(false)
  })
})
