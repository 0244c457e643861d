import { REGION_LEVELS, isRegionLevel, type RegionLevel } from '@hanjiang/shared'
import type { MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl'
import { onScopeDispose, watch, type ShallowRef } from 'vue'
import { CLICKABLE_LAYERS, REGION_LAYER_SOURCES, layerId, selectedFilter } from '../map/layers.ts'
import type { RegionMap } from '../map/types.ts'
import { useRegionsStore } from '../stores/regions.ts'
import { useSelectionStore } from '../stores/selection.ts'
import { boundsToMap } from '../map/map-crs.ts'
import { useBasemapStore } from '../stores/basemap.ts'

export interface PickedRegion {
  code: string
  name: string
  level: RegionLevel
  source: string
  /** Set for features of a vector tile source (feature-state needs it). */
  sourceLayer?: string
  id: string | number | undefined
}

/** Of the region features under the pointer, the one of the finest level (a grid over its community over its street). */
export function pickRegion(features: (Pick<MapGeoJSONFeature, 'properties' | 'source' | 'id'> & { sourceLayer?: string })[]): PickedRegion | null {
  let best: PickedRegion | null = null
  for (const f of features) {
    const p = f.properties as Record<string, unknown> | null
    const level = p?.level
    const code = p?.code
    if (!isRegionLevel(level) || typeof code !== 'string' || !REGION_LAYER_SOURCES.has(f.source)) continue
    if (!best || REGION_LEVELS.indexOf(level) > REGION_LEVELS.indexOf(best.level)) {
      best = { code, name: typeof p?.name === 'string' ? p.name : code, level, source: f.source, sourceLayer: f.sourceLayer, id: f.id }
    }
  }
  return best
}

/**
 * Something else on the map that may take a click or the pointer before the regions do: the assignment probe
 * (every click, while on), the responsibility areas (a click on an area).
 */
export interface MapTool {
  /** Takes the click (returns true), or lets the next tool — finally the region selection — have it. */
  click?(e: MapMouseEvent): boolean
  /**
   * The pointer moved (`null`: it left the map). Returns the cursor to show when the tool claims the pointer
   * (no region is then highlighted), or null to let the next tool decide.
   */
  hover?(e: MapMouseEvent | null): string | null
}

/** Pixels of the map covered by a side panel (right) or a bottom sheet (bottom). */
export interface PanelInset {
  right?: number
  bottom?: number
}

export interface RegionSelectionOptions {
  /** Asked in order before the regions. */
  tools?: MapTool[]
}

/**
 * Click a region to select it (its details open in the side panel), hover to see what a click would pick,
 * and keep the selected outline on the map in step with the selection store. Tools (the probe, the areas)
 * get clicks and the pointer first.
 */
export function useRegionSelection(map: ShallowRef<RegionMap | null>, options: RegionSelectionOptions = {}) {
  const tools = options.tools ?? []
  const selection = useSelectionStore()
  const regions = useRegionsStore()
  let bound: RegionMap | null = null
  let hover: { source: string; sourceLayer?: string; id: string | number } | null = null

  function pickAt(m: RegionMap, point: MapMouseEvent['point']): PickedRegion | null {
    const layers = CLICKABLE_LAYERS.filter((id) => m.getLayer(id) && m.getLayoutProperty(id, 'visibility') !== 'none')
    if (!layers.length) return null
    return pickRegion(m.queryRenderedFeatures(point, { layers }))
  }

  function setHover(m: RegionMap, next: PickedRegion | null): void {
    // A vector tile source's features are addressed by their source layer too.
    const key = next && next.id !== undefined ? { source: next.source, id: next.id, ...(next.sourceLayer ? { sourceLayer: next.sourceLayer } : {}) } : null
    if (hover && key && hover.source === key.source && hover.id === key.id) return
    if (hover) m.setFeatureState(hover, { hover: false })
    hover = key
    if (hover) m.setFeatureState(hover, { hover: true })
    m.getCanvas().style.cursor = next ? 'pointer' : ''
  }

  const onClick = (e: MapMouseEvent) => {
    if (!bound) return
    if (tools.some((tool) => tool.click?.(e) === true)) return
    const picked = pickAt(bound, e.point)
    if (picked) void selection.select(picked.code, { name: picked.name, level: picked.level })
    else selection.clear()
  }
  const onMove = (e: MapMouseEvent) => {
    if (!bound) return
    let cursor: string | null = null
    for (const tool of tools) {
      // Every tool hears the move (each clears its own highlight); the first to claim it sets the cursor.
      const c = tool.hover?.(e) ?? null
      if (cursor === null) cursor = c
    }
    if (cursor !== null) {
      setHover(bound, null)
      bound.getCanvas().style.cursor = cursor
      return
    }
    setHover(bound, pickAt(bound, e.point))
  }
  const onOut = () => {
    if (!bound) return
    for (const tool of tools) tool.hover?.(null)
    setHover(bound, null)
  }

  function unbind(): void {
    if (!bound) return
    bound.off('click', onClick)
    bound.off('mousemove', onMove)
    bound.off('mouseout', onOut)
    bound = null
    hover = null
  }

  watch(
    map,
    (m) => {
      unbind()
      if (!m) return
      bound = m
      m.on('click', onClick)
      m.on('mousemove', onMove)
      m.on('mouseout', onOut)
    },
    { immediate: true },
  )

  // Selection → outline. Codes are unique across levels, so one filter serves every level's outline layer.
  watch(
    [map, () => selection.code],
    ([m, code]) => {
      if (!m) return
      for (const level of REGION_LEVELS) {
        for (const id of [layerId.selected(level), layerId.selectedCasing(level)]) {
          if (m.getLayer(id)) m.setFilter(id, selectedFilter(code))
        }
      }
    },
    { immediate: true },
  )

  onScopeDispose(unbind)

  /**
   * Moves the map to a region (when its level is loaded) — for the panel's parent links and "show on map".
   * `inset` keeps the region clear of the details panel: a number of pixels on the right (a panel floating over
   * the map's right side), or `{right, bottom}` (a bottom sheet on a phone). The padding shrinks on small maps.
   */
  function focus(code: string, inset: number | PanelInset = 0): boolean {
    const m = map.value
    const b = regions.bounds(code)
    if (!m || !b) return false
    const { right = 0, bottom = 0 } = typeof inset === 'number' ? { right: inset } : inset
    const canvas = m.getCanvas()
    const w = canvas.clientWidth || 1024
    const h = canvas.clientHeight || 768
    const pad = Math.min(80, Math.round(Math.min(w, h) * 0.08))
    // Never ask for more padding than the map has room for (MapLibre would refuse to fit).
    const r = Math.min(right, Math.max(0, w - 2 * pad - 40))
    const bt = Math.min(bottom, Math.max(0, h - 2 * pad - 40))
    m.fitBounds(boundsToMap(b, useBasemapStore().crs), { padding: { top: pad, bottom: pad + bt, left: pad, right: pad + r }, maxZoom: 16, duration: 600 })
    return true
  }

  return { focus }
}
