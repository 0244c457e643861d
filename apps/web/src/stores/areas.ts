import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { isAbortError } from '../api/client.ts'
import { endpoints } from '../api/endpoints.ts'
import type { AreaCollection, AreaFeature, AreaProperties } from '../api/types.ts'
import { safeStorage } from '../i18n/index.ts'
import { AREA_PALETTE } from '../map/overlays.ts'
import { useNoticesStore } from './notices.ts'

export type AreasStatus = 'idle' | 'loading' | 'ready' | 'error'

export const AREAS_VISIBLE_KEY = 'hj.map.areas'

/**
 * Gives each area a `color` index: one per unit (in unit-code order), so a unit's roads, rivers or service areas
 * share a colour and neighbouring units differ. Mutates and returns the collection.
 */
export function colourByUnit(fc: AreaCollection, paletteSize = AREA_PALETTE.length): AreaCollection {
  const units = [...new Set(fc.features.map((f) => f.properties.unitCode))].sort()
  const index = new Map(units.map((u, i) => [u, i % paletteSize]))
  for (const f of fc.features) f.properties.color = index.get(f.properties.unitCode) ?? 0
  return fc
}

/**
 * Orders the areas found under a click: lines (a road, a river: the narrowest claim) before polygons, smaller
 * polygons before larger ones, then by id.
 */
export function orderPicked(list: AreaProperties[]): AreaProperties[] {
  const size = (a: AreaProperties) => (a.geometryKind === 'line' ? -1 : (a.areaM2 ?? Number.MAX_VALUE))
  return [...list].sort((a, b) => size(a) - size(b) || a.id - b.id)
}

function savedVisible(): boolean {
  try {
    return safeStorage()?.getItem(AREAS_VISIBLE_KEY) === 'true'
  } catch {
    return false
  }
}

/** Responsibility areas (`GET /api/areas`): whether the layer is shown, its data, and the areas last clicked. */
export const useAreasStore = defineStore('areas', () => {
  /** Off by default; the choice is remembered. */
  const visible = ref(savedVisible())
  const status = ref<AreasStatus>('idle')
  const count = ref(0)
  const error = shallowRef<unknown>(null)
  /** Kept out of deep reactivity: polygons must not be proxied. Replaced, never mutated. */
  const data = shallowRef<AreaCollection | null>(null)
  /** The areas under the last click (outside probe mode), most specific first; empty when none is shown. */
  const picked = shallowRef<AreaProperties[]>([])
  let pending: Promise<void> | null = null

  watch(visible, (v) => {
    try {
      safeStorage()?.setItem(AREAS_VISIBLE_KEY, String(v))
    } catch {
      /* not remembered */
    }
  })

  const isOpen = computed(() => picked.value.length > 0)

  async function fetchAreas(): Promise<void> {
    const notices = useNoticesStore()
    status.value = 'loading'
    error.value = null
    try {
      const fc = await endpoints().areas()
      if (!fc || !Array.isArray(fc.features)) throw new TypeError('areas: not a FeatureCollection')
      data.value = colourByUnit(fc)
      count.value = fc.features.length
      status.value = 'ready'
      notices.dismiss('areas')
    } catch (e) {
      if (isAbortError(e)) return
      status.value = 'error'
      error.value = e
      notices.push({ id: 'areas', context: 'errors.context.areas', error: e, retry: () => void reload() })
    }
  }

  /** Loads the areas once; concurrent calls share the request. */
  function load(): Promise<void> {
    if (status.value === 'ready') return Promise.resolve()
    if (pending) return pending
    pending = fetchAreas().finally(() => (pending = null))
    return pending
  }

  function reload(): Promise<void> {
    if (pending) return pending
    status.value = 'idle'
    return load()
  }

  function setVisible(v: boolean): void {
    visible.value = v
    if (!v) picked.value = []
  }

  function feature(id: number): AreaFeature | null {
    return data.value?.features.find((f) => f.properties.id === id) ?? null
  }

  function pick(list: AreaProperties[]): void {
    picked.value = orderPicked(list)
  }

  function clearPick(): void {
    if (picked.value.length) picked.value = []
  }

  return { visible, status, count, error, data, picked, isOpen, load, reload, setVisible, feature, pick, clearPick }
})
