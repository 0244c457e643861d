import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref, shallowRef } from 'vue'
import type { PatrolRoutesView } from '../api/patrol-routes.ts'
import { incidentLayerId, PATROL_SOURCE } from '../map/incident-layers.ts'
import type { RegionMap } from '../map/types.ts'
import { PATROL_ROUTES_VISIBLE_KEY, usePatrolRoutesStore } from '../stores/patrol-routes.ts'
import { useAuthStore } from '../stores/auth.ts'
import { asMap, createFakeMap } from '../testing/fake-map.ts'
import { freshPinia } from '../testing/utils.ts'
import { usePatrolRouteLayer } from './use-patrol-route-layer.ts'

const answer = (zoom: number, over: Partial<PatrolRoutesView> = {}): PatrolRoutesView => ({
  type: 'FeatureCollection',
  zoom,
  truncated: false,
  features: [
    {
      type: 'Feature',
      properties: { gridCode: '350303001001001', source: 'seed' },
      geometry: { type: 'LineString', coordinates: [[119.01, 25.47], [119.02, 25.47], [119.02, 25.48]] },
    },
  ],
  ...over,
})

function setup(visible = ref(false), fail = false) {
  const fake = createFakeMap(12.4)
  const calls: { bbox: number[]; zoom: number }[] = []
  const fetchRoutes = vi.fn(async (q: { bbox: [number, number, number, number]; zoom: number }) => {
    calls.push(q)
    if (fail) throw new Error('503')
    return answer(q.zoom, q.zoom < 11 ? { truncated: true } : {})
  })
  const scope = effectScope()
  const api = scope.run(() => usePatrolRouteLayer(shallowRef<RegionMap | null>(asMap(fake)), { visible, fetchRoutes, debounceMs: 200 }))!
  return { fake, calls, api, scope, visible, store: usePatrolRoutesStore() }
}

beforeEach(() => {
  freshPinia()
  localStorage.clear()
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('usePatrolRouteLayer', () => {
  it('stays hidden and asks nothing while switched off', async () => {
    const { fake, calls } = setup()
    fake.fire('moveend')
    await vi.advanceTimersByTimeAsync(300)
    expect(calls).toEqual([])
    expect(fake.layout.get(incidentLayerId.patrol)!.visibility).toBe('none')
  })

  it('switched on: asks for the padded view at the whole zoom level, draws the lines, counts them', async () => {
    const { fake, calls, visible, store } = setup()
    visible.value = true
    await vi.waitFor(() => expect(store.status).toBe('ready'))
    expect(fake.layout.get(incidentLayerId.patrol)!.visibility).toBe('visible')
    expect(calls).toHaveLength(1)
    expect(calls[0]!.zoom).toBe(12)
    const [w, s, e, n] = calls[0]!.bbox
    expect([w! < 118.9, s! < 25.3, e! > 119.3, n! > 25.6]).toEqual([true, true, true, true])
    expect((fake.data.get(PATROL_SOURCE) as GeoJSON.FeatureCollection).features).toHaveLength(1)
    expect(store.count).toBe(1)
    expect(store.truncated).toBe(false)
  })

  it('asks again only when the view leaves the box or the whole zoom level changes (debounced)', async () => {
    const { fake, calls, visible, store } = setup()
    visible.value = true
    await vi.waitFor(() => expect(store.status).toBe('ready'))
    // A small pan and a fractional zoom inside the same level: nothing.
    fake.state.bounds = [118.92, 25.31, 119.32, 25.61]
    fake.state.zoom = 12.9
    fake.fire('moveend')
    await vi.advanceTimersByTimeAsync(300)
    expect(calls).toHaveLength(1)
    // Zoomed out two levels: once, after the map settles.
    fake.state.zoom = 10.2
    fake.state.bounds = [118.6, 25.1, 119.6, 25.8]
    fake.fire('moveend')
    fake.fire('moveend')
    await vi.advanceTimersByTimeAsync(300)
    expect(calls).toHaveLength(2)
    expect(calls[1]!.zoom).toBe(10)
    await vi.waitFor(() => expect(store.truncated).toBe(true))
  })

  it('switched off hides the line layer and stops asking; on again, it reuses the answer that still covers the view', async () => {
    const { fake, calls, visible, store } = setup()
    visible.value = true
    await vi.waitFor(() => expect(store.status).toBe('ready'))
    visible.value = false
    await nextTick()
    expect(fake.layout.get(incidentLayerId.patrol)!.visibility).toBe('none')
    fake.state.zoom = 14
    fake.fire('moveend')
    await vi.advanceTimersByTimeAsync(300)
    expect(calls).toHaveLength(1)
    fake.state.zoom = 12.2
    visible.value = true
    await nextTick()
    expect(fake.layout.get(incidentLayerId.patrol)!.visibility).toBe('visible')
    expect(calls).toHaveLength(1)
  })

  it('reports a failure and asks again on retry', async () => {
    const { calls, visible, store } = setup(ref(false), true)
    visible.value = true
    await vi.waitFor(() => expect(store.status).toBe('error'))
    store.reload()
    await vi.waitFor(() => expect(calls).toHaveLength(2))
  })
})

describe('the patrol routes switch', () => {
  it('is off by default, remembered, and offered only to roles with a patrol view', () => {
    const auth = useAuthStore()
    const store = usePatrolRoutesStore()
    expect(store.wanted).toBe(false)
    auth.user = { roles: ['handler'] } as never
    store.setVisible(true)
    expect(store.available).toBe(false)
    expect(store.visible).toBe(false)
    auth.user = { roles: ['dispatcher'] } as never
    expect(store.visible).toBe(true)
    return nextTick().then(() => expect(localStorage.getItem(PATROL_ROUTES_VISIBLE_KEY)).toBe('true'))
  })
})
