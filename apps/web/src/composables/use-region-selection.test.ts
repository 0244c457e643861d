import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import type { RegionMap } from '../map/types.ts'
import { useRegionsStore } from '../stores/regions.ts'
import { useSelectionStore } from '../stores/selection.ts'
import { freshPinia, mockFetch, square } from '../testing/utils.ts'
import { asMap, createFakeMap } from '../testing/fake-map.ts'
import { pickRegion, useRegionSelection } from './use-region-selection.ts'

const feat = (level: string, code: string, id: number) => ({
  id,
  source: `regions-${level}`,
  properties: { code, name: `${level}-${code}`, level },
})

beforeEach(() => freshPinia())
afterEach(() => vi.unstubAllGlobals())

describe('pickRegion', () => {
  it('takes the finest level under the pointer', () => {
    const picked = pickRegion([feat('district', '350303000000', 1), feat('grid', '350303001001007', 9), feat('street', '350303001000', 2)])
    expect(picked).toMatchObject({ code: '350303001001007', level: 'grid', source: 'regions-grid', id: 9 })
  })

  it('ignores features that are not regions', () => {
    expect(pickRegion([{ id: 1, source: 'basemap:xyz', properties: { code: 'x', level: 'street' } }])).toBeNull()
    expect(pickRegion([{ id: 1, source: 'regions-street', properties: { name: 'no code' } }])).toBeNull()
    expect(pickRegion([])).toBeNull()
  })
})

describe('useRegionSelection', () => {
  function setup() {
    const fake = createFakeMap()
    const map = shallowRef<RegionMap | null>(asMap(fake))
    const scope = effectScope()
    const api = scope.run(() => useRegionSelection(map))!
    return { fake, map, scope, api }
  }

  it('selects the clicked region and outlines it', async () => {
    mockFetch({ '/api/regions/': { json: { code: '350303001000', name: '涵东街道', level: 'street', parents: [] } } })
    const { fake } = setup()
    fake.state.rendered = [feat('district', '350303000000', 1), feat('street', '350303001000', 2)]
    fake.fire('click', { point: { x: 10, y: 10 } })
    const sel = useSelectionStore()
    expect(sel.code).toBe('350303001000')
    expect(sel.hint).toEqual({ name: 'street-350303001000', level: 'street' })
    // Only visible clickable layers are queried.
    expect(fake.queryRenderedFeatures.mock.calls[0]![1]).toEqual({
      layers: ['region-grid-fill', 'region-community-fill', 'region-street-fill', 'region-district-fill'],
    })
    await nextTick()
    expect(fake.setFilter).toHaveBeenCalledWith('region-street-selected', ['==', ['get', 'code'], '350303001000'])
  })

  it('clears the selection when clicking outside every region', () => {
    mockFetch({ '/api/regions/': { json: {} } })
    const { fake } = setup()
    const sel = useSelectionStore()
    void sel.select('350303001000')
    fake.state.rendered = []
    fake.fire('click', { point: { x: 1, y: 1 } })
    expect(sel.isOpen).toBe(false)
  })

  it('skips hidden levels when picking', () => {
    const { fake } = setup()
    fake.layout.get('region-grid-fill')!.visibility = 'none'
    fake.fire('click', { point: { x: 1, y: 1 } })
    expect(fake.queryRenderedFeatures.mock.calls[0]![1]!.layers).not.toContain('region-grid-fill')
  })

  it('highlights the hovered region and shows a pointer', () => {
    const { fake } = setup()
    fake.state.rendered = [feat('community', '350303001001', 14)]
    fake.fire('mousemove', { point: { x: 5, y: 5 } })
    expect(fake.setFeatureState).toHaveBeenLastCalledWith({ source: 'regions-community', id: 14 }, { hover: true })
    expect(fake.getCanvas().style.cursor).toBe('pointer')
    fake.fire('mouseout')
    expect(fake.setFeatureState).toHaveBeenLastCalledWith({ source: 'regions-community', id: 14 }, { hover: false })
    expect(fake.getCanvas().style.cursor).toBe('')
  })

  it('focus fits a loaded region, and reports when it cannot', async () => {
    mockFetch({
      '/api/regions?level=street': { json: { type: 'FeatureCollection', features: [square(2, { code: '350303001000', name: '涵东街道', level: 'street', parentCode: null }, [119.1, 25.45], 0.02)] } },
      '/api/regions/labels?level=street': { json: { type: 'FeatureCollection', features: [] } },
    })
    const { fake, api } = setup()
    expect(api.focus('350303001000')).toBe(false)
    await useRegionsStore().load('street')
    expect(api.focus('350303001000')).toBe(true)
    const b = fake.fitBounds.mock.calls[0]![0] as number[]
    ;[119.1, 25.45, 119.12, 25.47].forEach((v, i) => expect(b[i]).toBeCloseTo(v, 9))
    // Beside a side panel, or above a bottom sheet (phones), never asking for more room than the map has.
    Object.defineProperty(fake.getCanvas(), 'clientWidth', { value: 1000 })
    Object.defineProperty(fake.getCanvas(), 'clientHeight', { value: 700 })
    api.focus('350303001000', 400)
    expect(fake.fitBounds.mock.calls[1]![1]).toMatchObject({ padding: { top: 56, left: 56, right: 456, bottom: 56 } })
    api.focus('350303001000', { bottom: 10_000 })
    const pad = (fake.fitBounds.mock.calls[2]![1] as { padding: { top: number; bottom: number } }).padding
    expect(pad.top + pad.bottom).toBeLessThan(700)
  })

  it('lets tools take a click first; an untaken click still selects the region', () => {
    mockFetch({ '/api/regions/': { json: {} } })
    const fake = createFakeMap()
    const map = shallowRef<RegionMap | null>(asMap(fake))
    let take = true
    const tool = { click: vi.fn(() => take), hover: vi.fn(() => (take ? 'crosshair' : null)) }
    const scope = effectScope()
    scope.run(() => useRegionSelection(map, { tools: [tool] }))
    fake.state.rendered = [feat('street', '350303001000', 2)]
    const sel = useSelectionStore()
    fake.fire('click', { point: { x: 3, y: 3 } })
    expect(tool.click).toHaveBeenCalledTimes(1)
    expect(sel.isOpen).toBe(false)
    expect(fake.queryRenderedFeatures).not.toHaveBeenCalled()
    // A claimed pointer shows the tool's cursor and highlights no region.
    fake.fire('mousemove', { point: { x: 3, y: 3 } })
    expect(fake.getCanvas().style.cursor).toBe('crosshair')
    expect(fake.setFeatureState).not.toHaveBeenCalled()
    take = false
    fake.fire('mousemove', { point: { x: 3, y: 3 } })
    expect(fake.setFeatureState).toHaveBeenLastCalledWith({ source: 'regions-street', id: 2 }, { hover: true })
    fake.fire('click', { point: { x: 3, y: 3 } })
    expect(sel.code).toBe('350303001000')
    fake.fire('mouseout')
    expect(tool.hover).toHaveBeenLastCalledWith(null)
    scope.stop()
  })

  it('detaches on dispose', () => {
    const { fake, scope } = setup()
    expect(fake.listeners('click')).toBe(1)
    scope.stop()
    expect(fake.listeners('click')).toBe(0)
    expect(fake.listeners('mousemove')).toBe(0)
  })
})
