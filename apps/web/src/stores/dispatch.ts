import { defineStore } from 'pinia'
import { computed, ref, shallowRef, triggerRef } from 'vue'
import { isAbortError } from '../api/client.ts'
import {
  incidentEndpoints,
  type ActionInput,
  type DeskQueuePage,
  type IncidentDetail,
  type IncidentEvent,
  type IncidentListItem,
  type WorkflowAction,
} from '../api/incidents.ts'
import { beyondFrontier, deskDelta, DESK_PAGE_SIZE, isDeskState, sortQueue, urgencyRank } from './dispatch-queue.ts'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/** The fields of a detail that a queue row shows. */
function toItem(d: IncidentDetail): IncidentListItem {
  const { code, state, version, channel, requestType, track, type, fineClass, safetyHazard, location, address, description } = d
  const { reporter, unit, suggestedUnit, street, needsReview, deadlines, escalationLevel, extensionPending, createdAt, updatedAt } = d
  return {
    code, state, version, channel, requestType, track, type, fineClass, safetyHazard, location, address, description,
    reporter, unit, suggestedUnit, street, needsReview, deadlines, escalationLevel, extensionPending, createdAt, updatedAt,
  }
}

/** After live events, the counts are asked again at most this often (they are patched at once meanwhile). */
export const RECOUNT_MS = 1500

/**
 * The dispatch desk: the queue of incidents waiting at the command center, kept live from
 * `/api/events`, and the selected incident with its event log. Actions go through `act`, which sends the
 * version the dispatcher saw (a lost race answers 409 and the panel reloads).
 *
 * The queue is keyset-paged (`GET /api/dispatch/queue`, a page at a time as the dispatcher scrolls or steps past
 * the last row). Rows loaded so far end at the `frontier` (the last row of the last page): a live row that sorts
 * after it belongs to a page not fetched yet and is left to that page, so the list never shows a row out of place
 * or twice; one that sorts before it is placed at once. `total` counts everything waiting, loaded or not.
 */
