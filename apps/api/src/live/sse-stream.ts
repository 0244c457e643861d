import type { Context } from 'hono'
import { streamSSE, type SSEStreamingApi } from 'hono/streaming'
import type { AppDeps } from '../http/context.ts'
import type { EventBus, LiveEvent } from './event-bus.ts'
import { watchSession } from './session-watch.ts'

/** What a stream's own code sees while it runs. */
export interface LiveStreamState {
  /** The stream is ending (client gone, session ended, bus closing, too slow): stop writing. */
  readonly closed: boolean
  /** The bus position at subscription: every event after it arrives live; replay covers up to it. */
  readonly after: number
}

export interface LiveStreamOptions<T> {
  deps: AppDeps
  /** The caller's session (cookie); the stream ends within one heartbeat of it ending. None: API token. */
  sessionHash: string | undefined
  bus: EventBus
  /** What a bus event means to this stream (undefined: nothing, skip it). */
  select(e: LiveEvent): T | undefined
  /** A client this far behind is cut off (it reconnects and resumes); default: never. */
  maxQueued?: number
  /** The first frames (replay, the unread count, `ready`), before live ones. */
  open(stream: SSEStreamingApi, state: LiveStreamState): Promise<void>
  /** Writes what arrived since the last call, in arrival order. */
  send(stream: SSEStreamingApi, items: T[], state: LiveStreamState): Promise<void>
}

/**
 * One server-sent-event stream on the incident event bus: subscribes, writes the opening frames, then the
 * selected live events as they arrive. An idle stream gets a comment line every SSE_HEARTBEAT_MS, which keeps
 * proxies from closing it; the same interval re-checks the sessions of all open streams (session-watch.ts), so
 * a signed-out, revoked or expired session's stream ends within one heartbeat. It also ends when the client
 * goes, the bus closes (shutdown) or the client falls `maxQueued` events behind; the subscription and the
 * session watch are always released.
 */
export function liveStream<T>(c: Context, opts: LiveStreamOptions<T>): Response {
  const heartbeatMs = opts.deps.config.sseHeartbeatMs
  return streamSSE(c, async (stream) => {
    const queue: T[] = []
    let closed = false
    let wake: (() => void) | null = null
    const poke = () => {
      const w = wake
      wake = null
      w?.()
    }
    const stop = () => {
      closed = true
      poke()
    }
    const sub = opts.bus.subscribe({
      event: (e) => {
        const item = opts.select(e)
        if (item === undefined) return
        if (opts.maxQueued !== undefined && queue.length >= opts.maxQueued) return stop()
        queue.push(item)
        poke()
      },
      close: stop,
    })
    stream.onAbort(stop)
    const unwatch = watchSession(opts.deps, opts.sessionHash, stop)
    const state: LiveStreamState = {
      get closed() {
        return closed
      },
      after: sub.after,
    }
    try {
      await opts.open(stream, state)
      while (!closed) {
        if (!queue.length) {
          const timedOut = await new Promise<boolean>((resolve) => {
            const t = setTimeout(() => {
              wake = null
              resolve(true)
            }, heartbeatMs)
            wake = () => {
              clearTimeout(t)
              resolve(false)
            }
          })
          if (closed) break
          if (timedOut && !queue.length) {
            await stream.write(': heartbeat\n\n')
            continue
          }
        }
        await opts.send(stream, queue.splice(0), state)
      }
    } finally {
      unwatch()
      sub.unsubscribe()
    }
  })
}
