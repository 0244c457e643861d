import { randomBytes } from 'node:crypto'
import { listDeliveries, listWebhooks, upsertWebhook } from '../../db/repositories/webhooks.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import { resolveWebhookTarget, WebhookAddressRefused, type Resolver } from './address-policy.ts'

export const CHANNELS = ['http'] as const

/**
 * Sets the unit's endpoint for a channel. The secret is generated when none is given and shown only in
 * this answer (the receiver keeps it to check signatures).
 */
export async function configureWebhook(
  database: Database,
  unitCode: string,
  input: { channel: (typeof CHANNELS)[number]; url: string; secret?: string; active: boolean },
  policy: { allowHosts: readonly string[]; resolve?: Resolver },
) {
  const url = new URL(input.url)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw problems.validation('url must be http(s)', [{ path: 'url', message: 'http or https only' }])
  }
  if (url.username || url.password) {
    throw problems.validation('url may not carry a user name or password', [{ path: 'url', message: 'no credentials in the URL; the signature authenticates' }])
  }
  // Checked again at each delivery (the name may resolve elsewhere by then); here to say why at once.
  try {
    await resolveWebhookTarget(url.hostname, policy.allowHosts, policy.resolve)
  } catch (e) {
    if (!(e instanceof WebhookAddressRefused)) throw e
    if (e.reason === 'unresolvable') throw problems.webhookHostNotFound(url.hostname)
    throw problems.webhookAddressNotAllowed(e.range ?? 'reserved')
  }
  const secret = input.secret ?? randomBytes(24).toString('base64url')
  const row = await upsertWebhook(database, { unitCode, channel: input.channel, url: url.toString(), secret, active: input.active })
  return { ...row, secret }
}

export async function unitWebhooks(database: Database, unitCode: string) {
  const [webhooks, deliveries] = await Promise.all([listWebhooks(database, unitCode), listDeliveries(database, unitCode, 50)])
  return { webhooks, deliveries }
}
