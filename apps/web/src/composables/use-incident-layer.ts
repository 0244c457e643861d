import { isOpenState, POINTS_MIN_ZOOM, wantsPoints } from '@hanjiang/shared/incident-map/index'
import type { GeoJSONSource, MapGeoJSONFeature } from 'maplibre-gl'
import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import { incidentMapEndpoints, type IncidentMapFilters, type IncidentMapQuery, type IncidentMapView } from '../api/incident-map.ts'
import { CLUSTER_FOOTPRINT_IMAGE, clusterFootprintImage, INCIDENT_CLICKABLE, INCIDENT_LAYERS, INCIDENT_SOURCE, incidentLayerId, toFeatures } from '../map/incident-layers.ts'
import type { RegionMap } from '../map/types.ts'
import { useIncidentStream, type LiveIncidentEvent } from './use-incident-stream.ts'
import type { MapTool } from './use-region-selection.ts'
import { useViewFetch } from './use-view-fetch.ts'
import { useBasemapStore } from '../stores/basemap.ts'

export type IncidentLayerStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface IncidentLayerOptions {
  filters: MaybeRefOrGetter<IncidentMapFilters>
  /** Default true. Hidden layers fetch nothing. */
  visible?: MaybeRefOrGetter<boolean>
  /** Open an SSE stream of its own (default). A screen with one stream for several consumers passes false and calls applyEvent. */
  live?: boolean
  /** Quiet time after the map stops moving before asking the server (default 250 ms). */
  debounceMs?: number
  /** After live events, the view is re-asked at most this often (default 1.5 s): the server re-aggregates. */
  liveRefreshMs?: number
  /** The symbols' scale (the wall's); the pulse animates around it. */
  scale?: number
  /** A click on an incident point. */
  onPick?: (code: string) => void
  /** Injected in tests. */
  fetchView?: (q: IncidentMapQuery, signal: AbortSignal) => Promise<IncidentMapView>
}

/** Requests differ only by filters and, below the points zoom, the whole zoom level (the cluster cell size). */
export function requestKey(filters: IncidentMapFilters, zoom: number): string {
  return JSON.stringify([filters, wantsPoints(zoom) ? 'points' : Math.floor(zoom)])
}

/**
 * Applies a live event to the points of the current answer: a known incident takes its new state, or leaves the
 * answer when the state filter no longer admits it. Returns the new answer, or null when nothing changed here
 * (clusters, or an incident not in view: the throttled refetch brings those).
 */
export function patchPoints(view: IncidentMapView, e: LiveIncidentEvent, filters: IncidentMapFilters): IncidentMapView | null {
  const at = view.points.findIndex((p) => p.code === e.code)
  if (at < 0 || !e.state) return null
  const points = view.points.slice()
  if (filters.states.length && !filters.states.includes(e.state)) points.splice(at, 1)
  else points[at] = { ...points[at]!, state: e.state, ...(isOpenState(e.state) ? {} : { overdue: false }) }
  return { ...view, points }
}

/**
 * The incident layer for any map screen: asks `GET /api/incidents/map` for the view — clusters
 * zoomed out, points zoomed in — after the map stops moving (debounced, the previous request aborted), keeps a
 * padded box so small pans cost nothing, follows the filters, applies live events over SSE without reloading the
 * page, pulses urgent incidents, and offers a map tool: a click on a point picks it, on a cluster zooms into it.
 */
