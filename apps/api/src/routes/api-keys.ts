import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { API_KEY_RATE_DEFAULT, API_KEY_RATE_MAX, API_KEY_RATE_MIN, API_SCOPES } from '@hanjiang/shared'
import { apiKeyListSchema, apiKeySchema, issuedApiKeySchema } from '@hanjiang/shared/contract'
import { actorOf } from '../http/actor.ts'
import { describe, json } from '../http/openapi.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { createApiKey, listApiKeysForAdmin, revokeApiKeyForAdmin, rotateApiKey } from '../services/api-keys/manage.ts'

/** API keys of units for external systems (admin). Rules: auth/route-rules.ts. */

const limit = () =>
  bodyLimit({
    maxSize: 8 * 1024,
    onError: () => {
      throw problems.payloadTooLarge('An API key request body may be at most 8 KB')
    },
  })

const createBody = z.strictObject({
  name: z.string({ message: 'name is required' }).trim().min(1, 'name must not be empty').max(100, 'name is at most 100 characters'),
  unitCode: z.string({ message: 'unitCode is required' }).trim().min(1, 'unitCode must not be empty').max(100),
  scopes: z
    .array(z.enum(API_SCOPES, { message: `scopes are among ${API_SCOPES.join(', ')}` }))
    .min(1, 'at least one scope')
    .transform((s) => [...new Set(s)]),
  rateLimitPerMinute: z
    .number({ message: 'rateLimitPerMinute must be a number' })
    .int('rateLimitPerMinute must be a whole number')
    .min(API_KEY_RATE_MIN, `rateLimitPerMinute is at least ${API_KEY_RATE_MIN}`)
    .max(API_KEY_RATE_MAX, `rateLimitPerMinute is at most ${API_KEY_RATE_MAX}`)
    .default(API_KEY_RATE_DEFAULT),
  expiresAt: z.iso.datetime({ offset: true, message: 'expiresAt must be an ISO-8601 date-time with offset' }).nullish(),
})
const idParam = z.uuid({ message: 'an API key id is a UUID' })

export function apiKeyRoutes({ database }: AppDeps) {
  return new Hono()
    .get('/admin/api-keys', describe({ tag: 'admin', summary: 'API keys of units for external systems (never the keys themselves)', responses: { 200: json(apiKeyListSchema) } }), async (c) => c.json({ items: await listApiKeysForAdmin(database) }))
    .post('/admin/api-keys', describe({ tag: 'admin', summary: 'Issue an API key: the answer carries the key, shown this once', body: createBody, responses: { 201: json(issuedApiKeySchema, 'Issued: the key is in this answer only') } }), limit(), async (c) => {
      const input = parseInput(createBody, await jsonBody(c), 'body')
      const created = await createApiKey({ database, actor: actorOf(c), input })
      return c.json(created, 201, { 'cache-control': 'no-store' })
    })
    .post('/admin/api-keys/:id/revoke', describe({ tag: 'admin', summary: 'Revoke an API key (it stops at once)', params: { id: idParam }, responses: { 200: json(apiKeySchema) } }), async (c) => {
      const id = parseInput(idParam, c.req.param('id'), 'id')
      return c.json(await revokeApiKeyForAdmin({ database, actor: actorOf(c), id }))
    })
    .post('/admin/api-keys/:id/rotate', describe({ tag: 'admin', summary: 'Rotate an API key: a new key with the same settings, the old one revoked', params: { id: idParam }, responses: { 201: json(issuedApiKeySchema, 'Issued: the key is in this answer only') } }), async (c) => {
      const id = parseInput(idParam, c.req.param('id'), 'id')
      return c.json(await rotateApiKey({ database, actor: actorOf(c), id }), 201, { 'cache-control': 'no-store' })
    })
}
