import type { Bbox } from '@hanjiang/shared/incident-map/index'
import type { GeoJSONSource } from 'maplibre-gl'
import { toValue, watch, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import { patrolRouteEndpoints, type PatrolRoutesView } from '../api/patrol-routes.ts'
import { incidentLayerId, PATROL_SOURCE } from '../map/incident-layers.ts'
import type { RegionMap } from '../map/types.ts'
import { usePatrolRoutesStore } from '../stores/patrol-routes.ts'
import { useViewFetch } from './use-view-fetch.ts'
import { useBasemapStore } from '../stores/basemap.ts'

export interface PatrolRouteLayerOptions {
  /** Default: the shared switch (usePatrolRoutesStore().visible). Hidden, the layer fetches nothing. */
  visible?: MaybeRefOrGetter<boolean>
  /** Quiet time after the map stops moving before asking the server (default 250 ms). */
  debounceMs?: number
  /** Injected in tests. */
  fetchRoutes?: (q: { bbox: Bbox; zoom: number }, signal: AbortSignal) => Promise<PatrolRoutesView>
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] }

/**
 * Planned patrol routes on any map screen, while the layer is switched on: asks
 * `GET /api/patrol/routes` for the current view only — a padded box at whole zoom levels, so small pans and
 * fractional zooms cost nothing — after the map stops moving (the previous request aborted), and draws the
 * answer into the shared `patrol-routes` source under the incidents. The server leaves out routes too small to see
 * and simplifies the rest for the zoom; the store carries the count for the layer list.
 */
export function usePatrolRouteLayer(map: ShallowRef<RegionMap | null>, options: PatrolRouteLayerOptions = {}) {
  const store = usePatrolRoutesStore()
  const fetchRoutes = options.fetchRoutes ?? ((q, signal) => patrolRouteEndpoints().routes(q, signal))
  const visible = () => toValue(options.visible) ?? store.visible
  function draw(m: RegionMap, fc: GeoJSON.FeatureCollection | null): void {
    ;(m.getSource(PATROL_SOURCE) as GeoJSONSource | undefined)?.setData(fc ?? EMPTY)
  }

  function setVisibility(m: RegionMap, on: boolean): void {
    if (m.getLayer(incidentLayerId.patrol)) m.setLayoutProperty(incidentLayerId.patrol, 'visibility', on ? 'visible' : 'none')
  }

  const basemaps = useBasemapStore()
  const { load, cancel } = useViewFetch(map, {
    crs: () => basemaps.crs,
    visible,
    // Routes are simplified per whole zoom level.
    zoom: (m) => Math.max(0, Math.min(22, Math.floor(m.getZoom()))),
    key: (zoom) => String(zoom),
    fetch: (bbox, zoom, signal) => fetchRoutes({ bbox, zoom }, signal),
    apply: (m, fc) => {
      draw(m, fc)
      store.count = fc.features.length
      store.truncated = fc.truncated
    },
    status: (s, e) => {
      store.status = s
      if (s === 'ready') store.error = null
      if (s === 'error') store.error = e
    },
    debounceMs: options.debounceMs,
  })

  watch(
    map,
    (m) => {
      if (!m) return
      setVisibility(m, visible())
      void load(true)
    },
    { immediate: true },
  )
  watch(visible, (on) => {
    const m = map.value
    if (!m) return
    setVisibility(m, on)
    if (on) void load()
    else {
      cancel()
      store.status = 'idle'
    }
  })

  watch(
    () => store.reloads,
    () => void load(true),
  )

  return { refresh: () => load(true) }
}
