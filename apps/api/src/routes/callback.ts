import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { RATINGS } from '@hanjiang/shared'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { recordCallback } from '../services/incidents/callback.ts'
import { describe, json } from '../http/openapi.ts'
import { incidentDetailSchema } from '@hanjiang/shared/contract'

const body = z.strictObject({
  version: z.number({ message: 'version (the version you saw) is required' }).int().positive(),
  reached: z.boolean({ message: 'reached (was the reporter reached) must be true or false' }),
  satisfaction: z.enum(RATINGS, { message: `satisfaction must be one of ${RATINGS.join(', ')}` }).optional(),
  note: z.string({ message: 'note must be a string' }).trim().max(4000, 'note is at most 4000 characters').optional(),
  reopen: z.boolean({ message: 'reopen must be true or false' }).optional(),
})
const codeParam = z.string().min(1).max(64)

/**
 * POST /incidents/:code/callback {version, reached, satisfaction?, note?, reopen?} → the incident (dispatcher).
 * `reopen: true` with "not_satisfied" reopens it in the same transaction. Problems: 400 validation_failed;
 * 403 role_not_allowed; 404 incident_not_found; 409 version_conflict, transition_not_allowed, cannot_reopen;
 * 422 satisfaction_required, satisfaction_not_allowed, reopen_not_allowed.
 */
export function callbackRoutes({ database, config }: AppDeps) {
  return new Hono().post(
    '/incidents/:code/callback',
      describe({ tag: 'incidents', summary: "Record the seat's callback (回访): reached, satisfaction, reopen", params: { code: codeParam }, body, responses: { 200: json(incidentDetailSchema) } }),
    bodyLimit({
      maxSize: 8 * 1024,
      onError: () => {
        throw problems.payloadTooLarge('A callback body may be at most 8 KB')
      },
    }),
    async (c) => {
      const code = parseInput(codeParam, c.req.param('code'), 'incident code')
      const raw = await jsonBody(c)
      const input = parseInput(body, raw, 'body')
      return c.json(await recordCallback({ database, actor: actorOf(c), input: { code, ...input }, officeHours: config.officeHours }))
    },
  )
}
