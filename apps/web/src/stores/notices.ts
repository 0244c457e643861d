import { defineStore } from 'pinia'
import { markRaw, ref } from 'vue'

/** One message in the error banner. `context` is an i18n key ("what failed"); the error says why. */
export interface Notice {
  /** Stable per source ("layer:street"), so a repeated failure replaces its notice instead of stacking. */
  id: string
  context: string
  error: unknown
  retry?: () => void
  at: number
}

/** The error banner's messages: API failures and map errors, each dismissable and, where it makes sense, retryable. */
export const useNoticesStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([])

  function push(notice: Omit<Notice, 'at'>): void {
    const entry = markRaw({ ...notice, at: Date.now() })
    const i = notices.value.findIndex((n) => n.id === notice.id)
    if (i >= 0) notices.value.splice(i, 1, entry)
    else notices.value.push(entry)
  }

  function dismiss(id: string): void {
    notices.value = notices.value.filter((n) => n.id !== id)
  }

  function clear(): void {
    notices.value = []
  }

  return { notices, push, dismiss, clear }
})
