import { Hono } from 'hono'
import { z } from 'zod'
import { INCIDENT_TYPES } from '@hanjiang/shared'
import type { AppDeps } from '../http/context.ts'
import { parseInput } from '../http/validate.ts'
import { previewDeadlines } from '../services/deadlines/preview.ts'
import { describe, json } from '../http/openapi.ts'
import { deadlinePreviewSchema } from '@hanjiang/shared/contract'

const previewQuery = z.object({
  type: z.enum(INCIDENT_TYPES, { message: `type must be one of ${INCIDENT_TYPES.join(', ')}` }),
  start: z.iso.datetime({ offset: true, message: 'start must be an ISO-8601 date-time with an offset, e.g. 2026-11-26T09:00:00+08:00' }).optional(),
})

/** GET /api/deadlines/preview?type=complaint|consultation|simple|urgent&start=ISO-8601 (default: now). */
export function deadlineRoutes({ database, config }: AppDeps) {
  return new Hono().get('/deadlines/preview', describe({ tag: 'incidents', summary: 'The deadlines registering now (or at start) would set', query: previewQuery, responses: { 200: json(deadlinePreviewSchema) } }), async (c) => {
    const q = parseInput(previewQuery, c.req.query(), 'query')
    return c.json(
      await previewDeadlines({ database, input: { type: q.type, start: q.start ? new Date(q.start) : new Date() }, officeHours: config.officeHours }),
    )
  })
}
