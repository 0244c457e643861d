import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl'
import { toValue, watch, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import type { LineString } from 'geojson'
import type { RegionMap } from '../map/types.ts'
import { centerToMap } from '../map/map-crs.ts'
import { useBasemapStore } from '../stores/basemap.ts'

/** The desk's own marks: the selected incident, the intake's point, a searched road or river. */
export const DESK_SOURCE = 'desk-marks'
export const DESK_LAYERS = { line: 'desk-line', halo: 'desk-halo', point: 'desk-point' } as const

export type DeskMarkKind = 'incident' | 'intake'
export interface DeskMarks {
  points: { kind: DeskMarkKind; lng: number; lat: number; urgent?: boolean }[]
  line?: LineString | null
}

export function deskFeatures(m: DeskMarks): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      ...(m.line ? [{ type: 'Feature' as const, properties: { kind: 'line' }, geometry: m.line }] : []),
      ...m.points.map((p) => ({
        type: 'Feature' as const,
        properties: { kind: p.kind, urgent: !!p.urgent },
        geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] },
      })),
    ],
  }
}

function ensureLayers(map: RegionMap): void {
  if (map.getSource(DESK_SOURCE)) return
  // The real map (RegionMap is the narrow part the shared composables use).
  const m = map as RegionMap & Pick<MaplibreMap, 'addSource' | 'addLayer'>
  m.addSource(DESK_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } })
  m.addLayer({
    id: DESK_LAYERS.line,
    type: 'line',
    source: DESK_SOURCE,
    filter: ['==', ['get', 'kind'], 'line'],
    paint: { 'line-color': '#e8a100', 'line-width': 5, 'line-opacity': 0.75 },
  })
  m.addLayer({
    id: DESK_LAYERS.halo,
    type: 'circle',
    source: DESK_SOURCE,
    filter: ['!=', ['get', 'kind'], 'line'],
    paint: { 'circle-radius': 16, 'circle-color': ['case', ['get', 'urgent'], '#c62f2f', '#1f5fa8'], 'circle-opacity': 0.22 },
  })
  m.addLayer({
    id: DESK_LAYERS.point,
    type: 'circle',
    source: DESK_SOURCE,
    filter: ['!=', ['get', 'kind'], 'line'],
    paint: {
      'circle-radius': 7,
      'circle-color': ['match', ['get', 'kind'], 'intake', '#1f9d55', ['case', ['get', 'urgent'], '#c62f2f', '#1f5fa8']],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2.5,
    },
  })
}

/**
 * Draws the desk's marks on the map (a simple marker per point, until the shared incident layer joins the map)
 * and flies to `focus` whenever it changes, leaving room for the side panel (`inset` pixels on the right).
 */
export function useDeskMarks(
  map: ShallowRef<RegionMap | null>,
  marks: MaybeRefOrGetter<DeskMarks>,
  options: { focus?: MaybeRefOrGetter<{ lng: number; lat: number; key: string } | null>; inset?: MaybeRefOrGetter<number> } = {},
) {
  watch(
    [map, () => toValue(marks)],
    ([m, value]) => {
      if (!m) return
      ensureLayers(m)
      ;(m.getSource(DESK_SOURCE) as GeoJSONSource | undefined)?.setData(deskFeatures(value))
    },
    // Not deep: that would walk into the MapLibre map itself. Callers pass a fresh object when marks change.
    { immediate: true },
  )
  watch(
    [map, () => toValue(options.focus)?.key],
    ([m]) => {
      const f = toValue(options.focus)
      if (!m || !f) return
      const right = toValue(options.inset) ?? 0
      m.easeTo({ center: centerToMap(f.lng, f.lat, useBasemapStore().crs), zoom: Math.max(m.getZoom(), 15), padding: { top: 40, bottom: 40, left: 40, right: right + 40 }, duration: 700 })
    },
    { immediate: true },
  )
}
