import { fromMapBbox, fromMapLngLat, toMapBbox, toMapGeoJson, toMapLngLat, type LngLat, type MapCrs } from '@hanjiang/shared'
import type { GeoJSONSource, GeoJSONSourceSpecification, LngLatBoundsLike, Map as MaplibreMap, SourceSpecification } from 'maplibre-gl'

/**
 * Drawing our WGS84 data on a basemap in another coordinate system (docs/BASEMAPS.md). Two boundaries:
 *
 * - Data into the map: every GeoJSON source of a map, however it is filled (`addSource` with data, `setData`),
 *   gets a shifted copy ({@link bindMapCrs}); the WGS84 original is kept, so a switch of basemap redraws it.
 * - Coordinates through the camera and events: a click's `lngLat`, `getBounds()`, and the centres and bounds we
 *   hand to `easeTo` / `fitBounds` go through the converters below. MapLibre's own `project`/`unproject` are
 *   left alone: its handlers (zoom around the pointer, inertia) mix them with its camera, both in map coordinates.
 *
 * Coordinates read from rendered features (`queryRenderedFeatures`) are already map coordinates and go back to
 * the camera unchanged.
 */

type SetData = GeoJSONSource['setData']
const WRAPPED = Symbol('hj.mapCrs')

export interface MapCrsBinding {
  /** Redraws every GeoJSON source in the current system (after a basemap of another system was chosen). */
  reproject(): void
}

/** Shifts all GeoJSON handed to `map` into `crs()`; call once per map, right after creating it. */
export function bindMapCrs(map: MaplibreMap, crs: () => MapCrs): MapCrsBinding {
  const originals = new Map<string, GeoJSON.GeoJSON>()
  const wrap = (id: string, src: GeoJSONSource): void => {
    const s = src as GeoJSONSource & { [WRAPPED]?: true; setData: SetData }
    if (s[WRAPPED]) return
    s[WRAPPED] = true
    const setData = s.setData.bind(s) as (data: GeoJSON.GeoJSON | string, wait?: boolean) => unknown
    s.setData = ((data: GeoJSON.GeoJSON | string, wait?: boolean) => {
      if (typeof data === 'string') {
        originals.delete(id)
        return setData(data, wait)
      }
      originals.set(id, data)
      return setData(toMapGeoJson(data, crs()), wait)
    }) as SetData
  }
  const getSource = map.getSource.bind(map)
  map.getSource = ((id: string) => {
    const src = getSource(id)
    if (src && src.type === 'geojson') wrap(id, src as GeoJSONSource)
    return src
  }) as MaplibreMap['getSource']
  const addSource = map.addSource.bind(map)
  map.addSource = ((id: string, spec: SourceSpecification) => {
    if (spec.type === 'geojson' && spec.data && typeof spec.data === 'object') {
      originals.set(id, spec.data as GeoJSON.GeoJSON)
      const shifted: GeoJSONSourceSpecification = { ...spec, data: toMapGeoJson(spec.data as GeoJSON.GeoJSON, crs()) }
      return addSource(id, shifted)
    }
    return addSource(id, spec)
  }) as MaplibreMap['addSource']
  return {
    reproject() {
      for (const [id, data] of originals) (map.getSource(id) as GeoJSONSource | undefined)?.setData(data)
    },
  }
}

/** A click or a corner read from the map, as the WGS84 point the database stores. */
export function lngLatFromMap(p: LngLat, crs: MapCrs): LngLat {
  return fromMapLngLat({ lng: p.lng, lat: p.lat }, crs)
}

/** A stored point as a camera centre. */
export function centerToMap(lng: number, lat: number, crs: MapCrs): [number, number] {
  const p = toMapLngLat({ lng, lat }, crs)
  return [p.lng, p.lat]
}

type Bbox = [number, number, number, number]

function bboxOf(b: LngLatBoundsLike): Bbox {
  if (Array.isArray(b)) {
    if (b.length === 4) return b as Bbox
    const [sw, ne] = b as [[number, number] | { lng: number; lat: number }, [number, number] | { lng: number; lat: number }]
    const p = (x: [number, number] | { lng: number; lat: number }) => (Array.isArray(x) ? x : [x.lng, x.lat])
    return [...p(sw), ...p(ne)] as Bbox
  }
  const a = (b as { toArray(): [[number, number], [number, number]] }).toArray()
  return [a[0][0], a[0][1], a[1][0], a[1][1]]
}

/** Stored bounds (any form `fitBounds` takes) as the box to fit on the map. */
export function boundsToMap(b: LngLatBoundsLike, crs: MapCrs): Bbox {
  return toMapBbox(bboxOf(b), crs)
}

/** The view's `getBounds()` as the WGS84 box that covers it: [west, south, east, north]. */
export function boundsFromMap(b: { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number }, crs: MapCrs): Bbox {
  return fromMapBbox([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], crs)
}
