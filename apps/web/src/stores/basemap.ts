import type { MapCrs } from '@hanjiang/shared'
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { BasemapPreset } from '../api/types.ts'
import { safeStorage } from '../i18n/index.ts'
import { useAuthStore } from './auth.ts'
import { useConfigStore } from './config.ts'

/** The "no basemap" choice in the layer panel. */
export const NO_BASEMAP = 'none'
/** How much the basemap is veiled (0 = as it comes, 0.8 = faint): our layers stay readable on busy imagery. */
export const DIM_MAX = 0.8
export const DIM_DEFAULT = 0.2

interface Saved {
  id?: unknown
  dim?: unknown
}

/** Per user and browser: a shared desk PC keeps each dispatcher's own choice (docs/BASEMAPS.md). */
export function basemapStorageKey(username: string | null | undefined): string {
  return `hj.basemap.${username || 'anonymous'}`
}

/**
 * Which configured basemap every map draws (or none), and how dimmed; saved in localStorage per user. The
 * coordinate system the maps draw in follows the chosen basemap (`crs`): our WGS84 data is shifted onto a GCJ-02
 * basemap (map/map-crs.ts).
 */
export const useBasemapStore = defineStore('basemap', () => {
  const config = useConfigStore()
  const auth = useAuthStore()
  /** The id the user chose, or null for the default (the first configured basemap). */
  const chosen = ref<string | null>(null)
  const dim = ref(DIM_DEFAULT)
  let loadedFor: string | null = null

  const current = computed<BasemapPreset | null>(() => {
    const list = config.basemaps
    if (chosen.value === NO_BASEMAP) return null
    return list.find((b) => b.id === chosen.value) ?? list[0] ?? null
  })
  const crs = computed<MapCrs>(() => current.value?.crs ?? 'wgs84')
  const selectedId = computed(() => current.value?.id ?? NO_BASEMAP)

  function restore(): void {
    const key = basemapStorageKey(auth.user?.username)
    if (key === loadedFor) return
    loadedFor = key
    chosen.value = null
    dim.value = DIM_DEFAULT
    try {
      const saved = JSON.parse(safeStorage()?.getItem(key) ?? 'null') as Saved | null
      if (typeof saved?.id === 'string') chosen.value = saved.id
      if (typeof saved?.dim === 'number' && saved.dim >= 0 && saved.dim <= DIM_MAX) dim.value = saved.dim
    } catch {
      /* an unreadable entry: the defaults */
    }
  }

  function save(): void {
    try {
      safeStorage()?.setItem(basemapStorageKey(auth.user?.username), JSON.stringify({ id: chosen.value, dim: dim.value }))
    } catch {
      /* storage full or blocked: the choice lasts for this page */
    }
  }

  function select(id: string): void {
    restore()
    chosen.value = id
    save()
  }

  function setDim(value: number): void {
    restore()
    dim.value = Math.min(DIM_MAX, Math.max(0, Number.isFinite(value) ? value : DIM_DEFAULT))
    save()
  }

  restore()
  watch(() => auth.user?.username, restore)

  return { chosen, dim, current, crs, selectedId, select, setDim, restore }
})
