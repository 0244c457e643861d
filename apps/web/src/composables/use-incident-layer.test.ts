import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref, shallowRef } from 'vue'
import type { IncidentMapFilters, IncidentMapQuery, IncidentMapView } from '../api/incident-map.ts'
import { INCIDENT_SOURCE, incidentLayerId } from '../map/incident-layers.ts'
import type { RegionMap } from '../map/types.ts'
import { freshPinia } from '../testing/utils.ts'
import { asMap, createFakeMap } from '../testing/fake-map.ts'
import { patchPoints, requestKey, useIncidentLayer } from './use-incident-layer.ts'

const filters = (over: Partial<IncidentMapFilters> = {}): IncidentMapFilters => ({ states: [], fineClass: null, unit: null, street: null, from: null, to: null, ...over })

const clusters = (): IncidentMapView => ({
  mode: 'clusters',
  zoom: 11,
  bbox: [118.8, 25.2, 119.4, 25.7],
  total: 31,
  truncated: false,
  clusters: [{ id: '11/1/2', lng: 119.02, lat: 25.48, count: 30, byState: { reported: 30 }, urgent: 2, overdue: 1 }],
  points: [{ code: 'HJ1', lng: 119.15, lat: 25.42, state: 'reported', track: 'urgent', overdue: false, fineClass: '010502', unitCode: null }],
})

function setup(f = ref(filters()), visible = ref(true)) {
  const fake = createFakeMap(11)
  const map = shallowRef<RegionMap | null>(asMap(fake))
  const calls: IncidentMapQuery[] = []
  const fetchView = vi.fn(async (q: IncidentMapQuery, _signal: AbortSignal) => {
    calls.push(q)
    return clusters()
  })
  const picked: string[] = []
  const scope = effectScope()
  const api = scope.run(() =>
    useIncidentLayer(map, { filters: f, visible, live: false, fetchView, debounceMs: 200, liveRefreshMs: 1000, onPick: (c) => picked.push(c) }),
  )!
  return { fake, map, api, calls, fetchView, scope, f, visible, picked }
}

