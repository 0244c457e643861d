import type { AttributionControl, LayerSpecification, Map as MaplibreMap, NavigationControl, ScaleControl } from 'maplibre-gl'
import { fromMapLngLat, toMapLngLat, type MapCrs } from '@hanjiang/shared'
import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { MAPLIBRE_UI_STRINGS, isAppLocale, type AppLocale } from '../i18n/index.ts'
import { resolveBasemap } from '../map/basemap.ts'
import { CSS_FONT_FAMILY } from '../map/layers.ts'
import { bindMapCrs, type MapCrsBinding } from '../map/map-crs.ts'
import { NoBasemapControl } from '../map/no-basemap-control.ts'
import { BACKGROUND_LAYER, BASEMAP_DIM_LAYER, buildStyle, dimLayer, isBasemapLayer, type BasemapStyle } from '../map/style.ts'
import type { BasemapPreset } from '../api/types.ts'
import { useBasemapStore } from '../stores/basemap.ts'
import { NARROW_QUERY } from './use-media-query.ts'
import type { RegionMap } from '../map/types.ts'
import { useConfigStore } from '../stores/config.ts'
import { useMapViewStore } from '../stores/map-view.ts'
import { useNoticesStore } from '../stores/notices.ts'

/** Hanjiang: the district seat area, and a box around the district the view may not leave. */
export const HANJIANG_CENTER: [number, number] = [119.1, 25.46]
export const HANJIANG_ZOOM = 10.5
export const HANJIANG_MAX_BOUNDS: [[number, number], [number, number]] = [
  [118.55, 25.05],
  [119.65, 25.85],
]

declare global {
  interface Window {
    /** The map, for browser tests: set only outside production builds or with `?test` in the URL. */
    __hjMap?: MaplibreMap
  }
}

/** Whether to expose the map on `window.__hjMap` for browser tests. */
export function testHookEnabled(mode: string = import.meta.env.MODE, search: string = location.search): boolean {
  return mode !== 'production' || new URLSearchParams(search).has('test')
}

/** Sources our own attribution line already credits; API lines naming one of them would only repeat it. */
const CREDITED = ['vonng/adcode', 'administrativedivisioncn', '合成数据', 'synthetic']

/** Our attribution line first, then the API's lines that credit something else (a basemap provider, say). */
export function attributionLines(own: string, extra: readonly string[]): string[] {
  const out = [own]
  for (const raw of extra) {
    const line = raw.trim()
    const key = line.toLowerCase()
    if (!line || CREDITED.some((c) => key.includes(c))) continue
    if (!out.some((o) => o.trim().toLowerCase() === key)) out.push(line)
  }
  return out
}

async function loadBasemap(preset: BasemapPreset | null, onError: (error: unknown) => void): Promise<BasemapStyle | null> {
  try {
    return await resolveBasemap(preset)
  } catch (error) {
    onError(error)
    return null
  }
}

/**
 * Creates the MapLibre map in `container` once the configuration (and any configured basemap) is known, adds the
 * controls in the current language, and removes the map on unmount. `map` is set when the style has loaded.
 */
export interface MaplibreOptions {
  /** Enlarges the incident symbols (the wall). */
  incidentScale?: number
  /** The licence line folded behind MapLibre's "i" button from the start (the wall: nobody reads it from 3 m). */
  compactAttribution?: boolean
}

