import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { z } from 'zod'
import { NOTIFICATION_RULES } from '@hanjiang/shared'
import { countUnread, notificationsOfEvents } from '../db/repositories/notifications.ts'
import type { AppDeps } from '../http/context.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { workActorOf } from '../http/work-actor.ts'
import { eventBus } from '../live/event-bus.ts'
import { watchSession } from '../live/session-watch.ts'
import { listMyNotifications, markNotificationsRead, unreadCount } from '../services/notifications/list.ts'
import { readerOf } from '../services/notifications/reader.ts'
import { anyJson, describe, eventStream } from '../http/openapi.ts'

/**
 * The bell: list, unread count, mark read, and a live stream.
 *
 * GET /api/notifications/stream (SSE): `event: unread` {unread} first, then `event: notification`
 * {notification, unread} for each new one addressed to the caller. It rides the incident event bus (LISTEN
 * incident_event, shared by all API processes): the trigger writes a notification in the same transaction
 * as its event, so once the bus hands out the event the notification is there to read. A reconnecting
 * client re-reads its unread count first, so nothing is lost across a drop. Ends within SSE_HEARTBEAT_MS of
 * its session ending (live/session-watch.ts).
 */

const listQuery = z.object({
  unread: z.enum(['0', '1', 'true', 'false']).optional(),
  limit: z.coerce.number({ message: 'limit must be a number' }).int().min(1).max(200).optional(),
})
const readBody = z.union([
  z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
])
const NOTIFYING = new Set(Object.keys(NOTIFICATION_RULES))

export function notificationRoutes(deps: AppDeps) {
  const { database, config } = deps
  return new Hono()
    .get('/notifications', describe({ tag: 'notifications', summary: "The caller's notifications, newest first", query: listQuery, responses: { 200: anyJson('{items, unread}') } }), async (c) => {
      const actor = workActorOf(c, [])
      const q = parseInput(listQuery, c.req.query(), 'query')
      return c.json(await listMyNotifications(database, actor, { unreadOnly: q.unread === '1' || q.unread === 'true', limit: q.limit ?? 50 }))
    })
    .get('/notifications/unread-count', describe({ tag: 'notifications', summary: 'How many are unread', responses: { 200: anyJson('{unread}') } }), async (c) => {
      const actor = workActorOf(c, [])
      return c.json(await unreadCount(database, actor))
    })
    .post('/notifications/read', describe({ tag: 'notifications', summary: 'Mark some (ids) or all read', body: readBody, responses: { 200: anyJson('{marked, unread}') } }), async (c) => {
      const actor = workActorOf(c, [])
      const raw = await jsonBody(c)
      const body = parseInput(readBody, raw, 'body')
      return c.json(await markNotificationsRead(database, actor, 'ids' in body ? body.ids : 'all'))
    })
    .get('/notifications/stream', describe({ tag: 'live', summary: 'The bell, live (server-sent events)', responses: { 200: eventStream('event: unread | notification') } }), async (c) => {
      const actor = workActorOf(c, [])
      const reader = readerOf(actor)
      const bus = await eventBus(database)
      return streamSSE(c, async (stream) => {
        let closed = false
        let wake: (() => void) | null = null
        const pending: number[] = []
        const poke = () => {
          const w = wake
          wake = null
          w?.()
        }
        const sub = bus.subscribe({
          event: (e) => {
            if (NOTIFYING.has(e.summary.action)) {
              pending.push(e.summary.id)
              poke()
            }
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
          await stream.writeSSE({ event: 'unread', data: JSON.stringify({ unread: await countUnread(database, reader) }), retry: 3000 })
          while (!closed) {
            if (!pending.length) {
              const timedOut = await new Promise<boolean>((resolve) => {
                const t = setTimeout(() => {
                  wake = null
                  resolve(true)
                }, config.sseHeartbeatMs)
                wake = () => {
                  clearTimeout(t)
                  resolve(false)
                }
              })
              if (closed) break
              if (timedOut && !pending.length) {
                await stream.write(': heartbeat\n\n')
                continue
              }
            }
            const ids = pending.splice(0)
            const found = await notificationsOfEvents(database, reader, ids)
            if (!found.length) continue
            const unread = await countUnread(database, reader)
            for (const n of found) {
              if (closed) break
              await stream.writeSSE({ event: 'notification', id: String(n.id), data: JSON.stringify({ notification: n, unread }) })
            }
          }
        } finally {
          unwatch()
          sub.unsubscribe()
        }
      })
    })
}
