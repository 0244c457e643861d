import { defineStore } from 'pinia'
import { computed, ref, shallowRef, triggerRef } from 'vue'
import { isAbortError } from '../api/client.ts'
import {
  incidentEndpoints,
  type ActionInput,
  type IncidentDetail,
  type IncidentEvent,
  type IncidentListItem,
  type WorkflowAction,
} from '../api/incidents.ts'
import { DESK_STATES, isDeskState, sortQueue } from './dispatch-queue.ts'

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

/**
 * The dispatch desk (issue 5 item 1): the queue of incidents waiting at the command center, kept live from
 * `/api/events`, and the selected incident with its event log. Actions go through `act`, which sends the
 * version the dispatcher saw (a lost race answers 409 and the panel reloads).
 */
export const useDispatchStore = defineStore('dispatch', () => {
  const byCode = shallowRef(new Map<string, IncidentListItem>())
  const status = ref<LoadStatus>('idle')
  const error = shallowRef<unknown>(null)
  /** Codes that arrived live since the page loaded, for a short highlight. */
  const fresh = ref<string[]>([])

  const selectedCode = ref<string | null>(null)
  const detail = shallowRef<IncidentDetail | null>(null)
  const events = shallowRef<IncidentEvent[]>([])
  const detailStatus = ref<LoadStatus>('idle')
  const detailError = shallowRef<unknown>(null)
  let detailController: AbortController | null = null

  const queue = computed(() => sortQueue(byCode.value.values()))

  async function load(): Promise<void> {
    status.value = 'loading'
    error.value = null
    try {
      const page = await incidentEndpoints().list({ state: [...DESK_STATES], limit: 200 })
      byCode.value = new Map(page.items.map((i) => [i.code, i]))
      status.value = 'ready'
    } catch (e) {
      error.value = e
      status.value = 'error'
    }
  }

  function upsert(item: IncidentListItem): void {
    const had = byCode.value.has(item.code)
    if (isDeskState(item.state)) byCode.value.set(item.code, item)
    else byCode.value.delete(item.code)
    if (!had && isDeskState(item.state) && !fresh.value.includes(item.code)) fresh.value = [...fresh.value, item.code]
    triggerRef(byCode)
  }

  function remove(code: string): void {
    if (byCode.value.delete(code)) triggerRef(byCode)
  }

  /** A live event: fetch the incident's current view (events carry only a summary), then place or drop it. */
  async function onLiveEvent(e: { code: string; state?: string | null }): Promise<void> {
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
    selectedCode, detail, events, detailStatus, detailError, select, act, reclassify, reloadSelected,
  }
})
