import { REGION_LEVELS, type RegionLevel } from '@hanjiang/shared'
import { defineStore } from 'pinia'
import { reactive, shallowRef, watch } from 'vue'
import { endpoints } from '../api/endpoints.ts'
import { isAbortError } from '../api/client.ts'
import type { RegionCollection, RegionFeature, RegionLabelCollection } from '../api/types.ts'
import { safeStorage } from '../i18n/index.ts'
import { assignColorIndex, bboxOf, fallbackLabels, withMapLabels } from '../map/geo.ts'
import { PALETTE_SIZE, isTileLevel } from '../map/layers.ts'
import { useNoticesStore } from './notices.ts'

export type LevelStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface LevelState {
  status: LevelStatus
  /** Number of regions once loaded; 0 with status 'ready' is the empty state. */
  count: number
  error: unknown
}

/** The loaded geometry of one level. Kept out of Vue's deep reactivity: thousands of polygons must not be proxied. */
export interface LevelData {
  polygons: RegionCollection
  labels: RegionLabelCollection
  byCode: Map<string, RegionFeature>
  /** False when only the labels were loaded (the map draws the level's polygons from vector tiles). */
  geometry: boolean
}

export const LAYER_VISIBILITY_KEY = 'hj.map.layers'

function savedVisibility(): Record<RegionLevel, boolean> {
  const all = Object.fromEntries(REGION_LEVELS.map((l) => [l, true])) as Record<RegionLevel, boolean>
  try {
    const raw = safeStorage()?.getItem(LAYER_VISIBILITY_KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : null
    if (parsed && typeof parsed === 'object') {
      for (const l of REGION_LEVELS) {
        const v = (parsed as Record<string, unknown>)[l]
        if (typeof v === 'boolean') all[l] = v
      }
    }
  } catch {
    /* a corrupt entry just means the defaults */
  }
  return all
}

/** Region layers by level: loading state, the data, and which levels the user shows. */
export const useRegionsStore = defineStore('regions', () => {
  const levels = reactive(
    Object.fromEntries(REGION_LEVELS.map((l) => [l, { status: 'idle', count: 0, error: null }])) as Record<
      RegionLevel,
      LevelState
    >,
  )
  const visible = reactive(savedVisibility())
  /** Replaced (never mutated) on each load, so watchers see a new object. */
  const data = shallowRef<Partial<Record<RegionLevel, LevelData>>>({})
  const pending = new Map<RegionLevel, Promise<void>>()
  /** Levels whose pending request is a labels-only one. */
  const labelsOnly = new Set<RegionLevel>()

  watch(
    visible,
    (v) => {
      try {
        safeStorage()?.setItem(LAYER_VISIBILITY_KEY, JSON.stringify(v))
      } catch {
        /* storage full or blocked: the choice just is not remembered */
      }
    },
    { deep: true },
  )

  /**
   * A level drawn from vector tiles needs only its labels (which carry each region's box, for fitting it); the
   * polygons are loaded when a screen needs the geometry itself (analytics' choropleth).
   */
  async function fetchLabelsOnly(level: RegionLevel): Promise<void> {
    const notices = useNoticesStore()
    const state = levels[level]
    state.status = 'loading'
    state.error = null
    try {
      const labels = await endpoints().regionLabels(level)
      if (!labels || !Array.isArray(labels.features)) throw new TypeError('region labels: not a FeatureCollection')
      withMapLabels(labels)
      data.value = { ...data.value, [level]: { polygons: { type: 'FeatureCollection', features: [] }, labels, byCode: new Map(), geometry: false } }
      state.count = labels.features.length
      state.status = 'ready'
      notices.dismiss(`layer:${level}`)
    } catch (error) {
      state.status = 'error'
      state.error = error
      notices.push({ id: `layer:${level}`, context: `errors.context.layer.${level}`, error, retry: () => void reloadLabels(level) })
    }
  }

  async function fetchLevel(level: RegionLevel): Promise<void> {
    const notices = useNoticesStore()
    const api = endpoints()
    const state = levels[level]
    state.status = 'loading'
    state.error = null
    // Labels come from their own endpoint; if only they fail, the layer still shows with labels placed locally.
    const labelsPromise = api.regionLabels(level).then(
      (fc) => ({ fc, error: null as unknown }),
      (error: unknown) => ({ fc: null, error }),
    )
    try {
      const polygons = await api.regions(level)
      if (!polygons || !Array.isArray(polygons.features)) throw new TypeError('regions: not a FeatureCollection')
      if (level === 'street' || level === 'community') assignColorIndex(polygons, PALETTE_SIZE)
      const labelResult = await labelsPromise
      let labels: RegionLabelCollection
      if (labelResult.fc && Array.isArray(labelResult.fc.features)) {
        labels = labelResult.fc
        notices.dismiss(`labels:${level}`)
      } else {
        labels = fallbackLabels(polygons)
        if (labelResult.error && !isAbortError(labelResult.error)) {
          notices.push({
            id: `labels:${level}`,
            context: `errors.context.layer.${level}`,
            error: labelResult.error,
            retry: () => void reload(level),
          })
        }
      }
      withMapLabels(labels)
      const byCode = new Map<string, RegionFeature>()
      for (const f of polygons.features) byCode.set(f.properties.code, f)
      data.value = { ...data.value, [level]: { polygons, labels, byCode, geometry: true } }
      state.count = polygons.features.length
      state.status = 'ready'
      notices.dismiss(`layer:${level}`)
    } catch (error) {
      state.status = 'error'
      state.error = error
      notices.push({
        id: `layer:${level}`,
        context: `errors.context.layer.${level}`,
        error,
        retry: () => void reload(level),
      })
    }
  }

  /** Loads a level with its geometry once; concurrent calls share the request. */
  function load(level: RegionLevel): Promise<void> {
    const state = levels[level]
    if (state.status === 'ready' && data.value[level]?.geometry) return Promise.resolve()
    const existing = pending.get(level)
    if (existing && !labelsOnly.has(level)) return existing
    // After a labels-only load in flight (a map screen got there first), the geometry follows it.
    const p = (existing ? existing.then(() => fetchLevel(level)) : fetchLevel(level)).finally(() => pending.delete(level))
    pending.set(level, p)
    return p
  }

  /** What a map needs of a level: its labels for a level drawn from tiles (once), else the whole level. */
  function loadForMap(level: RegionLevel): Promise<void> {
    if (!isTileLevel(level)) return load(level)
    if (levels[level].status === 'ready') return Promise.resolve()
    const existing = pending.get(level)
    if (existing) return existing
    labelsOnly.add(level)
    const p = fetchLabelsOnly(level).finally(() => {
      pending.delete(level)
      labelsOnly.delete(level)
    })
    pending.set(level, p)
    return p
  }

  function reloadLabels(level: RegionLevel): Promise<void> {
    levels[level].status = 'idle'
    return loadForMap(level)
  }

  /** Loads a level again (after an error, or to pick up edits). */
  function reload(level: RegionLevel): Promise<void> {
    if (pending.has(level)) return pending.get(level)!
    levels[level].status = 'idle'
    return load(level)
  }

  function setVisible(level: RegionLevel, value: boolean): void {
    visible[level] = value
  }

  function feature(code: string): RegionFeature | null {
    for (const l of REGION_LEVELS) {
      const f = data.value[l]?.byCode.get(code)
      if (f) return f
    }
    return null
  }

  /** A loaded region's box [west, south, east, north]: from its polygon, else from its label. */
  function bounds(code: string): [number, number, number, number] | null {
    const f = feature(code)
    if (f) return bboxOf(f)
    for (const l of REGION_LEVELS) {
      const b = data.value[l]?.labels.features.find((x) => x.properties.code === code)?.properties.bbox
      if (b) return b
    }
    return null
  }

  const anyLoading = () => REGION_LEVELS.some((l) => levels[l].status === 'loading')

  return { levels, visible, data, load, loadForMap, reload, setVisible, feature, bounds, anyLoading }
})
