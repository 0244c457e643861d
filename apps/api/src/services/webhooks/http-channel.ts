import { createHmac } from 'node:crypto'
import type { DueDelivery } from '../../db/repositories/webhooks.ts'
import { webhookPayload, type DeliveryResult, type NotificationChannel } from './channel.ts'

/** `X-Hanjiang-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` — the receiver checks it and the age. */
export function sign(secret: string, body: string, unixS: number): string {
  const mac = createHmac('sha256', secret).update(`${unixS}.${body}`).digest('hex')
  return `t=${unixS},v1=${mac}`
}

/** Receiver side (and tests): is the signature right and at most `toleranceS` old? */
export function verifySignature(secret: string, body: string, header: string, nowS: number, toleranceS = 300): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header.trim())
  if (!m) return false
  const t = Number(m[1])
  if (Math.abs(nowS - t) > toleranceS) return false
  const expected = sign(secret, body, t).split('v1=')[1]!
  // constant-time compare of equal-length hex
  let diff = 0
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ m[2]!.charCodeAt(i)
  return diff === 0
}

const PERMANENT = (s: number) => s >= 400 && s < 500 && s !== 408 && s !== 429

/** HTTP POST of the JSON payload, signed, with a time limit; 2xx = delivered. */
export function httpChannel(opts: { timeoutMs?: number; now?: () => Date } = {}): NotificationChannel {
  const timeoutMs = opts.timeoutMs ?? 10_000
  const now = opts.now ?? (() => new Date())
  return {
    name: 'http',
    async deliver(d: DueDelivery): Promise<DeliveryResult> {
      const body = JSON.stringify(webhookPayload(d))
      const t = Math.floor(now().getTime() / 1000)
      try {
        const res = await fetch(d.webhook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'hanjiang-webhook/1',
            'x-hanjiang-delivery': String(d.id),
            'x-hanjiang-event': `notification.${d.notification.kind}`,
            'x-hanjiang-signature': sign(d.webhook.secret, body, t),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        })
        await res.body?.cancel().catch(() => {})
        if (res.ok) return { ok: true, status: res.status }
        return { ok: false, status: res.status, error: `HTTP ${res.status}`, retry: !PERMANENT(res.status) }
      } catch (e) {
        return { ok: false, status: null, error: (e as Error).message, retry: true }
      }
    },
  }
}
