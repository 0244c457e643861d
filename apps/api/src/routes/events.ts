import { z } from 'zod'
import { Hono } from 'hono'
import { streamSSE, type SSEStreamingApi } from 'hono/streaming'
import { eventSummariesBetween } from '../db/repositories/incident-stream.ts'
import { inAreas } from '@hanjiang/shared'
import { unitsWithSections } from '../db/repositories/incident-scope.ts'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { eventBus, type LiveEvent } from '../live/event-bus.ts'
import { watchSession } from '../live/session-watch.ts'
import { incidentRowScope } from '../services/auth/scope.ts'
import { describe, eventStream } from '../http/openapi.ts'

/**
 * GET /api/events — live incident events as server-sent events (docs/DOMAIN.md §8).
 *
 * - `event: incident`, `id: <event id>`, data `{id, incidentId, code, action, fromState, toState, at, state,
 *   unitCode, streetCode, fineClass, track}` (the incident part is its current summary).
 * - Resume: `Last-Event-ID` (sent by EventSource on reconnect) or `?lastEventId=` → first the events after
 *   it from the log (at most REPLAY_LIMIT, id order), then live ones; no duplicates across the seam. Too far
 *   behind → `event: resync` (reload the lists, then carry on live).
 * - `event: ready` after the replay, with `id:` = the stream's position, so a client that connects and drops
 *   before any incident event still resumes from the right place.
 * - A comment line every SSE_HEARTBEAT_MS keeps proxies from closing an idle stream.
 * - A cookie session's stream ends within SSE_HEARTBEAT_MS of the session ending (revoked, expired, idle):
 *   the sessions of all open streams are re-checked together on that interval (live/session-watch.ts).
 */

export const REPLAY_LIMIT = 1000

/** Described for the document; parsed by parseLastId (header or query). */
const eventsQuery = z.object({ lastEventId: z.string().regex(/^\d{1,15}$/).optional() })
/** A client this far behind on live events is cut off; it reconnects and resumes from its last id. */
const MAX_QUEUED = 10_000
const RETRY_MS = 3000

function parseLastId(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return null
  const v = raw.trim()
  if (!/^\d{1,15}$/.test(v)) {
    throw problems.validation('Last-Event-ID must be an event id (a non-negative integer)', [
      { path: 'Last-Event-ID', message: 'not an event id' },
    ])
  }
  return Number(v)
}

const frame = (id: number | null, data: unknown, event = 'incident') => ({
  event,
  data: JSON.stringify(data),
  ...(id === null ? {} : { id: String(id) }),
})

export function eventRoutes(deps: AppDeps): Hono {
  const app = new Hono()
  app.get('/events', describe({ tag: 'live', summary: 'Live incident events (server-sent events), resumable', query: eventsQuery, headers: { 'Last-Event-ID': eventsQuery.shape.lastEventId }, responses: { 200: eventStream('event: incident | ready | resync') } }), async (c) => {
    const actor = actorOf(c)
    // Row scope: the replay is filtered in its SQL; the live fan-out is one shared query for every
    // stream, so each stream keeps only the summaries inside its scope (same rule: unit + sections, area prefixes).
    const scope = incidentRowScope(actor)
    const units = scope ? new Set(await unitsWithSections(deps.database, scope.unitCodes)) : null
    const inScope = (s: { unitCode: string | null; regionCode: string | null }) =>
      !scope || (s.unitCode !== null && units!.has(s.unitCode)) || inAreas(s.regionCode, scope.areaPrefixes)
    const lastId = parseLastId(c.req.header('last-event-id') ?? c.req.query('lastEventId'))
    const bus = await eventBus(deps.database)
    const heartbeatMs = deps.config.sseHeartbeatMs

    return streamSSE(c, async (stream: SSEStreamingApi) => {
      const queue: LiveEvent[] = []
      let closed = false
      let wake: (() => void) | null = null
      const poke = () => {
        const w = wake
        wake = null
        w?.()
      }
      const sub = bus.subscribe({
        event: (e) => {
          if (queue.length >= MAX_QUEUED) {
            closed = true // too slow: drop it, it resumes from its Last-Event-ID
          } else queue.push(e)
          poke()
        },
        close: () => {
          closed = true
          poke()
        },
      })
      stream.onAbort(() => {
        closed = true
        poke()
      })
      const unwatch = watchSession(deps, actor.sessionHash, () => {
        closed = true
        poke()
      })
      try {
        // Replay what the client missed (lastId, after]; live events past `after` queue up meanwhile.
        let cursor = lastId ?? sub.after
        const replayed = new Set<number>()
        if (lastId !== null && lastId < sub.after) {
          const rows = await eventSummariesBetween(deps.database, lastId, sub.after, REPLAY_LIMIT + 1, scope)
          if (rows.length > REPLAY_LIMIT) {
            await stream.writeSSE({
              ...frame(sub.after, { reason: 'too_far_behind', lastEventId: lastId, limit: REPLAY_LIMIT, resumeFrom: sub.after }, 'resync'),
              retry: RETRY_MS,
            })
          } else {
            for (const r of rows) {
              if (closed) break
              await stream.writeSSE(frame(r.id, r))
              replayed.add(r.id)
            }
          }
          cursor = sub.after
        }
        await stream.writeSSE({ ...frame(cursor, { lastEventId: cursor }, 'ready'), retry: RETRY_MS })

        while (!closed) {
          if (!queue.length) {
            const timedOut = await new Promise<boolean>((resolve) => {
              const t = setTimeout(() => {
                wake = null
                resolve(true)
              }, heartbeatMs)
              wake = () => {
                clearTimeout(t)
                resolve(false)
              }
            })
            if (closed) break
            if (timedOut && !queue.length) {
              await stream.write(': heartbeat\n\n')
              continue
            }
          }
          for (const e of queue.splice(0)) {
            if (closed) break
            const s = e.summary
            if (!inScope(s)) {
              if (!e.late && s.id > cursor) cursor = s.id // not theirs: skipped, but the resume point moves on
              continue
            }
            if (e.late) {
              // Below the stream's position: send it, but without an id (the resume point never goes back).
              if (!replayed.has(s.id)) await stream.writeSSE(frame(null, s))
            } else if (s.id > cursor) {
              await stream.writeSSE(frame(s.id, s))
              cursor = s.id
            }
          }
        }
      } finally {
        unwatch()
        sub.unsubscribe()
      }
    })
  })
  return app
}
