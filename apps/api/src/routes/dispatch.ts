import { DESK_MAX_PAGE } from '@hanjiang/shared'
import { Hono } from 'hono'
import { z } from 'zod'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { parseInput } from '../http/validate.ts'
import { deskQueue } from '../services/incidents/desk-queue.ts'

/** The dispatch desk (issue 5 item 1): its queue, keyset-paged in urgency / time-left order, with the counts. */

const queueQuery = z.object({
  cursor: z.string().max(300, 'cursor is at most 300 characters').optional(),
  limit: z.coerce
    .number({ message: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(0, `limit is 0–${DESK_MAX_PAGE} (0: the counts only)`)
    .max(DESK_MAX_PAGE, `limit is 0–${DESK_MAX_PAGE} (0: the counts only)`)
    .optional(),
})

export function dispatchRoutes({ database }: AppDeps) {
  return new Hono().get('/dispatch/queue', async (c) => {
    const q = parseInput(queueQuery, c.req.query(), 'query')
    // Live data: the desk pages it and patches it from /api/events.
    return c.json(await deskQueue({ database, actor: actorOf(c), input: q }), 200, { 'cache-control': 'no-store' })
  })
}
