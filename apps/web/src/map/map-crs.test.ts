import { toMapLngLat } from '@hanjiang/shared'
import type { Map as MaplibreMap } from 'maplibre-gl'
import { describe, expect, it } from 'vitest'
import { bindMapCrs, boundsFromMap, boundsToMap, centerToMap, lngLatFromMap } from './map-crs.ts'

/** Just enough of a map: sources that record what they were given. */
function fakeMap() {
  const given = new Map<string, unknown>()
  const sources = new Map<string, { type: string; setData: (d: unknown) => void }>()
  const source = (id: string) => ({ type: 'geojson', setData: (d: unknown) => given.set(id, d) })
  sources.set('regions', source('regions'))
  const map = {
    getSource: (id: string) => sources.get(id),
    addSource: (id: string, spec: { data?: unknown }) => {
      given.set(id, spec.data)
      sources.set(id, source(id))
    },
  }
  return { map: map as unknown as MaplibreMap, given }
}

const point = (lng: number, lat: number) => ({ type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [lng, lat] } }] })
const coords = (d: unknown) => (d as ReturnType<typeof point>).features[0]!.geometry.coordinates

describe('bindMapCrs', () => {
  it('shifts every GeoJSON source onto a GCJ-02 basemap, however it is filled, and redraws after a switch', () => {
    const { map, given } = fakeMap()
    let crs: 'wgs84' | 'gcj02' = 'gcj02'
    const binding = bindMapCrs(map, () => crs)
    const shifted = toMapLngLat({ lng: 119.1, lat: 25.46 }, 'gcj02')
    ;(map.getSource('regions') as unknown as { setData(d: unknown): void }).setData(point(119.1, 25.46))
    expect(coords(given.get('regions'))).toEqual([shifted.lng, shifted.lat])
    map.addSource('marks', { type: 'geojson', data: point(119.1, 25.46) })
    expect(coords(given.get('marks'))).toEqual([shifted.lng, shifted.lat])
    // Getting a source twice does not shift twice.
    ;(map.getSource('regions') as unknown as { setData(d: unknown): void }).setData(point(119.1, 25.46))
    expect(coords(given.get('regions'))).toEqual([shifted.lng, shifted.lat])
    crs = 'wgs84'
    binding.reproject()
    expect(coords(given.get('regions'))).toEqual([119.1, 25.46])
    expect(coords(given.get('marks'))).toEqual([119.1, 25.46])
  })
})

describe('camera and event coordinates', () => {
  it('converts clicks back to WGS84 and stored points and bounds onto the map', () => {
    const m = toMapLngLat({ lng: 119.1, lat: 25.46 }, 'gcj02')
    const back = lngLatFromMap(m, 'gcj02')
    expect(back.lng).toBeCloseTo(119.1, 5)
    expect(back.lat).toBeCloseTo(25.46, 5)
    expect(centerToMap(119.1, 25.46, 'gcj02')).toEqual([m.lng, m.lat])
    expect(centerToMap(119.1, 25.46, 'wgs84')).toEqual([119.1, 25.46])
    expect(boundsToMap([[119, 25.4], [119.2, 25.5]], 'wgs84')).toEqual([119, 25.4, 119.2, 25.5])
    const sw = toMapLngLat({ lng: 119, lat: 25.4 }, 'gcj02')
    expect(boundsToMap({ toArray: () => [[119, 25.4], [119.2, 25.5]] } as never, 'gcj02').slice(0, 2)).toEqual([sw.lng, sw.lat])
    const view = boundsFromMap({ getWest: () => sw.lng, getSouth: () => sw.lat, getEast: () => 119.3, getNorth: () => 25.6 }, 'gcj02')
    expect(view[0]).toBeCloseTo(119, 4)
    expect(view[1]).toBeCloseTo(25.4, 4)
  })
})
