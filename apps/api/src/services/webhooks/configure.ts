import { randomBytes } from 'node:crypto'
import { listDeliveries, listWebhooks, upsertWebhook } from '../../db/repositories/webhooks.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

export const CHANNELS = ['http'] as const

/**
 * Sets the unit's endpoint for a channel. The secret is generated when none is given and shown only in
 * this answer (the receiver keeps it to check signatures).
 */
export async function configureWebhook(
  database: Database,
  unitCode: string,
  input: { channel: (typeof CHANNELS)[number]; url: string; secret?: string; active: boolean },
) {
  const url = new URL(input.url)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw problems.validation('url must be http(s)', [{ path: 'url', message: 'http or https only' }])
  }
  const secret = input.secret ?? randomBytes(24).toString('base64url')
  const row = await upsertWebhook(database, { unitCode, channel: input.channel, url: url.toString(), secret, active: input.active })
  return { ...row, secret }
}

export async function unitWebhooks(database: Database, unitCode: string) {
  const [webhooks, deliveries] = await Promise.all([listWebhooks(database, unitCode), listDeliveries(database, unitCode, 50)])
  return { webhooks, deliveries }
}
