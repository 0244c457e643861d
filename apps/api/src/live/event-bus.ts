import type { PGlite } from '@electric-sql/pglite'
import type postgres from 'postgres'
import {
  eventIdsAfter,
  eventSummaries,
  maxEventId,
  type IncidentEventSummary,
} from '../db/repositories/incident-stream.ts'
import type { Database } from '../db/types.ts'
import { IdSequencer } from './sequencer.ts'

/**
 * Live incident events for this process (docs/DOMAIN.md §8): ONE `LISTEN incident_event` per database handle
 * (PGlite in-process, or a dedicated postgres.js connection that reconnects by itself), fanned out to
 * every subscriber (the SSE streams). The trigger of migration 0007 rings on inserts into the log, whoever
 * inserts — this process, another API process, the timer worker, psql — so N processes stay in step.
 *
 * A notification is a doorbell, not the data: it makes the bus read the ids after its position from the
 * table (one read at a time, however many rings). The trigger rings from one transaction at a time only
 * (NOTIFY serialises commits, see the migration), so the bus also reads shortly after each ring and every
 * `pollMs` — a commit that did not ring is picked up within that. Ids are put back in commit-safe order
 * ({@link IdSequencer}); each released batch is read once (event + incident summary) and handed to all
 * subscribers.
 */

export const EVENT_CHANNEL = 'incident_event'

export interface LiveEvent {
  summary: IncidentEventSummary
  /**
   * An id below the stream's position, from a transaction that committed after later ids were passed on
   * (slower than the grace). Sent without an SSE `id:` so a client's resume position never goes back.
   */
  late: boolean
}

export interface BusSubscriber {
  event(e: LiveEvent): void
  /** The bus is closing (server shutdown): end the stream. */
  close(): void
}

export interface BusSubscription {
  /**
   * Every event with id ≤ `after` was handed out before this subscription (or was a gap given up); this
   * subscriber gets exactly the events after it, in id order (plus the rare `late` one). Replay from the
   * table covers the rest: `lastEventId < id <= after`.
   */
  after: number
  unsubscribe(): void
}

export interface EventBusOptions {
  /** How long a later id waits for a missing lower one before the gap is taken as a rollback. */
  graceMs?: number
  /** Safety read interval when nothing rings. */
  pollMs?: number
  log?: (line: string) => void
}

type Unlisten = () => Promise<void>

async function listenOn(
  database: Database,
  onPayload: (payload: string) => void,
  onListen: () => void,
): Promise<Unlisten> {
  const handle = database as Database & { pg?: PGlite; sql?: postgres.Sql }
  if (handle.pg) {
    const unlisten = await handle.pg.listen(EVENT_CHANNEL, onPayload)
    onListen()
    return () => unlisten()
  }
  if (handle.sql) {
    // postgres.js keeps a dedicated connection for LISTEN, reconnects by itself and calls onListen again.
    const meta = await handle.sql.listen(EVENT_CHANNEL, onPayload, onListen)
    return () => meta.unlisten()
  }
  throw new Error(`The ${database.engine} database handle cannot LISTEN`)
}

/** Ids per read of the log, and events per summary read. */
const BATCH = 500
/** A read soon after a ring picks up the commits that raced the ringing one; gaps are re-read this often. */
const SOON_MS = 50

export class EventBus {
  readonly #database: Database
  readonly #log: (line: string) => void
  readonly #pollMs: number
  readonly #subscribers = new Set<BusSubscriber>()
  readonly #jobs: Array<{ ids: number[]; upTo: number; late: boolean }> = []
  #sequencer!: IdSequencer
  #emitted = 0
  #pumping = false
  #closed = false
  #unlisten: Unlisten | null = null
  // Reading the log: one read at a time; `#again` asks for another right after.
  #reading = false
  #again = false
  #followUp = false
  #readTimer: NodeJS.Timeout | null = null
  #readAt = Infinity
  #lastReadError = ''

  private constructor(database: Database, opts: EventBusOptions) {
    this.#database = database
    this.#log = opts.log ?? ((line) => console.error(line))
    this.#pollMs = opts.pollMs ?? 500
  }

