import { bboxContains, paddedBbox, type Bbox } from '@hanjiang/shared/incident-map/index'
import type { GeoJSONSource } from 'maplibre-gl'
import { onScopeDispose, toValue, watch, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import { isAbortError } from '../api/client.ts'
import { patrolRouteEndpoints, type PatrolRoutesView } from '../api/patrol-routes.ts'
import { incidentLayerId, PATROL_SOURCE } from '../map/incident-layers.ts'
import type { RegionMap } from '../map/types.ts'
import { usePatrolRoutesStore } from '../stores/patrol-routes.ts'
import { viewBbox } from './use-incident-layer.ts'

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
 * Planned patrol routes on any map screen (issue 5 item 4), while the layer is switched on: asks
 * `GET /api/patrol/routes` for the current view only — a padded box at whole zoom levels, so small pans and
 * fractional zooms cost nothing — after the map stops moving (the previous request aborted), and draws the
 * answer into the shared `patrol-routes` source under the incidents. The server leaves out routes too small to see
 * and simplifies the rest for the zoom; the store carries the count for the layer list.
 */
export function usePatrolRouteLayer(map: ShallowRef<RegionMap | null>, options: PatrolRouteLayerOptions = {}) {
  const store = usePatrolRoutesStore()
  const fetchRoutes = options.fetchRoutes ?? ((q, signal) => patrolRouteEndpoints().routes(q, signal))
  const visible = () => toValue(options.visible) ?? store.visible
  let controller: AbortController | null = null
  let debounce: ReturnType<typeof setTimeout> | undefined
  let loaded: { zoom: number; bbox: Bbox } | null = null

  function draw(m: RegionMap, fc: GeoJSON.FeatureCollection | null): void {
    ;(m.getSource(PATROL_SOURCE) as GeoJSONSource | undefined)?.setData(fc ?? EMPTY)
  }

  function setVisibility(m: RegionMap, on: boolean): void {
    if (m.getLayer(incidentLayerId.patrol)) m.setLayoutProperty(incidentLayerId.patrol, 'visibility', on ? 'visible' : 'none')
  }

  async function load(force = false): Promise<void> {
    const m = map.value
    if (!m || !visible()) return
    const zoom = Math.max(0, Math.min(22, Math.floor(m.getZoom())))
    const current = viewBbox(m)
    if (!force && loaded && loaded.zoom === zoom && bboxContains(loaded.bbox, current)) return
    const bbox = paddedBbox(current, zoom)
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    store.status = 'loading'
    try {
      const fc = await fetchRoutes({ bbox, zoom }, mine.signal)
      if (controller !== mine) return
      loaded = { zoom, bbox }
      draw(m, fc)
      store.count = fc.features.length
      store.truncated = fc.truncated
      store.error = null
      store.status = 'ready'
    } catch (e) {
      if (isAbortError(e) || controller !== mine) return
      store.error = e
      store.status = 'error'
    } finally {
      if (controller === mine) controller = null
    }
  }

  function schedule(): void {
    clearTimeout(debounce)
    debounce = setTimeout(() => void load(), options.debounceMs ?? 250)
  }

  const onMove = () => {
    if (visible()) schedule()
  }
  watch(
    map,
    (m, old) => {
      old?.off('moveend', onMove)
      if (!m) return
      m.on('moveend', onMove)
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
      clearTimeout(debounce)
      controller?.abort()
      controller = null
      store.status = 'idle'
    }
  })

  watch(
    () => store.reloads,
    () => void load(true),
  )

  onScopeDispose(() => {
    clearTimeout(debounce)
    controller?.abort()
    map.value?.off('moveend', onMove)
  })

  return { refresh: () => load(true) }
}
