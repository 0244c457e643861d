import { REGION_LEVELS, type RegionLevel } from '@hanjiang/shared'
import type { GeoJSONSource } from 'maplibre-gl'
import { computed, onScopeDispose, watch, type ShallowRef } from 'vue'
import { bboxOf, outsideMask } from '../map/geo.ts'
import { LEVEL_ZOOM, MASK_SOURCE, PREFETCH_ZOOM_MARGIN, labelSourceId, setLevelVisibility, sourceId } from '../map/layers.ts'
import type { RegionMap } from '../map/types.ts'
import { useMapViewStore } from '../stores/map-view.ts'
import { useRegionsStore, type LevelData } from '../stores/regions.ts'
import { boundsToMap } from '../map/map-crs.ts'
import { useBasemapStore } from '../stores/basemap.ts'

export interface RegionLayersOptions {
  /** Fit the view to the district once its outline has loaded (default true). */
  fitDistrict?: boolean
  /** Padding in pixels around the district when fitting. */
  padding?: number
}

/** The district's bounds as loaded, for the "whole district" button. */
export function districtBounds(data: LevelData | undefined): [number, number, number, number] | null {
  return data ? bboxOf(data.polygons) : null
}

/**
 * Binds the regions store to a map: pushes loaded data into the GeoJSON sources, applies the layer checkboxes,
 * tracks the zoom, loads each level when the view first comes near its zoom range (district and streets at
 * once, communities and grids on the way in), and fits the district on load.
 */
export function useRegionLayers(map: ShallowRef<RegionMap | null>, options: RegionLayersOptions = {}) {
  const regions = useRegionsStore()
  const view = useMapViewStore()
  const { fitDistrict = true, padding = 40 } = options
  let applied = new WeakMap<RegionMap, Map<RegionLevel, LevelData>>()
  let fitted = false
  const basemaps = useBasemapStore()

  function setData(m: RegionMap, id: string, data: GeoJSON.GeoJSON): void {
    const src = m.getSource(id) as GeoJSONSource | undefined
    // Levels drawn from vector tiles (map/layers.ts TILE_LEVELS) fetch their own polygons.
    if (src?.type === 'geojson') src.setData(data)
  }

  function fitToDistrict(m: RegionMap, animate: boolean): void {
    const b = districtBounds(regions.data.district)
    if (b) m.fitBounds(boundsToMap(b, basemaps.crs), { padding, duration: animate ? 600 : 0, maxZoom: 13 })
  }

  // Data → sources.
  watch(
    [map, () => regions.data],
    ([m, data]) => {
      if (!m) return
      let done = applied.get(m)
      if (!done) applied.set(m, (done = new Map()))
      for (const level of REGION_LEVELS) {
        const d = data[level]
        if (!d || done.get(level) === d) continue
        setData(m, sourceId(level), d.polygons)
        setData(m, labelSourceId(level), d.labels)
        if (level === 'district') setData(m, MASK_SOURCE, outsideMask(d.polygons))
        done.set(level, d)
        view.rendering = true
        if (level === 'district' && fitDistrict && !fitted) {
          fitted = true
          fitToDistrict(m, false)
        }
      }
    },
    { immediate: true },
  )

  // Checkboxes → layer visibility.
  watch(
    [map, () => REGION_LEVELS.map((l) => regions.visible[l])],
    ([m, vis]) => {
      if (!m) return
      REGION_LEVELS.forEach((level, i) => setLevelVisibility(m, level, vis[i] ?? true))
    },
    { immediate: true },
  )

  // Zoom → load the levels that are (nearly) in view and switched on.
  const wanted = computed(() =>
    REGION_LEVELS.filter((l) => regions.visible[l] && view.zoom >= LEVEL_ZOOM[l].min - PREFETCH_ZOOM_MARGIN),
  )
  watch(
    [map, wanted],
    ([m, levels]) => {
      if (!m) return
      for (const l of levels) void regions.loadForMap(l)
    },
    { immediate: true },
  )

  // Map events → view store.
  let bound: RegionMap | null = null
  const onZoom = () => {
    if (bound) view.zoom = Math.round(bound.getZoom() * 100) / 100
  }
  const onIdle = () => {
    view.rendering = false
  }
  function unbind(): void {
    bound?.off('zoom', onZoom)
    bound?.off('idle', onIdle)
    bound = null
  }
  watch(
    map,
    (m) => {
      unbind()
      if (!m) return
      bound = m
      m.on('zoom', onZoom)
      m.on('idle', onIdle)
      onZoom()
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    unbind()
    applied = new WeakMap()
  })

  return {
    /** Animates back to the whole district. */
    fitDistrict: () => {
      if (map.value) fitToDistrict(map.value, true)
    },
    /** Skips the fit to the district on load (the view is going to a region from the URL instead). */
    cancelInitialFit: () => {
      fitted = true
    },
  }
}
