import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { endpoints } from '../api/endpoints.ts'
import type { Health } from '../api/types.ts'

export type HealthState = 'checking' | 'ok' | 'degraded' | 'down'

/** The API's health for the header's status light and the about page; polled while the app runs. */
export const useHealthStore = defineStore('health', () => {
  const state = ref<HealthState>('checking')
  const health = shallowRef<Health | null>(null)
  const error = shallowRef<unknown>(null)
  const checkedAt = ref<Date | null>(null)
  let timer: ReturnType<typeof setInterval> | null = null
  let inFlight: Promise<void> | null = null

  function refresh(): Promise<void> {
    if (inFlight) return inFlight
    inFlight = endpoints()
      .health()
      .then((h) => {
        health.value = h
        error.value = null
        state.value = h.status === 'ok' && (h.migrations?.pending?.length ?? 0) === 0 ? 'ok' : 'degraded'
      })
      .catch((e: unknown) => {
        error.value = e
        state.value = 'down'
      })
      .finally(() => {
        checkedAt.value = new Date()
        inFlight = null
      })
    return inFlight
  }

  function startPolling(intervalMs = 60_000): void {
    stopPolling()
    void refresh()
    timer = setInterval(() => void refresh(), intervalMs)
  }

  function stopPolling(): void {
    if (timer) clearInterval(timer)
    timer = null
  }

  return { state, health, error, checkedAt, refresh, startPolling, stopPolling }
})