export function useIncidentLayer(map: ShallowRef<RegionMap | null>, options: IncidentLayerOptions) {
  const status = ref<IncidentLayerStatus>('idle')
  const error = shallowRef<unknown>(null)
  const view = shallowRef<IncidentMapView | null>(null)
  const fetchView = options.fetchView ?? ((q, signal) => incidentMapEndpoints().incidentMap(q, signal))
  const scale = options.scale ?? 1
  let liveTimer: ReturnType<typeof setTimeout> | undefined
  let pulseTimer: ReturnType<typeof setInterval> | undefined

  const filters = () => toValue(options.filters)
  const visible = () => toValue(options.visible) ?? true

  function draw(m: RegionMap, v: IncidentMapView | null): void {
    if (!m.hasImage(CLUSTER_FOOTPRINT_IMAGE)) m.addImage(CLUSTER_FOOTPRINT_IMAGE, clusterFootprintImage())
    ;(m.getSource(INCIDENT_SOURCE) as GeoJSONSource | undefined)?.setData(toFeatures(v ?? { clusters: [], points: [] }))
    updatePulse(m, v)
  }

  const basemaps = useBasemapStore()
  const { load } = useViewFetch(map, {
    crs: () => basemaps.crs,
    visible,
    key: (zoom) => requestKey(filters(), zoom),
    fetch: (bbox, zoom, signal) => fetchView({ ...filters(), bbox, zoom }, signal),
    apply: (m, v) => {
      view.value = v
      draw(m, v)
    },
    status: (s, e) => {
      status.value = s
      if (s === 'ready') error.value = null
      if (s === 'error') error.value = e
    },
    debounceMs: options.debounceMs,
  })

  /** A live event: patch what is on screen now, then let the server re-aggregate soon (throttled). */
  function applyEvent(e: LiveIncidentEvent): void {
    const m = map.value
    const v = view.value
    if (m && v) {
      const next = patchPoints(v, e, filters())
      if (next) {
        view.value = next
        draw(m, next)
      }
    }
    if (liveTimer === undefined) {
      liveTimer = setTimeout(() => {
        liveTimer = undefined
        void load(true)
      }, options.liveRefreshMs ?? 1500)
    }
  }

  // Urgent open incidents pulse: a ring growing and fading, ~12 frames a second (cheap on a 2-core wall PC).
  const reducedMotion = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  function updatePulse(m: RegionMap, v: IncidentMapView | null): void {
    const any = !!v?.points.some((p) => p.track === 'urgent' && isOpenState(p.state))
    if (!any || reducedMotion) {
      clearInterval(pulseTimer)
      pulseTimer = undefined
      return
    }
    if (pulseTimer !== undefined) return
    const t0 = Date.now()
    pulseTimer = setInterval(() => {
      // A hidden tab or wall display asleep: no repaint for nobody (the map would redraw every frame).
      if (typeof document !== 'undefined' && document.hidden) return
      const phase = ((Date.now() - t0) % 1400) / 1400
      if (!m.getLayer(incidentLayerId.pulse)) return
      m.setPaintProperty(incidentLayerId.pulse, 'circle-radius', (9 + 13 * phase) * scale)
      m.setPaintProperty(incidentLayerId.pulse, 'circle-opacity', 0.55 * (1 - phase))
    }, 80)
  }

  function setVisibility(m: RegionMap, on: boolean): void {
    for (const id of INCIDENT_LAYERS) if (m.getLayer(id)) m.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none')
  }

  watch(
    map,
    (m) => {
      if (!m) return
      setVisibility(m, visible())
      void load(true)
    },
    { immediate: true },
  )
  watch(filters, () => void load(true), { deep: true })
  watch(visible, (on) => {
    const m = map.value
    if (!m) return
    setVisibility(m, on)
    if (on) void load(true)
  })

  if (options.live !== false) useIncidentStream({ incident: applyEvent, resync: () => void load(true) })

  function hit(m: RegionMap, e: { point: { x: number; y: number } }): MapGeoJSONFeature | null {
    if (!visible()) return null
    const layers = INCIDENT_CLICKABLE.filter((id) => m.getLayer(id))
    if (!layers.length) return null
    const { x, y } = e.point
    const d = 4
    const found = m.queryRenderedFeatures([[x - d, y - d], [x + d, y + d]], { layers })
    // Points before clusters: a lone incident beside a cluster stays clickable.
    return found.find((f) => f.properties?.kind === 'point') ?? found[0] ?? null
  }

  const tool: MapTool = {
    click(e) {
      const m = map.value
      if (!m) return false
      const f = hit(m, e)
      if (!f) return false
      if (f.properties.kind === 'point') {
        options.onPick?.(String(f.properties.id))
      } else {
        const [lng, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number]
        m.easeTo({ center: [lng, lat], zoom: Math.min(m.getZoom() + 2, POINTS_MIN_ZOOM) })
      }
      return true
    },
    hover(e) {
      const m = map.value
      if (!m || !e) return null
      return hit(m, e) ? 'pointer' : null
    },
  }

  onScopeDispose(() => {
    clearTimeout(liveTimer)
    clearInterval(pulseTimer)
  })

  // Planned patrol routes share the map but not this layer's requests: see usePatrolRouteLayer.
  return { status, error, view, refresh: () => load(true), applyEvent, tool }
}
