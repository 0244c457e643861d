/**
 * Puts committed event ids back in id order (pure; timers injectable).
 *
 * Event ids come from a sequence when a row is inserted, but rows become visible when their transaction
 * commits, so a reader of the log can see 7 and 9 before 8 — or never see 8 (rolled back). A stream that passed 9 to
 * a client before 8 committed would lose 8 for good on a `Last-Event-ID: 9` resume. So ids are released
 * only in order: 9 waits until 8 arrives, or until 9 has waited `graceMs` (then 8 is taken to be a gap).
 * After release, `frontier` is the highest id below which every id was released or given up; an id at or
 * below it arriving afterwards (a transaction slower than the grace) is released as `late` — once.
 */
export interface SequencerOptions {
  /** Ids up to here are history (already in the table when listening started). */
  start: number
  graceMs: number
  /** Called with ids in increasing order; `upTo` is the new frontier. */
  release: (ids: number[], upTo: number) => void
  /** An id at or below the frontier that was not released before. */
  late: (id: number) => void
  now?: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
  /** How many released ids to remember for telling duplicates from late ids. */
  memory?: number
}

export class IdSequencer {
  #frontier: number
  readonly #pending = new Map<number, number>() // id → when it arrived
  readonly #recent = new Set<number>()
  readonly #recentOrder: number[] = []
  #timer: unknown = null
  #closed = false
  readonly #o: Required<Omit<SequencerOptions, 'start'>>

  constructor(o: SequencerOptions) {
    this.#frontier = o.start
    this.#o = {
      graceMs: o.graceMs,
      release: o.release,
      late: o.late,
      now: o.now ?? (() => performance.now()),
      setTimer: o.setTimer ?? ((fn, ms) => {
        const h = setTimeout(fn, ms)
        h.unref?.()
        return h
      }),
      clearTimer: o.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout)),
      memory: o.memory ?? 10_000,
    }
  }

  /** Every id at or below this was released (or given up as a gap). */
  get frontier(): number {
    return this.#frontier
  }

  /** Ids waiting for a lower one. */
  get waiting(): number {
    return this.#pending.size
  }

  add(ids: Iterable<number>): void {
    if (this.#closed) return
    const now = this.#o.now()
    for (const id of ids) {
      if (id <= this.#frontier) {
        if (!this.#recent.has(id)) {
          this.#remember(id)
          this.#o.late(id)
        }
      } else if (!this.#pending.has(id)) {
        this.#pending.set(id, now)
      }
    }
    this.#drain()
  }

  close(): void {
    this.#closed = true
    if (this.#timer !== null) this.#o.clearTimer(this.#timer)
    this.#timer = null
    this.#pending.clear()
  }

  #remember(id: number): void {
    this.#recent.add(id)
    this.#recentOrder.push(id)
    if (this.#recentOrder.length > this.#o.memory) this.#recent.delete(this.#recentOrder.shift()!)
  }

  /** Releases the run of consecutive ids above the frontier; with a gap left, waits for it (at most graceMs). */
  #drain(): void {
    const out: number[] = []
    while (this.#pending.has(this.#frontier + 1)) {
      const id = ++this.#frontier
      this.#pending.delete(id)
      this.#remember(id)
      out.push(id)
    }
    // Anything that has waited out its grace: the gaps below it are given up.
    if (this.#pending.size) {
      const now = this.#o.now()
      let giveUpTo = -Infinity
      for (const [id, arrived] of this.#pending) if (now - arrived >= this.#o.graceMs && id > giveUpTo) giveUpTo = id
      if (giveUpTo > this.#frontier) {
        for (const id of [...this.#pending.keys()].filter((x) => x <= giveUpTo).sort((a, b) => a - b)) {
          this.#pending.delete(id)
          this.#remember(id)
          out.push(id)
        }
        this.#frontier = giveUpTo
        while (this.#pending.has(this.#frontier + 1)) {
          const id = ++this.#frontier
          this.#pending.delete(id)
          this.#remember(id)
          out.push(id)
        }
      }
    }
    if (out.length) this.#o.release(out, this.#frontier)
    this.#arm()
  }

  #arm(): void {
    if (this.#timer !== null) this.#o.clearTimer(this.#timer)
    this.#timer = null
    if (!this.#pending.size || this.#closed) return
    let oldest = Infinity
    for (const arrived of this.#pending.values()) oldest = Math.min(oldest, arrived)
    const wait = Math.max(0, oldest + this.#o.graceMs - this.#o.now())
    this.#timer = this.#o.setTimer(() => {
      this.#timer = null
      this.#drain()
    }, wait)
  }
}
