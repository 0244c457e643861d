import { onBeforeUnmount, onMounted, ref } from 'vue'
import { recheckSession } from '../api/client.ts'

/** The summary `/api/events` sends with each `incident` event (apps/api/src/routes/events.ts). */
export interface LiveIncidentEvent {
  id: number
  code: string
  action: string
  fromState: string | null
  toState: string | null
  state: string | null
  at: string
  unitCode?: string | null
  streetCode?: string | null
  fineClass?: string | null
  track?: string | null
}

export interface IncidentStreamHandlers {
  incident(e: LiveIncidentEvent): void
  /** The server could not replay what was missed: reload the lists. */
  resync?(): void
}

export type StreamState = 'connecting' | 'open' | 'closed'

/**
 * Live incident events over server-sent events while the component is mounted. EventSource reconnects by itself
 * and resumes with Last-Event-ID, so nothing is missed across a short drop.
 */
export function useIncidentStream(handlers: IncidentStreamHandlers, url = '/api/events') {
  const state = ref<StreamState>('connecting')
  let source: EventSource | null = null

  function onIncident(e: MessageEvent): void {
    try {
      handlers.incident(JSON.parse(String(e.data)) as LiveIncidentEvent)
    } catch {
      /* a malformed frame: skip it */
    }
  }

  onMounted(() => {
    if (typeof EventSource === 'undefined') {
      state.value = 'closed'
      return
    }
    source = new EventSource(url, { withCredentials: true })
    source.addEventListener('open', () => (state.value = 'open'))
    source.addEventListener('ready', () => (state.value = 'open'))
    source.addEventListener('error', () => {
      state.value = source?.readyState === 2 ? 'closed' : 'connecting'
      // Closed for good: the server refused the reconnect — a session that ended sends the screen to sign-in.
      if (state.value === 'closed') void recheckSession()
    })
    source.addEventListener('incident', onIncident as EventListener)
    source.addEventListener('resync', () => handlers.resync?.())
  })
  onBeforeUnmount(() => {
    source?.close()
    source = null
  })
  return { state }
}
