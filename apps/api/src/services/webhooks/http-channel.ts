import { createHmac } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { DueDelivery } from '../../db/repositories/webhooks.ts'
import { isAddressLiteral, pinnedLookup, resolveWebhookTarget, WebhookAddressRefused, type Resolver } from './address-policy.ts'
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

/**
 * What the delivery status may say about a failure: a general reason, never the socket's message (which would
 * tell a unit supervisor which internal ports answer).
 */
function failureReason(e: unknown): string {
  if (e instanceof WebhookAddressRefused) return e.reason === 'unresolvable' ? 'refused: host not found' : 'refused: address not allowed'
  const err = e as { name?: string; code?: string }
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || err.code === 'ETIMEDOUT') return 'timeout'
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(err.code ?? '')) return 'TLS failed'
  return 'connection failed'
}

/** One POST, connected only to addresses the policy allows; the status code is all that is read back. */
function post(url: URL, headers: Record<string, string>, body: string, opts: { timeoutMs: number; allowHosts: readonly string[]; resolve?: Resolver }) {
  return new Promise<number>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: pinnedLookup(opts.allowHosts, opts.resolve),
      // no pooled sockets: each delivery looks the host up (and checks it) afresh
      agent: false,
      signal: AbortSignal.timeout(opts.timeoutMs),
    })
    request.on('response', (res) => {
      // Redirects are answers, not followed: a 3xx could send the POST anywhere.
      resolve(res.statusCode ?? 0)
      res.destroy()
    })
    request.on('error', reject)
    request.end(body)
  })
}

/**
 * HTTP POST of the JSON payload, signed, with a time limit; 2xx = delivered. Only to public addresses or those
 * the operator allowed (WEBHOOK_ALLOW_HOSTS; see address-policy.ts).
 */
export function httpChannel(opts: { timeoutMs?: number; now?: () => Date; allowHosts?: readonly string[]; resolve?: Resolver } = {}): NotificationChannel {
  const timeoutMs = opts.timeoutMs ?? 10_000
  const now = opts.now ?? (() => new Date())
  const allowHosts = opts.allowHosts ?? []
  return {
    name: 'http',
    async deliver(d: DueDelivery): Promise<DeliveryResult> {
      const body = JSON.stringify(webhookPayload(d))
      const t = Math.floor(now().getTime() / 1000)
      try {
        const url = new URL(d.webhook.url)
        // An address literal never reaches the socket's lookup: check it here.
        if (isAddressLiteral(url.hostname)) await resolveWebhookTarget(url.hostname, allowHosts)
        const status = await post(
          url,
          {
            'content-type': 'application/json',
            'user-agent': 'hanjiang-webhook/1',
            'x-hanjiang-delivery': String(d.id),
            'x-hanjiang-event': `notification.${d.notification.kind}`,
            'x-hanjiang-signature': sign(d.webhook.secret, body, t),
          },
          body,
          { timeoutMs, allowHosts, resolve: opts.resolve },
        )
        if (status >= 200 && status < 300) return { ok: true, status }
        return { ok: false, status, error: `HTTP ${status}`, retry: !PERMANENT(status) }
      } catch (e) {
        return { ok: false, status: null, error: failureReason(e), retry: true }
      }
    },
  }
}
