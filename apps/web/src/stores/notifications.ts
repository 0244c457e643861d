import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { recheckSession } from '../api/client.ts'
import { workEndpoints, type AppNotification, type WorkEndpoints } from '../api/work.ts'

export type LiveState = 'off' | 'connecting' | 'open'
type SourceFactory = (url: string) => EventSource

const STREAM = '/api/notifications/stream'

/**
 * The bell: unread count and recent notifications of the signed-in user, live over SSE
 * (`/api/notifications/stream`: `unread` on connect — also after every reconnect — then `notification`).
 * Not signed in (401/403): the bell stays hidden. Listeners (the workbench) hear each new notification.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const available = ref(false)
  const unread = ref(0)
  const items = shallowRef<AppNotification[]>([])
  const live = ref<LiveState>('off')
  const listeners = new Set<(n: AppNotification) => void>()
  let source: EventSource | null = null
  let ep: WorkEndpoints = workEndpoints()

  async function start(endpoints: WorkEndpoints = ep, makeSource: SourceFactory = (u) => new EventSource(u, { withCredentials: true })): Promise<void> {
    ep = endpoints
    try {
      unread.value = (await ep.unreadCount()).unread
      available.value = true
    } catch {
      available.value = false
      return
    }
    if (source || typeof EventSource === 'undefined') return
    live.value = 'connecting'
    source = makeSource(STREAM)
    source.addEventListener('unread', (e) => {
      live.value = 'open'
      unread.value = (JSON.parse(String((e as MessageEvent).data)) as { unread: number }).unread
    })
    source.addEventListener('notification', (e) => {
      const { notification, unread: count } = JSON.parse(String((e as MessageEvent).data)) as { notification: AppNotification; unread: number }
      unread.value = count
      if (!items.value.some((n) => n.id === notification.id)) items.value = [notification, ...items.value].slice(0, 50)
      for (const fn of listeners) fn(notification)
    })
    source.addEventListener('error', () => {
      live.value = source?.readyState === 2 ? 'off' : 'connecting'
      // Closed for good (the reconnect was refused): a session that ended sends the screen to sign-in.
      if (live.value === 'off') void recheckSession()
    })
  }

  function stop(): void {
    source?.close()
    source = null
    live.value = 'off'
  }

  async function load(): Promise<void> {
    const r = await ep.notifications()
    items.value = r.items
    unread.value = r.unread
  }

  async function markRead(ids: number[] | 'all'): Promise<void> {
    const r = await ep.markRead(ids)
    unread.value = r.unread
    const set = ids === 'all' ? null : new Set(ids)
    items.value = items.value.map((n) => (set === null || set.has(n.id) ? { ...n, read: true } : n))
  }

  function onNotification(fn: (n: AppNotification) => void): () => void {
    listeners.add(fn)
    return () => listeners.delete(fn)
  }

  return { available, unread, items, live, start, stop, load, markRead, onNotification }
})
