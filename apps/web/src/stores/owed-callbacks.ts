import { CALLBACK_STATES } from '@hanjiang/shared/workflow/callback'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { incidentEndpoints, type OwedCallbackItem } from '../api/incidents.ts'
import { DESK_PAGE_SIZE } from './dispatch-queue.ts'
import { RECOUNT_MS, type LoadStatus } from './dispatch.ts'

/** The most rows one request brings back (the API's cap, DESK_MAX_PAGE). */
const MAX_PAGE = 200
/** Events that can start or end an owed callback besides a change into or out of a callback state. */
const CALLBACK_ACTIONS = ['callbackDue', 'callback', 'rate', 'reopen']
const inCallbackState = (s: string | null | undefined) => !!s && (CALLBACK_STATES as readonly string[]).includes(s)

/**
 * The desk's "待回访" list (`GET /api/dispatch/queue?view=callbacks`): the callbacks the seats owe, the longest
 * owed first, and their count for the tab. Whether one is owed is the server's rule (callbackTask in SQL over
 * the event log), so a live event that may change it asks again — at most every RECOUNT_MS — for the rows
 * loaded so far (or only the counts while the list was never opened), rather than guessing in the browser.
 */
export const useOwedCallbacksStore = defineStore('owedCallbacks', () => {
  const items = shallowRef<OwedCallbackItem[]>([])
  const status = ref<LoadStatus>('idle')
  const error = shallowRef<unknown>(null)
  const nextCursor = ref<string | null>(null)
  const moreStatus = ref<LoadStatus>('idle')
  /** Every callback owed in the caller's scope, and the R10 ones. */
  const total = ref(0)
  const urgentTotal = ref(0)
  const hasMore = computed(() => nextCursor.value !== null)

  /** Bumped by every (re)load: an answer for an older generation is dropped. */
  let generation = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  function takeCounts(p: { total: number; urgent: number }): void {
    total.value = p.total
    urgentTotal.value = p.urgent
  }

  /** The rows again, as many as are shown (at least a page), or the first page when `reset`. */
  async function load(reset = true): Promise<void> {
    const mine = ++generation
    if (reset || status.value !== 'ready') status.value = 'loading'
    error.value = null
    const limit = reset ? DESK_PAGE_SIZE : Math.min(MAX_PAGE, Math.max(DESK_PAGE_SIZE, items.value.length))
    try {
      const page = await incidentEndpoints().owedCallbacks({ limit })
      if (mine !== generation) return
      items.value = page.items
      nextCursor.value = page.nextCursor
      takeCounts(page)
      moreStatus.value = 'idle'
      status.value = 'ready'
    } catch (e) {
      if (mine !== generation) return
      error.value = e
      status.value = 'error'
    }
  }

  /** The counts only (the tab's badge while the list is not open). */
  async function count(): Promise<void> {
    const mine = generation
    try {
      const page = await incidentEndpoints().owedCallbacks({ limit: 0 })
      if (mine === generation) takeCounts(page)
    } catch {
      /* the next event or the list's load counts again */
    }
  }

  async function loadMore(): Promise<void> {
    const cursor = nextCursor.value
    if (!cursor || status.value !== 'ready' || moreStatus.value === 'loading') return
    const mine = generation
    moreStatus.value = 'loading'
    try {
      const page = await incidentEndpoints().owedCallbacks({ cursor, limit: DESK_PAGE_SIZE })
      if (mine !== generation) return
      const seen = new Set(items.value.map((i) => i.code))
      items.value = [...items.value, ...page.items.filter((i) => !seen.has(i.code))]
      nextCursor.value = page.nextCursor
      takeCounts(page)
      moreStatus.value = 'ready'
    } catch {
      if (mine === generation) moreStatus.value = 'error'
    }
  }

  /** Asks again soon (throttled): the rows shown when the list has been loaded, else the counts. */
  function refresh(): void {
    if (timer !== undefined) return
    timer = setTimeout(() => {
      timer = undefined
      void (status.value === 'ready' ? load(false) : count())
    }, RECOUNT_MS)
  }

  /** A live incident event: only one that can start or end a callback makes the list ask again. */
  function onLiveEvent(e: { action?: string | null; state?: string | null; fromState?: string | null }): void {
    if ((e.action && CALLBACK_ACTIONS.includes(e.action)) || inCallbackState(e.state) || inCallbackState(e.fromState)) refresh()
  }

  /** The row `delta` steps from `code` among those loaded (j/k on the list); null when it is empty. */
  function neighbour(code: string | null, delta: 1 | -1): string | null {
    const list = items.value
    const i = code ? list.findIndex((x) => x.code === code) : -1
    if (i === -1) return list[0]?.code ?? null
    return list[Math.min(list.length - 1, Math.max(0, i + delta))]?.code ?? null
  }

  return { items, status, error, nextCursor, hasMore, moreStatus, total, urgentTotal, load, count, loadMore, refresh, onLiveEvent, neighbour }
})