  static async start(database: Database, opts: EventBusOptions = {}): Promise<EventBus> {
    const bus = new EventBus(database, opts)
    // Where the log is now: history before it is replayed on request, never pushed.
    const start = await maxEventId(database)
    bus.#emitted = start
    bus.#sequencer = new IdSequencer({
      start,
      graceMs: opts.graceMs ?? 3000,
      release: (ids, upTo) => bus.#enqueue({ ids, upTo, late: false }),
      late: (id) => bus.#enqueue({ ids: [id], upTo: -1, late: true }),
    })
    bus.#unlisten = await listenOn(database, () => bus.#ring(), () => bus.#ring())
    bus.#schedule(0)
    return bus
  }

  /** How many streams are subscribed. */
  get size(): number {
    return this.#subscribers.size
  }

  subscribe(s: BusSubscriber): BusSubscription {
    if (this.#closed) {
      queueMicrotask(() => s.close())
      return { after: this.#emitted, unsubscribe: () => {} }
    }
    this.#subscribers.add(s)
    return { after: this.#emitted, unsubscribe: () => void this.#subscribers.delete(s) }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    if (this.#readTimer) clearTimeout(this.#readTimer)
    this.#sequencer.close()
    for (const s of this.#subscribers) {
      try {
        s.close()
      } catch {
        /* a stream that is already gone */
      }
    }
    this.#subscribers.clear()
    await this.#unlisten?.().catch(() => {})
  }

  /** A doorbell (or a (re)connected LISTEN): read now, and once more shortly after. */
  #ring(): void {
    this.#followUp = true
    this.#schedule(0)
  }

  #schedule(ms: number): void {
    if (this.#closed) return
    if (this.#reading) {
      if (ms === 0) this.#again = true
      return
    }
    const at = performance.now() + ms
    if (this.#readTimer && at >= this.#readAt) return
    if (this.#readTimer) clearTimeout(this.#readTimer)
    this.#readAt = at
    this.#readTimer = setTimeout(() => void this.#read(), ms)
    this.#readTimer.unref()
  }

  /** Reads the ids after the sequencer's position from the log and hands them to it. */
  async #read(): Promise<void> {
    this.#readTimer = null
    this.#readAt = Infinity
    if (this.#closed) return
    this.#reading = true
    this.#again = false
    let full = false
    try {
      const ids = await eventIdsAfter(this.#database, this.#sequencer.frontier, BATCH)
      full = ids.length === BATCH
      this.#sequencer.add(ids)
      this.#lastReadError = ''
    } catch (e) {
      const message = (e as Error).message
      if (message !== this.#lastReadError && !this.#closed) this.#log(`[events] reading the event log failed (retrying): ${message}`)
      this.#lastReadError = message
    } finally {
      this.#reading = false
    }
    if (this.#closed) return
    if (full || this.#again) this.#schedule(0)
    else if (this.#followUp || this.#sequencer.waiting > 0) {
      this.#followUp = false
      this.#schedule(SOON_MS)
    } else this.#schedule(this.#pollMs)
  }

  #enqueue(job: { ids: number[]; upTo: number; late: boolean }): void {
    this.#jobs.push(job)
    void this.#pump()
  }

  /** One summary reader at a time, in release order: subscribers see ids increasing. */
  async #pump(): Promise<void> {
    if (this.#pumping) return
    this.#pumping = true
    try {
      while (this.#jobs.length && !this.#closed) {
        const first = this.#jobs.shift()!
        const ids = [...first.ids]
        let upTo = first.upTo
        while (!first.late && this.#jobs.length && !this.#jobs[0]!.late && ids.length < BATCH) {
          const next = this.#jobs.shift()!
          ids.push(...next.ids)
          upTo = next.upTo
        }
        // Nobody listening: only the position moves (a new subscriber replays from the table).
        const summaries = this.#subscribers.size ? await this.#summaries(ids) : []
        if (this.#closed) return
        for (const summary of summaries) {
          const e: LiveEvent = { summary, late: first.late }
          for (const s of this.#subscribers) {
            try {
              s.event(e)
            } catch (err) {
              this.#log(`[events] a subscriber failed: ${(err as Error).message}`)
            }
          }
        }
        if (!first.late) this.#emitted = upTo
      }
    } finally {
      this.#pumping = false
    }
  }

  async #summaries(ids: number[]): Promise<IncidentEventSummary[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await eventSummaries(this.#database, ids)
      } catch (e) {
        if (this.#closed) return []
        if (attempt === 1 || attempt % 30 === 0) this.#log(`[events] reading events failed (retrying): ${(e as Error).message}`)
        await new Promise((r) => setTimeout(r, Math.min(1000 * attempt, 5000)).unref())
      }
    }
  }
}

const buses = new WeakMap<Database, Promise<EventBus>>()

/** The process's bus for this database, started (LISTEN) on first use. */
export function eventBus(database: Database, opts: EventBusOptions = {}): Promise<EventBus> {
  let bus = buses.get(database)
  if (!bus) {
    bus = EventBus.start(database, opts)
    bus.catch(() => buses.delete(database))
    buses.set(database, bus)
  }
  return bus
}

/** Ends every stream of this database's bus and stops listening (server shutdown, test teardown). */
export async function closeEventBus(database: Database): Promise<void> {
  const bus = buses.get(database)
  buses.delete(database)
  if (!bus) return
  const b = await bus.catch(() => null)
  await b?.close()
}
