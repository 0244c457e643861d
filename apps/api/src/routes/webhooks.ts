import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { rolesOf } from '../http/actor.ts'
import { requireUnit, workActorOf } from '../http/work-actor.ts'
import { CHANNELS, configureWebhook, unitWebhooks } from '../services/webhooks/configure.ts'
import { anyJson, describe } from '../http/openapi.ts'

/** A unit's outbound webhook: set by its unit supervisor (or an admin for any unit). */

const body = z.strictObject({
  channel: z.enum(CHANNELS).default('http'),
  url: z.url({ message: 'url must be an absolute http(s) URL' }).max(2000),
  secret: z.string().min(16, 'secret is at least 16 characters').max(200).optional(),
  active: z.boolean().default(true),
})
const unitParam = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'a unit code')

export function webhookRoutes({ database, config }: AppDeps) {
  const unitOf = (c: Context, raw: string) => {
    const actor = workActorOf(c, ['unit_supervisor'])
    const unit = parseInput(unitParam, raw, 'unit code')
    if (rolesOf(actor).includes('admin')) return unit
    if (actor.role !== 'unit_supervisor' || requireUnit(actor) !== unit) {
      throw problems.forbidden('role_not_allowed', 'Only the unit supervisor of this unit (or an admin) manages its webhook')
    }
    return unit
  }
  return new Hono()
    .get('/units/:unit/webhooks', describe({ tag: 'admin', summary: "A unit's outbound webhook", params: { unit: unitParam }, responses: { 200: anyJson('The webhook (secret hidden)') } }), async (c) => {
      const unit = unitOf(c, c.req.param('unit'))
      return c.json(await unitWebhooks(database, unit))
    })
    .put(
      '/units/:unit/webhooks',
      describe({ tag: 'admin', summary: "Set a unit's outbound webhook", params: { unit: unitParam }, body, responses: { 200: anyJson('The webhook') } }),
      bodyLimit({ maxSize: 8 * 1024, onError: () => { throw problems.payloadTooLarge('at most 8 KB') } }),
      async (c) => {
        const unit = unitOf(c, c.req.param('unit'))
        const raw = await jsonBody(c)
        return c.json(await configureWebhook(database, unit, parseInput(body, raw, 'body'), { allowHosts: config.webhookAllowHosts }))
      },
    )
}
