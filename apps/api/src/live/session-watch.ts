import { liveSessionHashes } from '../db/repositories/accounts.ts'
import type { Database } from '../db/types.ts'
import type { AppDeps } from '../http/context.ts'

/**
 * Ends open streams (incident events, notifications) whose session ended. A stream is authorised once,
 * when it opens, and would otherwise go on for hours after sign-out elsewhere, an administrator's revocation
 * (also what a change of the user's roles, unit or areas does), a password change or the idle/absolute timeout
 * — still carrying the old scope. Every `intervalMs` the sessions of all this process's open streams are
 * checked in ONE statement, however many streams there are, and the streams of sessions no longer live end.
 * The client reconnects, gets 401 and signs in again (with its new scope). So a stream outlives its session by
 * at most one interval plus the statement.
 */

export interface SessionWatchOptions {
  intervalMs: number
  /** The idle timeout the request path applies (SESSION_IDLE_MINUTES). */
  idleMs: number
  log?: (line: string) => void
}

export class SessionWatch {
  readonly #database: Database
  readonly #opts: SessionWatchOptions
  readonly #streams = new Map<string, Set<() => void>>()
  #timer: NodeJS.Timeout | null = null
  #lastError = ''

  constructor(database: Database, opts: SessionWatchOptions) {
    this.#database = database
    this.#opts = opts
  }

  /** Calls `end` once the session is found no longer live; returns the function to stop watching. */
  watch(sessionHash: string, end: () => void): () => void {
    let ends = this.#streams.get(sessionHash)
    if (!ends) this.#streams.set(sessionHash, (ends = new Set()))
    ends.add(end)
    this.#arm()
    return () => {
      ends.delete(end)
      if (!ends.size && this.#streams.get(sessionHash) === ends) this.#streams.delete(sessionHash)
    }
  }

  /** Sessions being watched. */
  get size(): number {
    return this.#streams.size
  }

  /** One check of every watched session; returns how many streams were ended. */
  async check(): Promise<number> {
    const hashes = [...this.#streams.keys()]
    if (!hashes.length) return 0
    let live: Set<string>
    try {
      live = await liveSessionHashes(this.#database, hashes, Math.floor(this.#opts.idleMs / 1000))
      this.#lastError = ''
    } catch (e) {
      // The database is unreachable: the streams get nothing new either; ending them would only start a
      // reconnect storm against a server that cannot answer. Try again next interval.
      const message = (e as Error).message
      if (message !== this.#lastError) (this.#opts.log ?? console.error)(`[events] checking stream sessions failed (retrying): ${message}`)
      this.#lastError = message
      return 0
    }
    let ended = 0
    for (const h of hashes) {
      if (live.has(h)) continue
      // An ended session never comes back: every stream on it ends, also one that opened during the check.
      const ends = this.#streams.get(h)
      this.#streams.delete(h)
      for (const end of ends ?? []) {
        end()
        ended++
      }
    }
    return ended
  }

  /** The timer runs only while streams are open (none in a process without streams). */
  #arm(): void {
    if (this.#timer || !this.#streams.size) return
    this.#timer = setTimeout(() => {
      void this.check().finally(() => {
        this.#timer = null
        this.#arm()
      })
    }, this.#opts.intervalMs)
    this.#timer.unref()
  }
}

const watches = new WeakMap<Database, Map<string, SessionWatch>>()

/**
 * Watches the session of a stream that is opening (API-token streams have none: the token was checked when the
 * stream opened). One watch per database and settings, i.e. one per process: the event and the notification
 * streams share its statement.
 */
export function watchSession({ database, config }: AppDeps, sessionHash: string | undefined, end: () => void): () => void {
  if (!sessionHash) return () => {}
  let bySettings = watches.get(database)
  if (!bySettings) watches.set(database, (bySettings = new Map()))
  const key = `${config.sseHeartbeatMs}:${config.sessionIdleMs}`
  let w = bySettings.get(key)
  if (!w) bySettings.set(key, (w = new SessionWatch(database, { intervalMs: config.sseHeartbeatMs, idleMs: config.sessionIdleMs })))
  return w.watch(sessionHash, end)
}
