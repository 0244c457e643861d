import { leaseDueDeliveries, markAttemptFailed, markDelivered } from '../db/repositories/webhooks.ts'
import type { Database } from '../db/types.ts'
import { nextAttemptAt } from '../services/webhooks/backoff.ts'
import type { NotificationChannel } from '../services/webhooks/channel.ts'
import { httpChannel } from '../services/webhooks/http-channel.ts'

/**
 * Sends the webhook outbox: each tick leases due rows (SKIP LOCKED, one statement), sends
 * them through their channel OUTSIDE any transaction, and records the outcome: delivered, or the next
 * attempt with back-off, or given up. The event's transaction only ever inserted the outbox row, so a slow or
 * dead receiver never holds up the workflow; a worker that dies mid-send leaves the row to its lease's end.
 */
export interface WebhookWorker {
  tick(): Promise<{ sent: number; failed: number }>
  stop(): Promise<void>
}

export function startWebhookWorker(opts: {
  database: Database
  intervalMs: number
  channels?: NotificationChannel[]
  now?: () => Date
  batch?: number
  leaseMs?: number
  baseBackoffMs?: number
  /** WEBHOOK_ALLOW_HOSTS: non-public hosts/addresses the built-in http channel may reach. */
  allowHosts?: readonly string[]
  log?: (line: string) => void
  /** false: no loop, ticks only on request (tests). */
  loop?: boolean
}): WebhookWorker {
  const now = opts.now ?? (() => new Date())
  const channels = new Map((opts.channels ?? [httpChannel({ now, allowHosts: opts.allowHosts })]).map((c) => [c.name, c]))
  const log = opts.log ?? ((l) => console.error(l))
  let stopped = false
  let running: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | null = null

  async function tick() {
    const due = await leaseDueDeliveries(opts.database, now(), opts.leaseMs ?? 60_000, opts.batch ?? 20)
    let sent = 0
    let failed = 0
    await Promise.all(
      due.map(async (d) => {
        const channel = channels.get(d.webhook.channel)
        const r = channel
          ? await channel.deliver(d)
          : ({ ok: false, status: null, error: `no channel ${d.webhook.channel}`, retry: true } as const)
        const at = now()
        if (r.ok) {
          sent++
          await markDelivered(opts.database, d.id, r.status, at)
        } else {
          failed++
          const retryAt = r.retry ? nextAttemptAt(d.attempts + 1, at, opts.baseBackoffMs) : null
          await markAttemptFailed(opts.database, d.id, { status: r.status, error: r.error, retryAt, at })
        }
      }),
    )
    return { sent, failed }
  }

  const loop = async () => {
    if (stopped) return
    let full = false
    try {
      const r = await tick()
      full = r.sent + r.failed >= (opts.batch ?? 20)
    } catch (e) {
      log(`[webhooks] tick failed (retrying): ${(e as Error).message}`)
    }
    if (!stopped) {
      timer = setTimeout(() => (running = loop()), full ? 0 : opts.intervalMs)
      timer.unref()
    }
  }
  if (opts.loop !== false) running = loop()

  return {
    tick: () => {
      const p = tick()
      running = p.catch(() => {})
      return p
    },
    stop: async () => {
      stopped = true
      if (timer) clearTimeout(timer)
      await running.catch(() => {})
    },
  }
}