export const useDispatchStore = defineStore('dispatch', () => {
  const byCode = shallowRef(new Map<string, IncidentListItem>())
  const status = ref<LoadStatus>('idle')
  const error = shallowRef<unknown>(null)
  /** Codes that arrived live since the page loaded, for a short highlight. */
  const fresh = ref<string[]>([])
  /** The next page's cursor; null when every page is loaded. */
  const nextCursor = ref<string | null>(null)
  /** The last row of the pages loaded (its sort key); null when every page is loaded. */
  const frontier = shallowRef<IncidentListItem | null>(null)
  /** Everything waiting in the caller's scope, and the urgent ones: from the server, patched by live events. */
  const total = ref(0)
  const urgentTotal = ref(0)
  const moreStatus = ref<LoadStatus>('idle')
  const moreError = shallowRef<unknown>(null)

  const selectedCode = ref<string | null>(null)
  const detail = shallowRef<IncidentDetail | null>(null)
  const events = shallowRef<IncidentEvent[]>([])
  const detailStatus = ref<LoadStatus>('idle')
  const detailError = shallowRef<unknown>(null)
  let detailController: AbortController | null = null

  /** Bumped by every (re)load: an answer for an older generation is dropped. */
  let generation = 0
  let morePending: Promise<void> | null = null
  /** While a page is on its way: what live events said about each code meanwhile (null = it left the desk). */
  let inflight: Map<string, IncidentListItem | null> | null = null
  let recountTimer: ReturnType<typeof setTimeout> | undefined

  const queue = computed(() => sortQueue(byCode.value.values()))
  const hasMore = computed(() => nextCursor.value !== null)
  const urgentCount = computed(() => Math.max(urgentTotal.value, queue.value.filter((i) => urgencyRank(i) === 0).length))

  function takePage(page: DeskQueuePage): void {
    nextCursor.value = page.nextCursor
    frontier.value = page.nextCursor ? (page.items[page.items.length - 1] ?? frontier.value) : null
    total.value = page.total
    urgentTotal.value = page.urgent
  }

  /** The first page (again): what a fresh desk, a reconnect that missed events, or a retry shows. */
  async function load(): Promise<void> {
    const mine = ++generation
    morePending = null
    inflight = null
    status.value = 'loading'
    error.value = null
    try {
      const page = await incidentEndpoints().deskQueue({ limit: DESK_PAGE_SIZE })
      if (mine !== generation) return
      byCode.value = new Map(page.items.map((i) => [i.code, i]))
      takePage(page)
      moreStatus.value = 'idle'
      status.value = 'ready'
    } catch (e) {
      if (mine !== generation) return
      error.value = e
      status.value = 'error'
    }
  }

  /** The next page after the frontier (one request at a time; a no-op once every page is loaded). */
  function loadMore(): Promise<void> {
    if (morePending) return morePending
    const cursor = nextCursor.value
    if (!cursor || status.value !== 'ready') return Promise.resolve()
    const mine = generation
    const seen = (inflight = new Map())
    moreStatus.value = 'loading'
    moreError.value = null
    const run = async () => {
      try {
        const page = await incidentEndpoints().deskQueue({ cursor, limit: DESK_PAGE_SIZE })
        if (mine !== generation) return
        const map = byCode.value
        for (const item of page.items) {
          // A live event during the request knows better: the incident left, or changed since the page was read.
          if (seen.has(item.code)) continue
          const had = map.get(item.code)
          if (!had || had.version <= item.version) map.set(item.code, item)
        }
        takePage(page)
        inflight = null
        // Live rows held back or dropped while the page was on its way: place them against the new frontier.
        for (const [code, live] of seen) {
          const paged = page.items.find((i) => i.code === code)
          const best = live && paged && paged.version > live.version ? paged : live
          if (best) place(best, false)
        }
        triggerRef(byCode)
        moreStatus.value = 'ready'
      } catch (e) {
        if (mine !== generation) return
        moreError.value = e
        moreStatus.value = 'error'
      } finally {
        if (mine === generation) {
          inflight = null
          morePending = null
        }
      }
    }
    return (morePending = run())
  }

  /** Shows the row where it sorts — unless it left the desk, or sorts after the frontier (a later page brings it). */
  function place(item: IncidentListItem, highlight: boolean): void {
    const map = byCode.value
    const had = map.has(item.code)
    if (!isDeskState(item.state) || beyondFrontier(item, frontier.value)) {
      if (had) {
        map.delete(item.code)
        triggerRef(byCode)
      }
      return
    }
    map.set(item.code, item)
    if (!had && highlight && !fresh.value.includes(item.code)) fresh.value = [...fresh.value, item.code]
    triggerRef(byCode)
  }

  function upsert(item: IncidentListItem): void {
    inflight?.set(item.code, isDeskState(item.state) ? item : null)
    place(item, true)
  }

  function remove(code: string): void {
    inflight?.set(code, null)
    if (byCode.value.delete(code)) triggerRef(byCode)
  }

  /** Counts again soon (throttled): live events patch them at once, the server has the last word. */
  function scheduleRecount(): void {
    if (recountTimer !== undefined) return
    recountTimer = setTimeout(async () => {
      recountTimer = undefined
      const mine = generation
      try {
        const c = await incidentEndpoints().deskQueue({ limit: 0 })
        if (mine !== generation) return
        total.value = c.total
        urgentTotal.value = c.urgent
      } catch {
        /* the next event or reload counts again */
      }
    }, RECOUNT_MS)
  }

  /** A live event: fetch the incident's current view (events carry only a summary), then place or drop it. */
  async function onLiveEvent(e: { code: string; state?: string | null; fromState?: string | null; track?: string | null }): Promise<void> {
    const delta = deskDelta(e.fromState, e.state)
    if (delta) {
      total.value = Math.max(0, total.value + delta)
      if (e.track === 'urgent') urgentTotal.value = Math.max(0, urgentTotal.value + delta)
    }
    if (delta || isDeskState(e.state) || isDeskState(e.fromState)) scheduleRecount()
    if (e.state && !isDeskState(e.state) && e.code !== selectedCode.value) {
      remove(e.code)
      return
    }
    try {
      const d = await incidentEndpoints().get(e.code)
      upsert(toItem(d))
      if (d.code === selectedCode.value && d.version !== detail.value?.version) {
        detail.value = d
        void loadEvents(d.code)
      }
    } catch {
      /* gone or not visible to us: nothing to show */
    }
  }

  /**
   * The row `delta` steps from `code` (j/k, arrows): past the last loaded row it loads the next page first, so
   * the keyboard runs through the whole queue. Null when the queue is empty.
   */
  async function neighbour(code: string | null, delta: 1 | -1): Promise<string | null> {
    let q = queue.value
    let i = code ? q.findIndex((x) => x.code === code) : -1
    if (i === -1) return q[0]?.code ?? null
    if (delta > 0 && i === q.length - 1 && hasMore.value) {
      await loadMore()
      q = queue.value
      i = q.findIndex((x) => x.code === code)
      if (i === -1) return q[0]?.code ?? null
    }
    return q[Math.min(q.length - 1, Math.max(0, i + delta))]?.code ?? null
  }

  async function loadEvents(code: string, signal?: AbortSignal): Promise<void> {
    const list = await incidentEndpoints().events(code, signal)
    if (code === selectedCode.value) events.value = list
  }

  async function select(code: string | null): Promise<void> {
    detailController?.abort()
    selectedCode.value = code
    detail.value = null
    events.value = []
    detailError.value = null
    if (!code) {
      detailStatus.value = 'idle'
      return
    }
    const mine = (detailController = new AbortController())
    detailStatus.value = 'loading'
    try {
      const [d] = await Promise.all([incidentEndpoints().get(code, mine.signal), loadEvents(code, mine.signal)])
      if (mine.signal.aborted) return
      detail.value = d
      detailStatus.value = 'ready'
    } catch (e) {
      if (mine.signal.aborted || isAbortError(e)) return
      detailError.value = e
      detailStatus.value = 'error'
    }
  }

  /** One workflow action on the selected incident; the answer replaces the detail and its queue row. */
  async function act(action: WorkflowAction, input: Omit<ActionInput, 'version'>): Promise<IncidentDetail> {
    const d = detail.value
    if (!d) throw new Error('no incident selected')
    const next = await incidentEndpoints().act(d.code, action, { ...input, version: d.version })
    if (selectedCode.value === next.code) detail.value = next
    upsert(toItem(next))
    void loadEvents(next.code).catch(() => {})
    return next
  }

  /** Corrects the selected incident's fine class; the server recomputes and stores the assignment. */
  async function reclassify(fineClass: string): Promise<IncidentDetail> {
    const d = detail.value
    if (!d) throw new Error('no incident selected')
    const next = await incidentEndpoints().reclassify(d.code, { version: d.version, fineClass })
    if (selectedCode.value === next.code) detail.value = next
    upsert(toItem(next))
    void loadEvents(next.code).catch(() => {})
    return next
  }

  /** After a 409 (someone else changed it): show the current state. */
  function reloadSelected(): Promise<void> {
    return select(selectedCode.value)
  }

  return {
    byCode, queue, status, error, fresh, load, upsert, remove, onLiveEvent,
    nextCursor, frontier, hasMore, total, urgentTotal, urgentCount, moreStatus, moreError, loadMore, neighbour,
    selectedCode, detail, events, detailStatus, detailError, select, act, reclassify, reloadSelected,
  }
})
