import { onScopeDispose, ref, shallowRef } from 'vue'
import { isAbortError } from '../api/client.ts'
import { incidentMapEndpoints, type WallStats } from '../api/incident-map.ts'
import type { LiveIncidentEvent } from './use-incident-stream.ts'

export type WallStatus = 'loading' | 'ready' | 'error'

export interface WallStatsOptions {
  /** After live events the figures are re-asked at most this often (default 2 s): one statement server-side. */
  liveRefreshMs?: number
  /** Re-asked on this period anyway (default 60 s): the day turns, the 30-day window moves. */
  pollMs?: number
  /** After a failure, retried after this long (default 10 s). */
  retryMs?: number
  fetchStats?: (signal: AbortSignal) => Promise<WallStats>
}

/** Newest first, at most this many in the live feed. */
export const FEED_SIZE = 15

/**
 * The wall's figures: loaded at once, re-asked (throttled) after live events and on a slow poll; live events go to
 * the top of the feed at once, before the server's answer catches up. A failure keeps the last figures on screen.
 */
export function useWallStats(options: WallStatsOptions = {}) {
  const stats = shallowRef<WallStats | null>(null)
  const status = ref<WallStatus>('loading')
  const fetchStats = options.fetchStats ?? ((signal) => incidentMapEndpoints().wallStats(signal))
  let controller: AbortController | null = null
  let liveTimer: ReturnType<typeof setTimeout> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let disposed = false

  async function load(): Promise<void> {
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    clearTimeout(retryTimer)
    try {
      const s = await fetchStats(mine.signal)
      if (controller !== mine) return
      stats.value = s
      status.value = 'ready'
    } catch (e) {
      if (isAbortError(e) || controller !== mine || disposed) return
      status.value = 'error'
      retryTimer = setTimeout(() => void load(), options.retryMs ?? 10_000)
    }
  }

  function applyEvent(e: LiveIncidentEvent): void {
    const s = stats.value
    if (s && !s.events.some((x) => x.id === e.id)) {
      const line: WallStats['events'][number] = {
        id: e.id,
        code: e.code,
        action: e.action,
        fromState: e.fromState,
        toState: e.toState,
        at: e.at,
        state: e.state ?? e.toState ?? '',
        track: e.track ?? 'normal',
        fineClass: e.fineClass ?? null,
        streetCode: e.streetCode ?? null,
        className: null,
      }
      stats.value = { ...s, events: [line, ...s.events].slice(0, FEED_SIZE) }
    }
    if (liveTimer === undefined) {
      liveTimer = setTimeout(() => {
        liveTimer = undefined
        void load()
      }, options.liveRefreshMs ?? 2000)
    }
  }

  void load()
  const poll = setInterval(() => void load(), options.pollMs ?? 60_000)
  onScopeDispose(() => {
    disposed = true
    clearInterval(poll)
    clearTimeout(liveTimer)
    clearTimeout(retryTimer)
    controller?.abort()
  })

  return { stats, status, refresh: load, applyEvent }
}
