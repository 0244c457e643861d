import { bboxContains, paddedBbox, type Bbox } from '@hanjiang/shared/incident-map/index'
import { onScopeDispose, watch, type ShallowRef } from 'vue'
import { isAbortError } from '../api/client.ts'
import type { RegionMap } from '../map/types.ts'
import type { MapCrs } from '@hanjiang/shared'
import { boundsFromMap } from '../map/map-crs.ts'

export type ViewFetchStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface ViewFetchOptions<T> {
  /** Hidden layers fetch nothing (moves are ignored, a load returns at once). */
  visible: () => boolean
  /** The system the map is drawn in (the basemap's; default WGS84): the view's box is asked for in WGS84. */
  crs?: () => MapCrs
  /** The zoom the request is for (default the map's; a layer asking by whole levels floors it). */
  zoom?: (m: RegionMap) => number
  /** Everything besides the box that the answer depends on (filters, zoom class): another key refetches. */
  key: (zoom: number) => string
  fetch: (bbox: Bbox, zoom: number, signal: AbortSignal) => Promise<T>
  /** The answer for the view, to draw. Not called for an answer overtaken by a newer request. */
  apply: (m: RegionMap, value: T, zoom: number) => void
  /** Status changes, for the layer's own state (a ref, a store). */
  status: (s: ViewFetchStatus, error?: unknown) => void
  /** Quiet time after the map stops moving before asking (default 250 ms). */
  debounceMs?: number
}

/** The view's box in WGS84 degrees (on a GCJ-02 basemap: the WGS84 box covering what is shown). */
export function viewBbox(m: Pick<RegionMap, 'getBounds'>, crs: MapCrs = 'wgs84'): Bbox {
  return boundsFromMap(m.getBounds(), crs)
}

/**
 * Data of a map layer for the current view only, shared by the incident and patrol-route layers: asks for a padded
 * box (snapped to the cluster grid, so small pans and fractional zooms cost nothing), after the map stops moving
 * (debounced), aborting the previous request; an answer overtaken by a newer request is dropped.
 */
export function useViewFetch<T>(map: ShallowRef<RegionMap | null>, o: ViewFetchOptions<T>) {
  let controller: AbortController | null = null
  let debounce: ReturnType<typeof setTimeout> | undefined
  let loaded: { key: string; bbox: Bbox } | null = null

  /** `force`: ask even when the loaded answer covers the view (filters changed, live events, reconnects). */
  async function load(force = false): Promise<void> {
    const m = map.value
    if (!m || !o.visible()) return
    const zoom = o.zoom ? o.zoom(m) : m.getZoom()
    const current = viewBbox(m, o.crs?.() ?? 'wgs84')
    const key = o.key(zoom)
    if (!force && loaded && loaded.key === key && bboxContains(loaded.bbox, current)) return
    const bbox = paddedBbox(current, zoom)
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    o.status('loading')
    try {
      const value = await o.fetch(bbox, zoom, mine.signal)
      if (controller !== mine) return
      loaded = { key, bbox }
      o.apply(m, value, zoom)
      o.status('ready')
    } catch (e) {
      if (isAbortError(e) || controller !== mine) return
      o.status('error', e)
    } finally {
      if (controller === mine) controller = null
    }
  }

  function schedule(): void {
    clearTimeout(debounce)
    debounce = setTimeout(() => void load(), o.debounceMs ?? 250)
  }

  /** Stops a waiting or running request (the layer was hidden). */
  function cancel(): void {
    clearTimeout(debounce)
    controller?.abort()
    controller = null
  }

  const onMove = () => {
    if (o.visible()) schedule()
  }
  watch(
    map,
    (m, old) => {
      old?.off('moveend', onMove)
      m?.on('moveend', onMove)
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    cancel()
    map.value?.off('moveend', onMove)
  })

  return { load, cancel }
}
