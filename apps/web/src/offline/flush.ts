import type { Outbox, OutboxItem } from './outbox.ts'

/** Why a send failed, and whether trying again later can help. */
export class SendError extends Error {
  override name = 'SendError'
  constructor(
    message: string,
    /** `retry`: no network, server busy or down, session expired — keep it. `permanent`: the server refused it. */
    readonly kind: 'retry' | 'permanent',
  ) {
    super(message)
  }
}

/** Sends one item; may call `save` to persist progress (uploaded photo ids, a created incident) between steps. */
export type Sender = (item: OutboxItem, save: (item: OutboxItem) => Promise<void>) => Promise<void>

export interface FlushResult {
  sent: number
  failed: number
  /** Items still waiting (a retryable failure stops the flush, so later items keep their order). */
  waiting: number
}

/** Exponential back-off: 2 s, 4 s, 8 s … capped at 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.max(1, attempts))
}

/**
 * Sends the due items in the order they were made. Success removes the item. A retryable failure keeps it
 * (attempts + 1, back-off) and stops the flush — later items wait, so order is kept (a verification made after a
 * report goes after it). A permanent refusal marks the item failed (kept, shown, never resent by itself) and the
 * flush goes on. `force` ignores the back-off (the device just came back online).
 */
export async function flushOutbox(outbox: Outbox, send: Sender, opts: { now?: () => number; force?: boolean } = {}): Promise<FlushResult> {
  const now = opts.now ?? Date.now
  const result: FlushResult = { sent: 0, failed: 0, waiting: 0 }
  const items = await outbox.list()
  let stopped = false
  for (const item of items) {
    if (item.state === 'failed') continue
    if (stopped || (!opts.force && item.nextAttemptAt > now())) {
      result.waiting++
      stopped = true
      continue
    }
    const current: OutboxItem = { ...item, state: 'sending' }
    await outbox.put(current)
    try {
      await send(current, async (next) => {
        Object.assign(current, next)
        await outbox.put(current)
      })
      await outbox.remove(current.seq!)
      result.sent++
    } catch (e) {
      const err = e instanceof SendError ? e : new SendError(e instanceof Error ? e.message : String(e), 'retry')
      const attempts = current.attempts + 1
      if (err.kind === 'permanent') {
        await outbox.put({ ...current, state: 'failed', attempts, lastError: err.message })
        result.failed++
      } else {
        await outbox.put({ ...current, state: 'queued', attempts, lastError: err.message, nextAttemptAt: now() + backoffMs(attempts) })
        result.waiting++
        stopped = true
      }
    }
  }
  return result
}

let running: Promise<FlushResult> | null = null

/**
 * One flush at a time in this tab (a second call while one runs gets the running one), and — where the browser
 * has Web Locks — one across tabs, so two open patrol pages never send the same item at once.
 */
export function flushOnce(outbox: Outbox, send: Sender, opts: { force?: boolean } = {}): Promise<FlushResult> {
  if (running) return running
  const run = () => flushOutbox(outbox, send, opts)
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined
  running = (locks ? (locks.request('hj-patrol-outbox', run) as unknown as Promise<FlushResult>) : run()).finally(() => {
    running = null
  })
  return running
}

/** Items stuck in `sending` (the page closed mid-send) go back to `queued` on start; their keys make a resend safe. */
export async function recoverInterrupted(outbox: Outbox): Promise<number> {
  let n = 0
  for (const item of await outbox.list()) {
    if (item.state === 'sending') {
      await outbox.put({ ...item, state: 'queued', nextAttemptAt: 0 })
      n++
    }
  }
  return n
}
