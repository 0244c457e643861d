import type { RegionLevel } from '@hanjiang/shared'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { endpoints } from '../api/endpoints.ts'
import { isAbortError, isApiError } from '../api/client.ts'
import type { RegionDetail } from '../api/types.ts'

export type SelectionStatus = 'idle' | 'loading' | 'ready' | 'not-found' | 'error'

/** The region the user clicked, and its details from `GET /api/regions/:code`. */
export const useSelectionStore = defineStore('selection', () => {
  const code = ref<string | null>(null)
  /** The level and name known from the map before the details arrive (shown while loading). */
  const hint = shallowRef<{ name: string; level: RegionLevel } | null>(null)
  const detail = shallowRef<RegionDetail | null>(null)
  const status = ref<SelectionStatus>('idle')
  const error = shallowRef<unknown>(null)
  let controller: AbortController | null = null

  const isOpen = computed(() => code.value !== null)

  async function select(next: string, known?: { name: string; level: RegionLevel }): Promise<void> {
    if (next === code.value && (status.value === 'ready' || status.value === 'loading')) return
    controller?.abort()
    const mine = (controller = new AbortController())
    code.value = next
    hint.value = known ?? null
    detail.value = null
    error.value = null
    status.value = 'loading'
    try {
      const d = await endpoints().region(next, mine.signal)
      if (mine.signal.aborted) return
      detail.value = d
      status.value = 'ready'
    } catch (e) {
      if (mine.signal.aborted || isAbortError(e)) return
      error.value = e
      status.value = isApiError(e) && e.status === 404 ? 'not-found' : 'error'
    }
  }

  function retry(): Promise<void> {
    const c = code.value
    if (!c) return Promise.resolve()
    const known = hint.value ?? undefined
    status.value = 'idle'
    code.value = null
    return select(c, known)
  }

  function clear(): void {
    controller?.abort()
    controller = null
    code.value = null
    hint.value = null
    detail.value = null
    error.value = null
    status.value = 'idle'
  }

  return { code, hint, detail, status, error, isOpen, select, retry, clear }
})
