import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { reclassifyIncident } from '../services/incidents/reclassify.ts'
import { describe, json } from '../http/openapi.ts'
import { incidentDetailSchema } from '@hanjiang/shared/contract'

const body = z.strictObject({
  version: z.number({ message: 'version (the version you saw) is required' }).int().positive(),
  fineClass: z.string({ message: 'fineClass is required' }).regex(/^\d{6}$/, 'fineClass is a 6-digit fine-class code'),
})
const codeParam = z.string().min(1).max(64)

/**
 * POST /incidents/:code/classification {version, fineClass} → the incident with its new class and recomputed
 * assignment (dispatcher; reported/registered/returned). Problems: 400 validation_failed; 403 role_not_allowed;
 * 404 incident_not_found; 409 version_conflict, transition_not_allowed; 422 unknown_fine_class, location_required.
 */
export function classificationRoutes({ database }: AppDeps) {
  return new Hono().post(
    '/incidents/:code/classification',
      describe({ tag: 'incidents', summary: 'Correct the fine class (the assignment is recomputed)', params: { code: codeParam }, body, responses: { 200: json(incidentDetailSchema) } }),
    bodyLimit({
      maxSize: 4 * 1024,
      onError: () => {
        throw problems.payloadTooLarge('A classification body may be at most 4 KB')
      },
    }),
    async (c) => {
      const code = parseInput(codeParam, c.req.param('code'), 'incident code')
      const raw = await jsonBody(c)
      const input = parseInput(body, raw, 'body')
      return c.json(await reclassifyIncident({ database, actor: actorOf(c), input: { code, ...input } }))
    },
  )
}
