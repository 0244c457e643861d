import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { endpoints } from '../api/endpoints.ts'
import type { BasemapPreset } from '../api/types.ts'
import { useNoticesStore } from './notices.ts'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/** The platform configuration from `GET /api/config`: the configured basemaps and extra attribution lines. */
export const useConfigStore = defineStore('config', () => {
  const status = ref<LoadStatus>('idle')
  const basemaps = shallowRef<BasemapPreset[]>([])
  const attribution = ref<string[]>([])
  let pending: Promise<void> | null = null

  function load(): Promise<void> {
    if (status.value === 'ready') return Promise.resolve()
    if (pending) return pending
    const notices = useNoticesStore()
    status.value = 'loading'
    pending = endpoints()
      .config()
      .then((cfg) => {
        basemaps.value = Array.isArray(cfg.basemaps) ? cfg.basemaps : []
        attribution.value = Array.isArray(cfg.attribution) ? cfg.attribution.filter((a) => typeof a === 'string') : []
        status.value = 'ready'
        notices.dismiss('config')
      })
      .catch((error: unknown) => {
        // The map still works without the configuration: it just draws no basemap.
        basemaps.value = []
        status.value = 'error'
        notices.push({ id: 'config', context: 'errors.context.config', error })
      })
      .finally(() => {
        pending = null
      })
    return pending
  }

  return { status, basemaps, attribution, load }
})
