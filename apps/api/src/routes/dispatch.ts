import { DESK_MAX_PAGE } from '@hanjiang/shared'
import { Hono } from 'hono'
import { z } from 'zod'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { parseInput } from '../http/validate.ts'
import { deskQueue } from '../services/incidents/desk-queue.ts'
import { owedCallbacks } from '../services/incidents/owed-callbacks.ts'
import { describe, json } from '../http/openapi.ts'
import { z as zod } from 'zod'
import { deskQueuePageSchema, owedCallbacksPageSchema } from '@hanjiang/shared/contract'

/**
 * The dispatch desk: its queue, keyset-paged in urgency / time-left order, with the counts; with
 * `view=callbacks` the callbacks (回访) the seats owe, R10 first, then the longest owed (each view has its own cursors).
 */

const queueQuery = z.object({
  view: z.enum(['waiting', 'callbacks'], { message: 'view is waiting or callbacks' }).optional(),
  cursor: z.string().max(300, 'cursor is at most 300 characters').optional(),
  limit: z.coerce
    .number({ message: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(0, `limit is 0–${DESK_MAX_PAGE} (0: the counts only)`)
    .max(DESK_MAX_PAGE, `limit is 0–${DESK_MAX_PAGE} (0: the counts only)`)
    .optional(),
})

export function dispatchRoutes({ database }: AppDeps) {
  return new Hono().get('/dispatch/queue', describe({ tag: 'incidents', summary: "The dispatch desk's queue (or, view=callbacks, the callbacks owed), keyset-paged, with counts", query: queueQuery, responses: { 200: json(zod.union([deskQueuePageSchema, owedCallbacksPageSchema])) } }), async (c) => {
    const q = parseInput(queueQuery, c.req.query(), 'query')
    const input = { cursor: q.cursor, limit: q.limit }
    const page = q.view === 'callbacks' ? await owedCallbacks({ database, actor: actorOf(c), input }) : await deskQueue({ database, actor: actorOf(c), input })
    // Live data: the desk pages it and patches it from /api/events.
    return c.json(page, 200, { 'cache-control': 'no-store' })
  })
}