export function useMaplibre(container: Ref<HTMLElement | null>, options: MaplibreOptions = {}) {
  const map = shallowRef<RegionMap | null>(null)
  const config = useConfigStore()
  const view = useMapViewStore()
  const notices = useNoticesStore()
  const basemaps = useBasemapStore()
  const { t, locale } = useI18n()
  let instance: MaplibreMap | null = null
  let controls: { nav: NavigationControl; scale: ScaleControl; attribution: AttributionControl; noBasemap: NoBasemapControl | null } | null = null
  /** The basemap on the map and the coordinate system our layers are drawn in to match it. */
  let shown: { preset: BasemapPreset | null; basemap: BasemapStyle | null; crs: MapCrs } = { preset: null, basemap: null, crs: 'wgs84' }
  let crsBinding: MapCrsBinding | null = null
  let swapping = 0
  let lib: typeof import('maplibre-gl') | null = null
  let disposed = false

  function uiStrings(): Record<string, string> {
    return MAPLIBRE_UI_STRINGS[(isAppLocale(locale.value) ? locale.value : 'zh-CN') as AppLocale]
  }

  function addControls(m: MaplibreMap): void {
    if (!lib) return
    if (controls) {
      m.removeControl(controls.nav)
      m.removeControl(controls.scale)
      m.removeControl(controls.attribution)
      if (controls.noBasemap) m.removeControl(controls.noBasemap)
    }
    const none = shown.basemap === null
    const hidden = config.basemaps.length > 0
    controls = {
      nav: new lib.NavigationControl({ showCompass: false, visualizePitch: false }),
      scale: new lib.ScaleControl({ unit: 'metric', maxWidth: 120 }),
      attribution: new lib.AttributionControl({
        // Phones: the licence line folds behind MapLibre's "i" button instead of covering the map.
        compact: options.compactAttribution || (typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches),
        customAttribution: attributionLines(t('map.attribution'), config.attribution),
      }),
      noBasemap: none ? new NoBasemapControl(t(hidden ? 'map.noBasemap.off' : 'map.noBasemap.chip'), t(hidden ? 'map.noBasemap.offHint' : 'map.noBasemap.hint')) : null,
    }
    m.addControl(controls.nav, 'top-right')
    m.addControl(controls.scale, 'bottom-left')
    if (controls.noBasemap) m.addControl(controls.noBasemap, 'bottom-right')
    m.addControl(controls.attribution, 'bottom-right')
    if (options.compactAttribution) foldAttribution(m)
  }

  /** MapLibre opens a compact attribution once and folds it on the first drag; a wall is never dragged. */
  function foldAttribution(m: MaplibreMap): void {
    m.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show')
  }

  async function create(): Promise<void> {
    view.state = 'creating'
    view.failure = null
    await config.load()
    basemaps.restore()
    const preset = basemaps.current
    const basemap = await loadBasemap(preset, (error) => notices.push({ id: 'basemap', context: 'errors.context.basemap', error }))
    shown = { preset, basemap, crs: basemap ? (preset?.crs ?? 'wgs84') : 'wgs84' }
    lib = await import('maplibre-gl')
    if (disposed || !container.value) return
    let m: MaplibreMap
    try {
      m = new lib.Map({
        container: container.value,
        style: buildStyle({ basemap, basemapDim: basemaps.dim, incidentScale: options.incidentScale }),
        center: centerIn(HANJIANG_CENTER, shown.crs),
        zoom: HANJIANG_ZOOM,
        minZoom: 7,
        maxZoom: 18.5,
        maxBounds: HANJIANG_MAX_BOUNDS,
        // An administrative map: north stays up.
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        attributionControl: false,
        locale: uiStrings(),
        // CJK text is always drawn locally; this only matters when a basemap style brings a glyph server.
        localIdeographFontFamily: CSS_FONT_FAMILY,
      })
    } catch (error) {
      view.state = 'failed'
      view.failure = error instanceof Error ? error.message : String(error)
      return
    }
    instance = m
    // Our data is WGS84; on a GCJ-02 basemap every GeoJSON source gets it shifted (map/map-crs.ts).
    crsBinding = bindMapCrs(m, () => shown.crs)
    m.touchZoomRotate.disableRotation()
    m.keyboard.disableRotation()
    addControls(m)
    if (testHookEnabled()) window.__hjMap = m
    m.on('error', (e) => {
      // Basemap tile failures are the only errors worth a banner; one notice however many tiles fail.
      const sourceId = (e as { sourceId?: string }).sourceId
      if (sourceId && isBasemapLayer(sourceId)) {
        notices.push({ id: 'basemap', context: 'errors.context.basemap', error: e.error })
      } else if (!sourceId) {
        console.error('map error', e.error)
      }
    })
    m.once('load', () => {
      if (disposed) return
      if (options.compactAttribution) foldAttribution(m)
      map.value = m
      view.state = 'ready'
    })
  }

  watch(locale, () => {
    if (!instance) return
    // MapLibre reads its UI strings when a control is added: update them, then re-add the controls.
    Object.assign(instance._locale, uiStrings())
    addControls(instance)
  })
  watch(
    () => config.attribution,
    () => instance && addControls(instance),
  )
  watch(
    () => basemaps.current,
    (preset) => {
      if (instance && preset?.id !== shown.preset?.id) void swapBasemap(instance, preset)
    },
  )
  watch(
    () => basemaps.dim,
    (dim) => {
      if (instance?.getLayer(BASEMAP_DIM_LAYER)) instance.setPaintProperty(BASEMAP_DIM_LAYER, 'background-opacity', dim)
    },
  )

  /**
   * Puts another basemap (or none) under our layers in place: its sources and layers replace the old ones right
   * above the background; our layers, their data and anything a screen added stay. When the coordinate system
   * changes, our data is redrawn in the new one and the camera moves with the ground it was showing.
   */
  async function swapBasemap(m: MaplibreMap, preset: BasemapPreset | null): Promise<void> {
    const seq = ++swapping
    const basemap = await loadBasemap(preset, (error) => notices.push({ id: 'basemap', context: 'errors.context.basemap', error }))
    if (seq !== swapping || m !== instance) return
    const style = m.getStyle()
    for (const l of style.layers) if (isBasemapLayer(l.id)) m.removeLayer(l.id)
    for (const id of Object.keys(style.sources)) if (isBasemapLayer(id)) m.removeSource(id)
    notices.dismiss('basemap')
    const crs: MapCrs = basemap ? (preset?.crs ?? 'wgs84') : 'wgs84'
    const before = m.getStyle().layers.find((l) => l.id !== BACKGROUND_LAYER)?.id
    if (basemap) {
      if (basemap.glyphs) m.setGlyphs(basemap.glyphs)
      if (typeof basemap.sprite === 'string') m.setSprite(basemap.sprite)
      for (const [id, src] of Object.entries(basemap.sources)) m.addSource(id, src)
      const layers: LayerSpecification[] = [...basemap.layers, dimLayer(basemaps.dim)]
      for (const l of layers) m.addLayer(l, before)
    }
    const old = shown.crs
    shown = { preset, basemap, crs }
    if (crs !== old) {
      const c = m.getCenter()
      const ground = fromMapLngLat({ lng: c.lng, lat: c.lat }, old)
      m.jumpTo({ center: centerIn([ground.lng, ground.lat], crs) })
      crsBinding?.reproject()
    }
    addControls(m)
  }

  function centerIn([lng, lat]: [number, number], crs: MapCrs): [number, number] {
    const p = toMapLngLat({ lng, lat }, crs)
    return [p.lng, p.lat]
  }

  onMounted(() => {
    void create().catch((error: unknown) => {
      view.state = 'failed'
      view.failure = error instanceof Error ? error.message : String(error)
    })
  })
  onBeforeUnmount(() => {
    disposed = true
    map.value = null
    if (window.__hjMap === instance) delete window.__hjMap
    instance?.remove()
    instance = null
    controls = null
    crsBinding = null
  })

  return { map, resize: () => instance?.resize() }
}
