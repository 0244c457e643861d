import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { PROBE_SOURCE } from '../map/overlays.ts'
import type { RegionMap } from '../map/types.ts'
import { useProbeStore } from '../stores/probe.ts'
import { asMap, createFakeMap } from '../testing/fake-map.ts'
import { areaAnswer } from '../testing/fixtures.ts'
import { freshPinia, mockFetch } from '../testing/utils.ts'
import { probeMarker, useAssignmentProbe } from './use-assignment-probe.ts'

beforeEach(() => {
  localStorage.clear()
  freshPinia()
})
afterEach(() => vi.unstubAllGlobals())

function setup() {
  const fake = createFakeMap()
  const map = shallowRef<RegionMap | null>(asMap(fake))
  const scope = effectScope()
  const api = scope.run(() => useAssignmentProbe(map, { inset: { right: 400 } }))!
  return { fake, scope, api }
}

const click = (lng: number, lat: number) => ({ point: { x: 1, y: 1 }, lngLat: { lng, lat } }) as never

describe('probeMarker', () => {
  it('marks the answered point, the clicked one while pending, nothing for typed points still pending', () => {
    expect(probeMarker(null, null).features).toEqual([])
    const pending = probeMarker({ lng: 1, lat: 2, via: 'map' }, null).features[0]!
    expect(pending.properties).toEqual({ pending: true })
    expect(pending.geometry.coordinates).toEqual([1, 2])
    expect(probeMarker({ lng: 1, lat: 2, via: 'typed' }, null).features).toEqual([])
    const done = probeMarker({ lng: 1, lat: 2, via: 'typed' }, { lng: 1.005, lat: 2.003 }).features[0]!
    expect(done.properties).toEqual({ pending: false })
    expect(done.geometry.coordinates).toEqual([1.005, 2.003])
  })
})

describe('useAssignmentProbe', () => {
  it('lets clicks through while off', () => {
    const { api, fake } = setup()
    expect(api.tool.click!(click(119.14, 25.515))).toBe(false)
    expect(api.tool.hover!(click(119.14, 25.515))).toBeNull()
    expect(fake.getCanvas().style.cursor).toBe('')
  })

  it('while on: takes every click, asks for its WGS84 point, shows a crosshair and the marker', async () => {
    const { calls } = mockFetch({ '/api/assign': { json: areaAnswer } })
    const { api, fake } = setup()
    const probe = useProbeStore()
    probe.start()
    await probe.setFineClass('010501')
    await nextTick()
    expect(fake.getCanvas().style.cursor).toBe('crosshair')
    expect(api.tool.hover!(click(0, 0))).toBe('crosshair')
    expect(api.tool.click!(click(119.14, 25.515))).toBe(true)
    await nextTick()
    expect((fake.data.get(PROBE_SOURCE) as GeoJSON.FeatureCollection).features[0]!.properties).toEqual({ pending: true })
    await vi.waitFor(() => expect(probe.status).toBe('ready'))
    await nextTick()
    expect(calls).toEqual(['/api/assign?lng=119.14&lat=25.515&crs=wgs84&fineClass=010501'])
    expect((fake.data.get(PROBE_SOURCE) as GeoJSON.FeatureCollection).features[0]!.properties).toEqual({ pending: false })
    // A clicked point is in view already: the map stays put.
    expect(fake.easeTo).not.toHaveBeenCalled()

    probe.stop()
    await nextTick()
    expect((fake.data.get(PROBE_SOURCE) as GeoJSON.FeatureCollection).features).toEqual([])
    expect(fake.getCanvas().style.cursor).toBe('')
  })

  it('brings the answer for typed coordinates into view beside the panel', async () => {
    mockFetch({ '/api/assign': { json: { ...areaAnswer, crs: 'gcj02' } } })
    const { fake } = setup()
    const probe = useProbeStore()
    probe.start()
    fake.state.bounds = [118.0, 24.0, 118.5, 24.5]
    await probe.ask({ lng: 119.145, lat: 25.512, crs: 'gcj02', via: 'typed' })
    await nextTick()
    expect(fake.easeTo).toHaveBeenCalledWith(expect.objectContaining({ center: [119.14, 25.515], zoom: 15, offset: [-200, 0] }))
  })
})
