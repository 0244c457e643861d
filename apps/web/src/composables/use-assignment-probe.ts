import type { GeoJSONSource } from 'maplibre-gl'
import { onScopeDispose, toValue, watch, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import { PROBE_SOURCE } from '../map/overlays.ts'
import type { RegionMap } from '../map/types.ts'
import { useProbeStore } from '../stores/probe.ts'
import type { MapTool, PanelInset } from './use-region-selection.ts'
import { centerToMap, lngLatFromMap } from '../map/map-crs.ts'
import { useBasemapStore } from '../stores/basemap.ts'

export interface AssignmentProbeOptions {
  /** The part of the map the side panel (right) or bottom sheet (bottom) covers: typed points land beside it. */
  inset?: MaybeRefOrGetter<PanelInset>
}

/** The marker's GeoJSON: the answered WGS84 point, or the clicked point while the answer is pending. */
export function probeMarker(
  point: { lng: number; lat: number; via: 'map' | 'typed' } | null,
  answered: { lng: number; lat: number } | null,
): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const at = answered ?? (point && point.via === 'map' ? point : null)
  return {
    type: 'FeatureCollection',
    features: at
      ? [{ type: 'Feature', properties: { pending: !answered }, geometry: { type: 'Point', coordinates: [at.lng, at.lat] } }]
      : [],
  }
}

/**
 * The assignment probe on the map: while it is on, a click asks who owns that point (WGS84, the map's own
 * coordinates), the cursor is a crosshair, a marker shows the point, and an answer for typed coordinates brings
 * its point into view.
 */
export function useAssignmentProbe(map: ShallowRef<RegionMap | null>, options: AssignmentProbeOptions = {}) {
  const probe = useProbeStore()
  const basemaps = useBasemapStore()

  const tool: MapTool = {
    click(e) {
      if (!probe.active) return false
      void probe.ask({ ...lngLatFromMap(e.lngLat, basemaps.crs), crs: 'wgs84', via: 'map' })
      return true
    },
    hover() {
      return probe.active ? 'crosshair' : null
    },
  }

  // Marker.
  watch(
    [map, () => probe.point, () => probe.result],
    ([m, point, result]) => {
      if (!m) return
      const answered = result && point ? result.point : null
      ;(m.getSource(PROBE_SOURCE) as GeoJSONSource | undefined)?.setData(probeMarker(point, answered))
    },
    { immediate: true },
  )

  // Cursor follows the mode at once, not only on the next pointer move.
  watch(
    [map, () => probe.active],
    ([m, active]) => {
      if (m) m.getCanvas().style.cursor = active ? 'crosshair' : ''
    },
    { immediate: true },
  )

  // An answer for typed coordinates: move the map there unless it is already in view.
  watch(
    () => probe.result,
    (result) => {
      const m = map.value
      if (!m || !result || probe.point?.via !== 'typed') return
      const { lng, lat } = result.point
      const { right = 0, bottom = 0 } = toValue(options.inset) ?? {}
      const center = centerToMap(lng, lat, basemaps.crs)
      if (m.getBounds().contains(center) && m.getZoom() >= 13) return
      m.easeTo({ center, zoom: Math.max(m.getZoom(), 15), offset: [-right / 2 || 0, -bottom / 2 || 0], duration: 600 })
    },
  )

  onScopeDispose(() => {
    const m = map.value
    if (m) m.getCanvas().style.cursor = ''
  })

  return { tool }
}
