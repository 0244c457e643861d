import type { GeoJSONSource, LngLatBoundsLike, Map as MaplibreMap, MapMouseEvent } from 'maplibre-gl'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import { watch, type Ref, type ShallowRef } from 'vue'
import type { TrackPoint } from '@hanjiang/shared/patrol/track'
import type { PatrolGrid } from '../api/patrol.ts'
import type { RegionMap } from '../map/types.ts'
import { boundsToMap, lngLatFromMap } from '../map/map-crs.ts'
import { useBasemapStore } from '../stores/basemap.ts'

/** Patrol overlays: grid outline, planned route, the day's tracks, the live trail, my position, a picked point. */
export const PATROL_LAYERS = {
  grid: 'patrol-grid-line',
  route: 'patrol-route',
  tracks: 'patrol-tracks',
  trail: 'patrol-trail',
  me: 'patrol-me',
  pick: 'patrol-pick',
} as const

export const PATROL_COLORS = { grid: '#0b3d91', route: '#12b886', tracks: '#3b82c4', trail: '#e8590c', me: '#1f5fa8', pick: '#c62f2f' }

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] })
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features })
const point = (lng: number, lat: number, properties: Record<string, unknown> = {}): Feature => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lng, lat] } })

/** The bounding box of a geometry's coordinates. */
export function boundsOf(g: Geometry): [[number, number], [number, number]] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      w = Math.min(w, c[0] as number); e = Math.max(e, c[0] as number)
      s = Math.min(s, c[1] as number); n = Math.max(n, c[1] as number)
    } else if (Array.isArray(c)) c.forEach(visit)
  }
  if ('coordinates' in g) visit(g.coordinates)
  return Number.isFinite(w) ? [[w, s], [e, n]] : null
}

function install(m: MaplibreMap): void {
  if (m.getSource('patrol-grid')) return
  for (const id of ['patrol-grid', 'patrol-route', 'patrol-tracks', 'patrol-trail', 'patrol-me', 'patrol-pick']) m.addSource(id, { type: 'geojson', data: empty() })
  m.addLayer({ id: 'patrol-grid-fill', type: 'fill', source: 'patrol-grid', paint: { 'fill-color': PATROL_COLORS.grid, 'fill-opacity': 0.06 } })
  m.addLayer({ id: PATROL_LAYERS.grid, type: 'line', source: 'patrol-grid', paint: { 'line-color': PATROL_COLORS.grid, 'line-width': 2 } })
  m.addLayer({ id: PATROL_LAYERS.route, type: 'line', source: 'patrol-route', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': PATROL_COLORS.route, 'line-width': 4, 'line-dasharray': [2, 1.5], 'line-opacity': 0.9 } })
  m.addLayer({ id: PATROL_LAYERS.tracks, type: 'line', source: 'patrol-tracks', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': PATROL_COLORS.tracks, 'line-width': 4, 'line-opacity': 0.8 } })
  m.addLayer({ id: PATROL_LAYERS.trail, type: 'line', source: 'patrol-trail', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': PATROL_COLORS.trail, 'line-width': 4 } })
  m.addLayer({ id: 'patrol-me-halo', type: 'circle', source: 'patrol-me', paint: { 'circle-radius': 14, 'circle-color': PATROL_COLORS.me, 'circle-opacity': 0.18 } })
  m.addLayer({ id: PATROL_LAYERS.me, type: 'circle', source: 'patrol-me', paint: { 'circle-radius': 7, 'circle-color': PATROL_COLORS.me, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2.5 } })
  m.addLayer({ id: PATROL_LAYERS.pick, type: 'circle', source: 'patrol-pick', paint: { 'circle-radius': 8, 'circle-color': PATROL_COLORS.pick, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2.5 } })
}

/**
 * Draws the patrol data on the page's map and keeps it current; `onTap` gets map taps in WGS84 (converted back
 * from the basemap's system, map/map-crs.ts).
 */
export function usePatrolMap(
  map: ShallowRef<RegionMap | null>,
  data: {
    grid: Ref<PatrolGrid | null>
    trail: Ref<readonly TrackPoint[]>
    me: Ref<{ lng: number; lat: number } | null>
    pick: Ref<{ lng: number; lat: number } | null>
  },
  onTap: (p: { lng: number; lat: number }) => void,
) {
  const basemaps = useBasemapStore()
  const set = (m: MaplibreMap, id: string, d: FeatureCollection) => (m.getSource(id) as GeoJSONSource | undefined)?.setData(d)
  const real = () => map.value as unknown as MaplibreMap | null

  function drawGrid(fit: boolean): void {
    const m = real()
    const g = data.grid.value
    if (!m) return
    set(m, 'patrol-grid', g ? fc([g.grid]) : empty())
    set(m, 'patrol-route', g?.route ? fc([g.route]) : empty())
    set(m, 'patrol-tracks', g ? (g.tracks as FeatureCollection) : empty())
    const b = g ? boundsOf(g.grid.geometry) : null
    if (fit && b) m.fitBounds(boundsToMap(b as LngLatBoundsLike, basemaps.crs), { padding: 24, duration: 0, maxZoom: 17.5 })
  }

  watch(map, (m) => {
    if (!m) return
    const mm = m as unknown as MaplibreMap
    install(mm)
    mm.on('click', (e: MapMouseEvent) => onTap(lngLatFromMap(e.lngLat, basemaps.crs)))
    // On a phone the licence line starts unfolded over the map: fold it behind its "i" button.
    mm.getContainer().querySelector('.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show')
    drawGrid(true)
    drawPoints()
  }, { immediate: true })
  function drawPoints(): void {
    const m = real()
    if (!m) return
    const t = data.trail.value
    set(m, 'patrol-trail', t.length >= 2 ? fc([{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: t.map((p) => [p.lng, p.lat]) } }]) : empty())
    const me = data.me.value
    set(m, 'patrol-me', me ? fc([point(me.lng, me.lat)]) : empty())
    const pick = data.pick.value
    set(m, 'patrol-pick', pick ? fc([point(pick.lng, pick.lat)]) : empty())
  }

  watch(() => data.grid.value, (g, old) => drawGrid(!old || g?.code !== old.code))
  watch([() => data.trail.value, () => data.me.value, () => data.pick.value], drawPoints)
}
