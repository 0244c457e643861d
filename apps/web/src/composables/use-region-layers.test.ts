import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import type { RegionMap } from '../map/types.ts'
import { useMapViewStore } from '../stores/map-view.ts'
import { useRegionsStore } from '../stores/regions.ts'
import { freshPinia, mockFetch, square } from '../testing/utils.ts'
import { asMap, createFakeMap } from '../testing/fake-map.ts'
import { useRegionLayers } from './use-region-layers.ts'

const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features })
const district = fc([square(1, { code: '350303000000', name: '涵江区', level: 'district', parentCode: null }, [119, 25.3], 0.3)])
const street = fc([square(2, { code: '350303001000', name: '涵东街道', level: 'street', parentCode: '350303000000' }, [119.1, 25.45])])

let routes: ReturnType<typeof mockFetch>
beforeEach(() => {
  localStorage.clear()
  freshPinia()
  routes = mockFetch({
    '/api/regions?level=district': { json: district },
    '/api/regions?level=street': { json: street },
    '/api/regions?level=community': { json: fc([]) },
    '/api/regions?level=grid': { json: fc([]) },
    '/api/regions/labels?level=district': { json: fc([]) },
    '/api/regions/labels?level=street': { json: fc([]) },
    '/api/regions/labels?level=community': { json: fc([]) },
    '/api/regions/labels?level=grid': { json: fc([]) },
  })
})
afterEach(() => vi.unstubAllGlobals())

function setup(zoom = 10.5) {
  const fake = createFakeMap(zoom)
  const map = shallowRef<RegionMap | null>(null)
  const scope = effectScope()
  const api = scope.run(() => useRegionLayers(map))!
  return { fake, map, scope, api }
}

describe('useRegionLayers', () => {
  it('does nothing until the map is ready, then loads the levels near the current zoom', async () => {
    const { fake, map } = setup(10.5)
    await nextTick()
    expect(routes.calls).toEqual([])
    map.value = asMap(fake)
    await vi.waitFor(() => expect(useRegionsStore().levels.street.status).toBe('ready'))
    await vi.waitFor(() => expect(useRegionsStore().levels.community.status).toBe('ready'))
    const levels = routes.calls.filter((c) => c.startsWith('/api/regions')).sort()
    // z10.5: district and streets are shown, communities (z11) are prefetched, grids (z13) wait. Communities and grids
    // draw their polygons from vector tiles: only their labels are fetched.
    expect(levels).toEqual([
      '/api/regions/labels?level=community',
      '/api/regions/labels?level=district',
      '/api/regions/labels?level=street',
      '/api/regions?level=district',
      '/api/regions?level=street',
    ])
    expect(fake.data.has('regions-community')).toBe(false)
  })

  it('pushes loaded data into the sources, draws the outside veil and fits the district once', async () => {
    const { fake, map } = setup()
    map.value = asMap(fake)
    await vi.waitFor(() => expect(fake.data.get('regions-street')).toBeDefined())
    expect(fake.data.get('regions-district')).toMatchObject({ type: 'FeatureCollection' })
    expect(fake.data.get('district-mask')).toMatchObject({ features: [{ geometry: { type: 'Polygon' } }] })
    expect(fake.fitBounds).toHaveBeenCalledTimes(1)
    expect(fake.fitBounds.mock.calls[0]![0]).toEqual([119, 25.3, 119.3, 25.6])
    expect(useMapViewStore().rendering).toBe(true)
    fake.fire('idle')
    expect(useMapViewStore().rendering).toBe(false)
  })

  it('loads grids when the user zooms in', async () => {
    const { fake, map } = setup(10)
    map.value = asMap(fake)
    await vi.waitFor(() => expect(useRegionsStore().levels.street.status).toBe('ready'))
    expect(routes.calls).not.toContain('/api/regions/labels?level=grid')
    fake.state.zoom = 12.4
    fake.fire('zoom')
    expect(useMapViewStore().zoom).toBe(12.4)
    await vi.waitFor(() => expect(routes.calls).toContain('/api/regions/labels?level=grid'))
    // The polygons come as vector tiles: never the whole layer.
    expect(routes.calls).not.toContain('/api/regions?level=grid')
  })

  it('applies the checkboxes to the layers and does not load a hidden level', async () => {
    const regions = useRegionsStore()
    regions.setVisible('community', false)
    const { fake, map } = setup(12)
    map.value = asMap(fake)
    await nextTick()
    expect(fake.layout.get('region-community-fill')!.visibility).toBe('none')
    expect(fake.layout.get('region-street-fill')!.visibility).toBe('visible')
    expect(routes.calls.filter((c) => c.includes('level=community'))).toEqual([])
    regions.setVisible('street', false)
    await nextTick()
    expect(fake.layout.get('region-street-label')!.visibility).toBe('none')
  })

  it('detaches its listeners when disposed', async () => {
    const { fake, map, scope } = setup()
    map.value = asMap(fake)
    await nextTick()
    expect(fake.listeners('zoom')).toBe(1)
    scope.stop()
    expect(fake.listeners('zoom')).toBe(0)
    expect(fake.listeners('idle')).toBe(0)
  })

  it('fitDistrict animates back to the district', async () => {
    const { fake, map, api } = setup()
    map.value = asMap(fake)
    await vi.waitFor(() => expect(fake.fitBounds).toHaveBeenCalledTimes(1))
    api.fitDistrict()
    expect(fake.fitBounds).toHaveBeenCalledTimes(2)
    expect(fake.fitBounds.mock.calls[1]![1]).toMatchObject({ duration: 600 })
  })
})

describe('useRegionLayers initial fit', () => {
  it('can be cancelled when the view is going elsewhere', async () => {
    const fake = createFakeMap()
    const map = shallowRef<RegionMap | null>(null)
    const scope = effectScope()
    const api = scope.run(() => useRegionLayers(map))!
    api.cancelInitialFit()
    map.value = asMap(fake)
    await vi.waitFor(() => expect(fake.data.get('regions-district')).toBeDefined())
    expect(fake.fitBounds).not.toHaveBeenCalled()
    scope.stop()
  })
})
