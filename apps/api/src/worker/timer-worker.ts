import { sql } from 'drizzle-orm'
import type { Config } from '../config.ts'
import { claimDueTimers, deferTimer, tryLockIncident, type ClaimedTimer } from '../db/repositories/timers.ts'
import type { Database } from '../db/types.ts'
import { reference } from '../services/assignment/reference-cache.ts'
import { workingCalendar } from '../services/calendar/working-calendar.ts'
import { publishDueChangeSets } from '../services/region-changes/publish-due.ts'
import { fireTimer } from './fire.ts'

/**
 * The timer worker (docs/DOMAIN.md §5, §9): every tick, ONE transaction claims a batch of due `timer` rows with
 * `FOR UPDATE SKIP LOCKED`, locks each row's incident, decides with the pure `decideTimer`
 * (@hanjiang/shared) what the row means now, writes the events / columns / follow-up rows and marks the
 * row fired — all before the one commit. Hence:
 * - several workers (API processes) never fire a row twice: a claimed row is invisible to the others,
 *   a fired one is never due again;
 * - a crash between claim and commit rolls everything back; the next tick (after a restart) redoes it.
 * Each row runs in a savepoint: one that fails (a bug, bad data) is deferred with a back-off instead of
 * blocking the batch; one whose incident or timers are busy (a transition in progress) waits for the
 * next tick.
 */

export interface TimerWorkerOptions {
  database: Database
  config: Pick<Config, 'escalationIntervalMs' | 'timerBatchSize' | 'logLevel'> & Partial<Pick<Config, 'officeHours'>>
  /** The clock (tests inject one). */
  now?: () => Date
  /** Pause between ticks, ms (a full batch is followed by the next one at once). */
  intervalMs: number
  /** Called after each row is applied, before the commit (the crash test kills the process here). */
  onApplied?: (timer: ClaimedTimer, appliedSoFar: number) => void | Promise<void>
  log?: (line: string) => void
}

export interface TickReport {
  /** Rows claimed this tick. */
  claimed: number
  /** Rows fired (marked fired, whatever they did). */
  fired: number
  /** Rows left for a later tick because their incident or timers were busy. */
  busy: number
  /** Rows whose handling failed and that were deferred. */
  failed: number
  /** Fired rows by outcome (`acted`, `state_moot`, …). */
  outcomes: Record<string, number>
}

export interface TimerWorker {
  /** One claim-and-fire transaction; returns what it did. */
  tick(): Promise<TickReport>
  /** Stops the loop and waits for a running tick to finish. */
  stop(): Promise<void>
}

/** Busy, not broken: a row or incident lock held by someone else (lock_timeout), or a deadlock victim. */
const LOCK_ERRORS = new Set(['55P03', '40P01'])
const LOCK_TIMEOUT = '500ms'

function pgCode(e: unknown): string | undefined {
  for (let x = e as { code?: unknown; cause?: unknown } | undefined, i = 0; x && i < 4; x = x.cause as typeof x, i++) {
    if (typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code)) return x.code
  }
  return undefined
}

/** The driver's own message (drizzle wraps it as "Failed query: …" with the error as `cause`). */
function rootMessage(e: unknown): string {
  let x = e as { message?: unknown; cause?: unknown } | undefined
  let message = e instanceof Error ? e.message : String(e)
  for (let i = 0; x && i < 4; x = x.cause as typeof x, i++) if (typeof x.message === 'string') message = x.message
  return message
}

/** 1, 2, 4 … 60 minutes. */
const backoffMs = (attempts: number) => Math.min(2 ** Math.max(0, attempts - 1), 60) * 60_000

/** A worker whose ticks run only when called (tests); {@link startTimerWorker} adds the loop. */
export function createTimerWorker(opts: Omit<TimerWorkerOptions, 'intervalMs'>): TimerWorker {
  const { database, config } = opts
  const clock = opts.now ?? (() => new Date())
  const log = opts.log ?? (config.logLevel === 'silent' ? () => {} : (line: string) => console.error(line))
  let applied = 0

  const tick = async (): Promise<TickReport> => {
    const now = clock()
    // Read before the transaction: on PGlite (one connection) a query outside it would wait for it.
    const [ref, calendar] = await Promise.all([reference(database), workingCalendar(database, config.officeHours)])
    const report: TickReport = { claimed: 0, fired: 0, busy: 0, failed: 0, outcomes: {} }
    await database.db.transaction(async (tx) => {
      await database.rows(sql`SELECT set_config('lock_timeout', ${LOCK_TIMEOUT}, true)`, tx)
      const due = await claimDueTimers(database, tx, now, config.timerBatchSize)
      report.claimed = due.length
      for (const t of due) {
        if (!(await tryLockIncident(database, tx, t.incidentId))) {
          report.busy++
          continue
        }
        try {
          const outcome = await tx.transaction((sp) =>
            fireTimer(database, sp, t, { now, stepIntervalMs: config.escalationIntervalMs, reference: ref, calendar }),
          )
          report.fired++
          report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1
        } catch (e) {
          if (LOCK_ERRORS.has(pgCode(e) ?? '')) {
            report.busy++
            continue
          }
          report.failed++
          const attempts = (typeof t.data?.attempts === 'number' ? t.data.attempts : 0) + 1
          const message = rootMessage(e)
          log(`[timer-worker] timer ${t.id} (${t.kind}, incident ${t.incidentId}) failed (attempt ${attempts}): ${message}`)
          await deferTimer(database, tx, t, new Date(now.getTime() + backoffMs(attempts)), attempts, message)
          continue
        }
        applied++
        await opts.onApplied?.(t, applied)
      }
    })
    return report
  }

  return { tick, stop: async () => {} }
}

/** Starts the loop: a tick, then the next one `intervalMs` later (at once after a full batch). */
export function startTimerWorker(opts: TimerWorkerOptions): TimerWorker {
  const worker = createTimerWorker(opts)
  const log = opts.log ?? (opts.config.logLevel === 'silent' ? () => {} : (line: string) => console.error(line))
  let stopped = false
  let handle: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let lastError = ''

  const loop = () => {
    handle = null
    if (stopped) return
    running = (async () => {
      let again = false
      try {
        const r = await worker.tick()
        again = r.claimed >= opts.config.timerBatchSize && r.fired + r.failed > 0
        // Grid editor change sets approved for a later time are published when it comes (docs/GRID-EDITOR.md).
        const p = await publishDueChangeSets(opts.database)
        for (const id of p.refused) log(`[timer-worker] change set ${id} could not be published at its effective time (rejected, see its comment)`)
        lastError = ''
      } catch (e) {
        // The database is away (restart, network): say so once, keep trying.
        const message = rootMessage(e)
        if (message !== lastError) log(`[timer-worker] tick failed: ${message}`)
        lastError = message
      }
      if (!stopped) {
        handle = setTimeout(loop, again ? 0 : opts.intervalMs)
        handle.unref()
      }
    })()
    void running.finally(() => {
      running = null
    })
  }
  handle = setTimeout(loop, 0)
  handle.unref()

  return {
    tick: worker.tick,
    stop: async () => {
      stopped = true
      if (handle) clearTimeout(handle)
      handle = null
      await running
    },
  }
}
