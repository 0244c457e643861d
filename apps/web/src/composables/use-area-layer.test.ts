import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref, shallowRef } from 'vue'
import { AREA_SOURCE, HATCH_IMAGE, areaLayerId } from '../map/overlays.ts'
import type { RegionMap } from '../map/types.ts'
import { useAreasStore } from '../stores/areas.ts'
import { asMap, createFakeMap } from '../testing/fake-map.ts'
import { areaCollection } from '../testing/fixtures.ts'
import { freshPinia, mockFetch } from '../testing/utils.ts'
import { appliesTo, areasOf, useAreaLayer } from './use-area-layer.ts'

beforeEach(() => {
  localStorage.clear()
  freshPinia()
})
afterEach(() => vi.unstubAllGlobals())

const rendered = (id: number, over: Record<string, unknown> = {}) => ({
  source: AREA_SOURCE,
  properties: { id, name: `a${id}`, unitCode: 'u', unitName: '单位', classCode: '0105', className: '道路交通设施', geometryKind: 'line', bufferM: 30, lengthM: 100, ...over },
})

function setup(focus = ref<string | null>(null), highlight = ref<number | null>(null)) {
  const fake = createFakeMap()
  const map = shallowRef<RegionMap | null>(asMap(fake))
  const scope = effectScope()
  const api = scope.run(() => useAreaLayer(map, { focusClass: focus, highlight }))!
  return { fake, scope, api, focus, highlight }
}

const at = { point: { x: 50, y: 60 }, lngLat: { lng: 119.14, lat: 25.515 } } as never

describe('areasOf', () => {
  it('keeps each area once, only from the area source, with typed properties', () => {
    const list = areasOf([
      rendered(1),
      rendered(1),
      rendered(6, { geometryKind: 'polygon', bufferM: null, areaM2: 2.5e6, lengthM: null }),
      { source: 'regions-street', properties: { id: 3 } },
    ])
    expect(list.map((a) => a.id)).toEqual([1, 6])
    expect(list[0]).toMatchObject({ geometryKind: 'line', bufferM: 30, unitName: '单位' })
    expect(list[1]).toMatchObject({ geometryKind: 'polygon', bufferM: null, areaM2: 2.5e6 })
  })
})

describe('appliesTo', () => {
  it('is true for the class itself and its ancestors', () => {
    expect(appliesTo('0105', '010501')).toBe(true)
    expect(appliesTo('02', '020602')).toBe(true)
    expect(appliesTo('020607', '020602')).toBe(false)
  })
})

describe('useAreaLayer', () => {
  it('is hidden and not loaded until switched on; then loads, draws with the hatch and shows every area layer', async () => {
    const { calls } = mockFetch({ '/api/areas': { json: areaCollection() } })
    const { fake } = setup()
    expect(calls).toEqual([])
    expect(fake.layout.get(areaLayerId.fill)!.visibility).toBe('none')
    useAreasStore().setVisible(true)
    await nextTick()
    expect(fake.layout.get(areaLayerId.buffer)!.visibility).toBe('visible')
    expect(fake.layout.get(areaLayerId.lineLabel)!.visibility).toBe('visible')
    await vi.waitFor(() => expect(fake.data.get(AREA_SOURCE)).toBeDefined())
    expect(calls).toEqual(['/api/areas'])
    expect(fake.images.has(HATCH_IMAGE)).toBe(true)
    expect((fake.data.get(AREA_SOURCE) as GeoJSON.FeatureCollection).features).toHaveLength(2)
  })

  it('a click on an area picks it (with a few pixels of slack) and takes the click; elsewhere it lets it through', async () => {
    mockFetch({ '/api/areas': { json: areaCollection() } })
    const { fake, api } = setup()
    const areas = useAreasStore()
    // Off: never takes clicks.
    fake.state.rendered = [rendered(1)]
    expect(api.tool.click!(at)).toBe(false)
    areas.setVisible(true)
    await vi.waitFor(() => expect(areas.status).toBe('ready'))
    expect(api.tool.click!(at)).toBe(true)
    expect(areas.picked.map((a) => a.id)).toEqual([1])
    const [box, opts] = fake.queryRenderedFeatures.mock.calls.at(-1)! as unknown as [number[][], { layers: string[] }]
    expect(box).toEqual([[46, 56], [54, 64]])
    expect(opts.layers).toEqual([areaLayerId.line, areaLayerId.buffer, areaLayerId.fill])
    await nextTick()
    expect(fake.setFeatureState).toHaveBeenCalledWith({ source: AREA_SOURCE, id: 1 }, { picked: true })

    fake.state.rendered = []
    expect(api.tool.click!(at)).toBe(false)
    expect(areas.isOpen).toBe(false)
  })

  it('highlights the hovered area with a pointer, and clears it when the pointer leaves', async () => {
    mockFetch({ '/api/areas': { json: areaCollection() } })
    const { fake, api } = setup()
    useAreasStore().setVisible(true)
    await vi.waitFor(() => expect(useAreasStore().status).toBe('ready'))
    fake.state.rendered = [rendered(1)]
    expect(api.tool.hover!(at)).toBe('pointer')
    expect(fake.setFeatureState).toHaveBeenLastCalledWith({ source: AREA_SOURCE, id: 1 }, { hover: true })
    expect(api.tool.hover!(null)).toBeNull()
    expect(fake.setFeatureState).toHaveBeenLastCalledWith({ source: AREA_SOURCE, id: 1 }, { hover: false })
  })

  it('fades the areas that do not apply to the class in focus', async () => {
    mockFetch({ '/api/areas': { json: areaCollection() } })
    const { fake, focus } = setup()
    useAreasStore().setVisible(true)
    await vi.waitFor(() => expect(useAreasStore().status).toBe('ready'))
    await nextTick()
    expect(fake.setFeatureState).toHaveBeenCalledWith({ source: AREA_SOURCE, id: 1 }, { dim: false })
    focus.value = '010501'
    await nextTick()
    expect(fake.setFeatureState).toHaveBeenCalledWith({ source: AREA_SOURCE, id: 1 }, { dim: false })
    expect(fake.setFeatureState).toHaveBeenCalledWith({ source: AREA_SOURCE, id: 6 }, { dim: true })
  })

  it('highlights the deciding area, loading the areas for it even while the layer is off', async () => {
    const { calls } = mockFetch({ '/api/areas': { json: areaCollection() } })
    const { fake, highlight } = setup()
    expect(fake.setFilter).toHaveBeenCalledWith(areaLayerId.winner, ['==', ['get', 'id'], -1])
    expect(calls).toEqual([])
    highlight.value = 1
    await nextTick()
    expect(fake.setFilter).toHaveBeenCalledWith(areaLayerId.winner, ['==', ['get', 'id'], 1])
    expect(fake.setFilter).toHaveBeenCalledWith(areaLayerId.winnerBuffer, ['all', ['==', ['geometry-type'], 'LineString'], ['==', ['get', 'id'], 1]])
    await vi.waitFor(() => expect(fake.data.get(AREA_SOURCE)).toBeDefined())
    expect(calls).toEqual(['/api/areas'])
    // The layer itself stays off.
    expect(fake.layout.get(areaLayerId.line)!.visibility).toBe('none')
  })
})