beforeEach(() => {
  freshPinia()
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('requestKey', () => {
  it('changes with the filters and the whole zoom level below the points zoom, not within points', () => {
    expect(requestKey(filters(), 11.2)).toBe(requestKey(filters(), 11.9))
    expect(requestKey(filters(), 11.2)).not.toBe(requestKey(filters(), 12.1))
    expect(requestKey(filters(), 15.2)).toBe(requestKey(filters(), 17))
    expect(requestKey(filters({ unit: 'water' }), 11)).not.toBe(requestKey(filters(), 11))
  })
})

describe('patchPoints', () => {
  it('updates a shown incident, drops it when the state filter no longer admits it, ignores others', () => {
    const v = clusters()
    const e = { id: 9, code: 'HJ1', action: 'dispatch', fromState: 'registered', toState: 'dispatched', state: 'dispatched', at: '' }
    expect(patchPoints(v, e, filters())!.points[0]!.state).toBe('dispatched')
    expect(patchPoints(v, e, filters({ states: ['reported'] }))!.points).toHaveLength(0)
    expect(patchPoints(v, { ...e, code: 'HJ2' }, filters())).toBeNull()
    expect(patchPoints(v, { ...e, state: 'closed' }, filters())!.points[0]!.overdue).toBe(false)
  })
})

describe('useIncidentLayer', () => {
  it('asks for the padded view at once, draws clusters and points into the source', async () => {
    const { fake, calls, api } = setup()
    await vi.waitFor(() => expect(api.status.value).toBe('ready'))
    expect(calls).toHaveLength(1)
    const [w, s, e, n] = calls[0]!.bbox
    expect(w).toBeLessThan(118.9)
    expect(e).toBeGreaterThan(119.3)
    expect(s).toBeLessThan(25.3)
    expect(n).toBeGreaterThan(25.6)
    expect(calls[0]!.zoom).toBe(11)
    const fc = fake.data.get(INCIDENT_SOURCE) as GeoJSON.FeatureCollection
    expect(fc.features.map((f) => [f.properties!.kind, f.properties!.label])).toEqual([
      ['cluster', '30'],
      ['point', ''],
    ])
    expect(fc.features[1]!.properties).toMatchObject({ id: 'HJ1', urgent: true, state: 'reported' })
  })

  it('refetches after the map stops moving (debounced), but not for a small pan inside the padded box', async () => {
    const { fake, calls, api } = setup()
    await vi.waitFor(() => expect(api.status.value).toBe('ready'))
    fake.state.bounds = [118.91, 25.31, 119.31, 25.61]
    fake.fire('moveend')
    fake.fire('moveend')
    await vi.advanceTimersByTimeAsync(250)
    expect(calls).toHaveLength(1)
    // Zooming in a level changes the cluster cells: ask again, once.
    fake.state.zoom = 12.3
    fake.fire('moveend')
    await vi.advanceTimersByTimeAsync(100)
    fake.fire('moveend')
    await vi.advanceTimersByTimeAsync(250)
    expect(calls).toHaveLength(2)
    expect(calls[1]!.zoom).toBe(12.3)
  })

  it('aborts a superseded request and keeps only the newest answer', async () => {
    const f = ref(filters())
    const fake = createFakeMap(11)
    const signals: AbortSignal[] = []
    const scope = effectScope()
    const api = scope.run(() =>
      useIncidentLayer(shallowRef<RegionMap | null>(asMap(fake)), {
        filters: f,
        live: false,
        fetchView: (q, signal) => {
          signals.push(signal)
          return new Promise((resolve) => setTimeout(() => resolve({ ...clusters(), total: q.unit ? 1 : 31 }), 100))
        },
      }),
    )!
    f.value = filters({ unit: 'water' })
    await nextTick()
    expect(signals[0]!.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(150)
    expect(api.view.value!.total).toBe(1)
    scope.stop()
  })

  it('follows the filters and the visibility; hidden layers fetch nothing', async () => {
    const { fake, calls, api, f, visible } = setup()
    await vi.waitFor(() => expect(api.status.value).toBe('ready'))
    f.value = filters({ states: ['reported'], fineClass: '0105' })
    await vi.waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[1]).toMatchObject({ states: ['reported'], fineClass: '0105' })
    visible.value = false
    await nextTick()
    expect(fake.layout.get(incidentLayerId.point)!.visibility).toBe('none')
    fake.state.zoom = 14
    fake.fire('moveend')
    await vi.advanceTimersByTimeAsync(300)
    expect(calls).toHaveLength(2)
    visible.value = true
    await vi.waitFor(() => expect(calls).toHaveLength(3))
  })

  it('applies live events at once and re-asks the server at most once per interval', async () => {
    const { fake, calls, api } = setup()
    await vi.waitFor(() => expect(api.status.value).toBe('ready'))
    const e = { id: 1, code: 'HJ1', action: 'register', fromState: 'reported', toState: 'registered', state: 'registered', at: '' }
    api.applyEvent(e)
    api.applyEvent({ ...e, id: 2, code: 'HJ9' })
    const fc = fake.data.get(INCIDENT_SOURCE) as GeoJSON.FeatureCollection
    expect(fc.features[1]!.properties!.state).toBe('registered')
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1100)
    expect(calls).toHaveLength(2)
  })

  it('pulses urgent incidents', async () => {
    const { fake, api, scope } = setup()
    await vi.waitFor(() => expect(api.status.value).toBe('ready'))
    await vi.advanceTimersByTimeAsync(500)
    expect(fake.setPaintProperty).toHaveBeenCalledWith(incidentLayerId.pulse, 'circle-radius', expect.any(Number))
    scope.stop()
    const n = fake.setPaintProperty.mock.calls.length
    await vi.advanceTimersByTimeAsync(500)
    expect(fake.setPaintProperty.mock.calls.length).toBe(n)
  })

  it('does not animate the pulse while the page is hidden (a wall display asleep, a background tab)', async () => {
    const hidden = vi.spyOn(document, 'hidden', 'get').mockReturnValue(true)
    const { fake, api, scope } = setup()
    await vi.waitFor(() => expect(api.status.value).toBe('ready'))
    await vi.advanceTimersByTimeAsync(500)
    expect(fake.setPaintProperty).not.toHaveBeenCalledWith(incidentLayerId.pulse, 'circle-radius', expect.any(Number))
    hidden.mockReturnValue(false)
    await vi.advanceTimersByTimeAsync(200)
    expect(fake.setPaintProperty).toHaveBeenCalledWith(incidentLayerId.pulse, 'circle-radius', expect.any(Number))
    scope.stop()
    hidden.mockRestore()
  })

  it('a click on a point picks it; on a cluster zooms into it; elsewhere lets the click through', async () => {
    const { fake, api, picked } = setup()
    const at = { point: { x: 10, y: 10 } } as never
    fake.state.rendered = [{ properties: { kind: 'point', id: 'HJ1' }, geometry: { type: 'Point', coordinates: [119.15, 25.42] } }]
    expect(api.tool.click!(at)).toBe(true)
    expect(picked).toEqual(['HJ1'])
    fake.state.rendered = [{ properties: { kind: 'cluster', id: '11/1/2' }, geometry: { type: 'Point', coordinates: [119.02, 25.48] } }]
    expect(api.tool.hover!(at)).toBe('pointer')
    expect(api.tool.click!(at)).toBe(true)
    expect(fake.easeTo).toHaveBeenCalledWith({ center: [119.02, 25.48], zoom: 13 })
    fake.state.rendered = []
    expect(api.tool.click!(at)).toBe(false)
  })

  it('shows errors and recovers on the next answer', async () => {
    const fake = createFakeMap(11)
    let fail = true
    const scope = effectScope()
    const api = scope.run(() =>
      useIncidentLayer(shallowRef<RegionMap | null>(asMap(fake)), {
        filters: filters(),
        live: false,
        fetchView: async () => {
          if (fail) throw new Error('boom')
          return clusters()
        },
      }),
    )!
    await vi.waitFor(() => expect(api.status.value).toBe('error'))
    fail = false
    await api.refresh()
    expect(api.status.value).toBe('ready')
    scope.stop()
  })
})
