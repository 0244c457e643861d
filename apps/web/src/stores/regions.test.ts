import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { freshPinia, mockFetch, square } from '../testing/utils.ts'
import { useNoticesStore } from './notices.ts'
import { LAYER_VISIBILITY_KEY, useRegionsStore } from './regions.ts'

const streets = {
  type: 'FeatureCollection',
  features: [
    square(2, { code: '350303001000', name: '涵东街道', level: 'street', parentCode: '350303000000' }, [119.1, 25.45]),
    square(3, { code: '350303002000', name: '涵西街道', level: 'street', parentCode: '350303000000' }, [119.11, 25.45]),
  ],
}
const streetLabels = {
  type: 'FeatureCollection',
  features: streets.features.map((f) => ({
    type: 'Feature',
    id: f.id,
    properties: { code: f.properties.code, name: f.properties.name, level: 'street' },
    geometry: { type: 'Point', coordinates: [119.105, 25.455] },
  })),
}
const empty = { type: 'FeatureCollection', features: [] }

beforeEach(() => {
  localStorage.clear()
  freshPinia()
})
afterEach(() => vi.unstubAllGlobals())

describe('regions store', () => {
  it('loads only the labels of a level drawn from tiles for a map, and the geometry when asked', async () => {
    const gridLabels = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 9, properties: { code: '350303001001001', name: '网格1', level: 'grid', bbox: [119, 25.4, 119.05, 25.45] }, geometry: { type: 'Point', coordinates: [119.02, 25.42] } }],
    }
    const grids = { type: 'FeatureCollection', features: [square(9, { code: '350303001001001', name: '网格1', level: 'grid', parentCode: '350303001001' }, [119.02, 25.42])] }
    const { calls } = mockFetch({ '/api/regions/labels?level=grid': { json: gridLabels }, '/api/regions?level=grid': { json: grids } })
    const store = useRegionsStore()
    await Promise.all([store.loadForMap('grid'), store.loadForMap('grid')])
    expect(calls).toEqual(['/api/regions/labels?level=grid'])
    expect(store.levels.grid).toMatchObject({ status: 'ready', count: 1 })
    expect(store.data.grid!.geometry).toBe(false)
    // A region is fitted by its label's box while its polygon is not loaded.
    expect(store.bounds('350303001001001')).toEqual([119, 25.4, 119.05, 25.45])
    expect(store.bounds('350303009009009')).toBeNull()
    await store.load('grid')
    expect(calls.filter((c) => c === '/api/regions?level=grid')).toHaveLength(1)
    expect(store.data.grid!.geometry).toBe(true)
    expect(store.feature('350303001001001')?.properties.name).toBe('网格1')
  })

  it('loads a level once, with its labels, and indexes it by code', async () => {
    const { calls } = mockFetch({
      '/api/regions?level=street': { json: streets },
      '/api/regions/labels?level=street': { json: streetLabels },
    })
    const store = useRegionsStore()
    expect(store.levels.street.status).toBe('idle')
    const p = store.load('street')
    expect(store.levels.street.status).toBe('loading')
    await Promise.all([p, store.load('street')])
    await store.load('street')
    expect([...calls].sort()).toEqual(['/api/regions/labels?level=street', '/api/regions?level=street'])
    expect(store.levels.street).toMatchObject({ status: 'ready', count: 2, error: null })
    expect(store.data.street!.labels.features).toHaveLength(2)
    expect(store.feature('350303002000')?.properties.name).toBe('涵西街道')
    expect(store.feature('nope')).toBeNull()
    // Streets get colour indexes for the fill palette.
    expect(store.data.street!.polygons.features.every((f) => typeof (f.properties as unknown as { color: unknown }).color === 'number')).toBe(true)
  })

  it('reports an empty level as ready with no regions', async () => {
    mockFetch({ '/api/regions?level=grid': { json: empty }, '/api/regions/labels?level=grid': { json: empty } })
    const store = useRegionsStore()
    await store.load('grid')
    expect(store.levels.grid).toMatchObject({ status: 'ready', count: 0 })
  })

  it('turns a failure into an error state and a retryable notice; a retry clears both', async () => {
    let fail = true
    mockFetch({
      '/api/regions?level=community': () =>
        fail ? { status: 500, json: { title: 'Internal error', status: 500, detail: 'An unexpected error occurred; it has been logged.' } } : { json: empty },
      '/api/regions/labels?level=community': { json: empty },
    })
    const store = useRegionsStore()
    const notices = useNoticesStore()
    await store.load('community')
    expect(store.levels.community.status).toBe('error')
    expect(notices.notices).toHaveLength(1)
    expect(notices.notices[0]).toMatchObject({ id: 'layer:community', context: 'errors.context.layer.community' })
    fail = false
    notices.notices[0]!.retry!()
    await vi.waitFor(() => expect(store.levels.community.status).toBe('ready'))
    expect(notices.notices).toHaveLength(0)
  })

  it('places labels itself when only the label endpoint fails, and says so', async () => {
    mockFetch({
      '/api/regions?level=street': { json: streets },
      '/api/regions/labels?level=street': { status: 503, text: 'unavailable' },
    })
    const store = useRegionsStore()
    await store.load('street')
    expect(store.levels.street.status).toBe('ready')
    expect(store.data.street!.labels.features.map((f) => f.properties.name)).toEqual(['涵东街道', '涵西街道'])
    expect(useNoticesStore().notices.map((n) => n.id)).toEqual(['labels:street'])
  })

  it('remembers which levels are shown', async () => {
    const store = useRegionsStore()
    expect(store.visible.grid).toBe(true)
    store.setVisible('grid', false)
    await vi.waitFor(() => expect(JSON.parse(localStorage.getItem(LAYER_VISIBILITY_KEY)!)).toMatchObject({ grid: false }))
    freshPinia()
    expect(useRegionsStore().visible.grid).toBe(false)
  })

  it('ignores a corrupt saved entry', () => {
    localStorage.setItem(LAYER_VISIBILITY_KEY, '{not json')
    expect(useRegionsStore().visible.street).toBe(true)
  })
})
