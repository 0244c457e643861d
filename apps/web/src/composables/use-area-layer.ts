import type { GeoJSONSource, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl'
import { onScopeDispose, toValue, watch, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import type { AreaProperties } from '../api/types.ts'
import {
  AREA_CLICKABLE_LAYERS,
  AREA_SOURCE,
  HATCH_IMAGE,
  areaLayerId,
  hatchImage,
  highlightFilter,
  setAreaVisibility,
} from '../map/overlays.ts'
import type { RegionMap } from '../map/types.ts'
import { useAreasStore } from '../stores/areas.ts'
import type { MapTool } from './use-region-selection.ts'

export interface AreaLayerOptions {
  /**
   * A fine class being looked at (the probe's): areas for other classes fade, so the ones that can decide the
   * answer stand out. Null shows every area alike.
   */
  focusClass?: MaybeRefOrGetter<string | null>
  /** An area to highlight whether or not the layer is on (the one that decided the probe's answer); loads the data. */
  highlight?: MaybeRefOrGetter<number | null>
}

/** Pixels around the pointer that still count as on a line (lines are thin; fingers and mice are not). */
export const AREA_HIT_TOLERANCE = 4

/** The distinct areas among the features under the pointer (a MultiLineString may come back once per tile). */
export function areasOf(features: Pick<MapGeoJSONFeature, 'properties' | 'source'>[]): AreaProperties[] {
  const seen = new Map<number, AreaProperties>()
  for (const f of features) {
    if (f.source !== AREA_SOURCE) continue
    const p = f.properties as Record<string, unknown> | null
    const id = Number(p?.id)
    if (!p || !Number.isFinite(id) || seen.has(id)) continue
    seen.set(id, {
      id,
      name: String(p.name ?? ''),
      unitCode: String(p.unitCode ?? ''),
      unitName: typeof p.unitName === 'string' ? p.unitName : null,
      classCode: String(p.classCode ?? ''),
      className: typeof p.className === 'string' ? p.className : null,
      geometryKind: p.geometryKind === 'line' ? 'line' : 'polygon',
      bufferM: p.bufferM === null || p.bufferM === undefined || p.bufferM === '' ? null : Number(p.bufferM),
      areaM2: typeof p.areaM2 === 'number' ? p.areaM2 : null,
      lengthM: typeof p.lengthM === 'number' ? p.lengthM : null,
      ...(typeof p.color === 'number' ? { color: p.color } : {}),
    })
  }
  return [...seen.values()]
}

/** Whether an area for `areaClass` (2, 4 or 6 digits) applies to `fineClass`: the class is a prefix of it. */
export function appliesTo(areaClass: string, fineClass: string): boolean {
  return fineClass.startsWith(areaClass)
}

/**
 * The responsibility-area layer: data into the map's source, the layer panel's checkbox onto the layers (the data
 * is loaded when first shown), hover highlight, and a map tool that picks the areas under a click for the panel.
 */
export function useAreaLayer(map: ShallowRef<RegionMap | null>, options: AreaLayerOptions = {}) {
  const areas = useAreasStore()
  let hovered: number[] = []

  function ensureHatch(m: RegionMap): void {
    if (!m.hasImage(HATCH_IMAGE)) m.addImage(HATCH_IMAGE, hatchImage())
  }

  // Data → source.
  watch(
    [map, () => areas.data],
    ([m, data]) => {
      if (!m || !data) return
      ensureHatch(m)
      ;(m.getSource(AREA_SOURCE) as GeoJSONSource | undefined)?.setData(data)
    },
    { immediate: true },
  )

  // Checkbox → layers; the first time the layer is shown, load it.
  watch(
    [map, () => areas.visible],
    ([m, visible]) => {
      if (!m) return
      if (visible) {
        ensureHatch(m)
        void areas.load()
      }
      setAreaVisibility(m, visible)
    },
    { immediate: true },
  )

  // The class in focus → fade the areas that do not apply to it.
  watch(
    [map, () => areas.data, () => toValue(options.focusClass) ?? null],
    ([m, data, focus]) => {
      if (!m || !data) return
      for (const f of data.features) {
        const dim = focus !== null && !appliesTo(f.properties.classCode, focus)
        m.setFeatureState({ source: AREA_SOURCE, id: f.properties.id }, { dim })
      }
    },
    { immediate: true },
  )

  // The deciding area → its highlight (the data is loaded for it even while the layer is off).
  watch(
    [map, () => toValue(options.highlight) ?? null],
    ([m, id]) => {
      if (!m) return
      if (id !== null) void areas.load()
      const set = (layer: string, filter: ReturnType<typeof highlightFilter>) => m.getLayer(layer) && m.setFilter(layer, filter)
      set(areaLayerId.winnerFill, highlightFilter('polygon', id))
      set(areaLayerId.winnerBuffer, highlightFilter('line', id))
      set(areaLayerId.winner, highlightFilter('any', id))
    },
    { immediate: true },
  )

  function hitAt(m: RegionMap, e: MapMouseEvent): AreaProperties[] {
    if (!areas.visible || areas.status !== 'ready') return []
    const layers = AREA_CLICKABLE_LAYERS.filter((id) => m.getLayer(id))
    if (!layers.length) return []
    const { x, y } = e.point
    const d = AREA_HIT_TOLERANCE
    return areasOf(m.queryRenderedFeatures([[x - d, y - d], [x + d, y + d]], { layers }))
  }

  function setHovered(m: RegionMap, ids: number[]): void {
    for (const id of hovered) if (!ids.includes(id)) m.setFeatureState({ source: AREA_SOURCE, id }, { hover: false })
    for (const id of ids) if (!hovered.includes(id)) m.setFeatureState({ source: AREA_SOURCE, id }, { hover: true })
    hovered = ids
  }

  const tool: MapTool = {
    click(e) {
      const m = map.value
      if (!m) return false
      const hit = hitAt(m, e)
      if (!hit.length) {
        areas.clearPick()
        return false
      }
      areas.pick(hit)
      return true
    },
    hover(e) {
      const m = map.value
      if (!m) return null
      const hit = e ? hitAt(m, e) : []
      setHovered(m, hit.map((a) => a.id))
      return hit.length ? 'pointer' : null
    },
  }

  // The outline of the picked areas stays highlighted while their panel is open.
  watch(
    [map, () => areas.picked],
    ([m, picked], [, before]) => {
      if (!m) return
      for (const a of before ?? []) m.setFeatureState({ source: AREA_SOURCE, id: a.id }, { picked: false })
      for (const a of picked) m.setFeatureState({ source: AREA_SOURCE, id: a.id }, { picked: true })
    },
  )

  onScopeDispose(() => {
    hovered = []
  })

  return { tool }
}
