import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { Config } from '../src/config.ts'
import { sha256 } from '../src/auth/crypto.ts'
import { appendEvent } from '../src/db/repositories/incident-events.ts'
import type { Database } from '../src/db/types.ts'
import { closeEventBus, eventBus } from '../src/live/event-bus.ts'
import { SessionWatch } from '../src/live/session-watch.ts'
import { REPLAY_LIMIT } from '../src/routes/events.ts'
import { startServer } from '../src/server.ts'
import { seedFixture, testApp } from './app.ts'
import { signIn, type Session } from './auth.ts'
import { describeEachEngine, openTestDatabase, type TestDatabase } from './engines.ts'
import { complaint, incidentApi, roadCollapse, type Json } from './incidents-helpers.ts'

interface Frame {
  event?: string
  id?: string
  data?: Json
  retry?: string
  comment?: string
}

/** Reads a text/event-stream response frame by frame. */
function sse(res: Response) {
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  const frames: Frame[] = []
  let buf = ''
  let ended = false
  const wait: { notify: (() => void) | null } = { notify: null }
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        buf += decoder.decode(value, { stream: true })
        let i: number
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i)
          buf = buf.slice(i + 2)
          const f: Frame = {}
          const data: string[] = []
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) f.comment = line.slice(1).trim()
            else {
              const [k, ...rest] = line.split(': ')
              const v = rest.join(': ')
              if (k === 'data') data.push(v)
              else if (k === 'event' || k === 'id' || k === 'retry') f[k] = v
            }
          }
          if (data.length) f.data = JSON.parse(data.join('\n'))
          frames.push(f)
          wait.notify?.()
        }
      }
    } catch {
      /* cancelled */
    } finally {
      ended = true
      wait.notify?.()
    }
  })()
  const next = async (timeoutMs = 5000): Promise<Frame> => {
    const until = Date.now() + timeoutMs
    while (!frames.length) {
      if (ended) throw new Error('the stream ended')
      const left = until - Date.now()
      if (left <= 0) throw new Error(`no frame within ${timeoutMs} ms`)
      await new Promise<void>((r) => {
        wait.notify = r
        setTimeout(r, Math.min(left, 100))
      })
      wait.notify = null
    }
    return frames.shift()!
  }
  return {
    next,
    /** The next `n` incident frames (skipping comments). */
    incidents: async (n: number, timeoutMs = 5000): Promise<Frame[]> => {
      const out: Frame[] = []
      while (out.length < n) {
        const f = await next(timeoutMs)
        if (f.event === 'incident') out.push(f)
      }
      return out
    },
    /** Frames until `done(frames so far)` holds. */
    collect: async (done: (fs: Frame[]) => boolean, timeoutMs = 5000): Promise<Frame[]> => {
      const out: Frame[] = []
      while (!done(out)) out.push(await next(timeoutMs))
      return out
    },
    /** Waits for the end of the stream, skipping heartbeats (anything else fails); resolves with the ms it took. */
    ended: async (timeoutMs: number): Promise<number> => {
      const t0 = Date.now()
      for (;;) {
        const left = timeoutMs - (Date.now() - t0)
        if (left <= 0) throw new Error(`the stream did not end within ${timeoutMs} ms`)
        let f: Frame
        try {
          f = await next(left)
        } catch (e) {
          if ((e as Error).message === 'the stream ended') return Date.now() - t0
          throw e
        }
        expect(f).toEqual({ comment: 'heartbeat' })
      }
    },
    /** Frames that arrive within `ms` (to show nothing else comes). */
    drain: async (ms: number): Promise<Frame[]> => {
      await new Promise((r) => setTimeout(r, ms))
      return frames.splice(0)
    },
    close: () => reader.cancel().catch(() => {}),
  }
}

describeEachEngine(
  'live events: GET /api/events (SSE over LISTEN/NOTIFY)',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const streams: ReturnType<typeof sse>[] = []
    const open = async (headers: Record<string, string> = {}, query = '', config: Partial<Config> = {}) => {
      const res = await testApp(ctx.database, config, 'dispatcher').request(`/api/events${query}`, { headers })
      expect(res.status).toBe(200)
      const s = sse(res)
      streams.push(s)
      return Object.assign(s, { res })
    }
    afterEach(async () => {
      for (const s of streams.splice(0)) await s.close()
    })
    afterAll(async () => {
      await closeEventBus(ctx.database)
    })
    /** Waits until a new stream would start at or after `id` (the bus has read that far). */
    const reachPosition = async (id: number) => {
      for (let i = 0; i < 100; i++) {
        const probe = await open()
        const at = Number((await probe.next()).id)
        await probe.close()
        if (at >= id) return
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`the bus did not reach ${id}`)
    }
    const eventIds = async (code: string): Promise<number[]> =>
      (await api.events(code)).map((e: Json) => e.id as number)

    it('streams every appended event live, with the incident summary', async () => {
      const s = await open()
      expect(s.res.headers.get('content-type')).toMatch(/^text\/event-stream/)
      expect(s.res.headers.get('cache-control')).toBe('no-cache')
      const ready = await s.next()
      expect(ready).toMatchObject({ event: 'ready', retry: '3000' })
      expect(ready.data).toEqual({ lastEventId: Number(ready.id) })

      const { code } = (await api.create(roadCollapse())).body
      const got = await s.incidents(1)
      await api.step(code, 'register', { incidentType: 'urgent' })
      got.push(...(await s.incidents(1)))
      const ids = await eventIds(code)
      expect(got.map((f) => Number(f.id))).toEqual(ids)
      expect(got[0]!.data).toEqual({
        id: ids[0],
        incidentId: expect.any(Number),
        code,
        action: 'create',
        fromState: null,
        toState: 'reported',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+08:00$/),
        state: 'reported',
        unitCode: null,
        streetCode: '350303001000',
        regionCode: expect.stringMatching(/^350303001001\d{3}$/),
        fineClass: '010502',
        track: 'urgent',
      })
      expect(got[1]!.data).toMatchObject({ action: 'register', fromState: 'reported', toState: 'registered', code })
      expect(Number(got[0]!.id)).toBeGreaterThan(Number(ready.id))
    })

    it('reconnecting with Last-Event-ID gets exactly the missed events, then live ones — nothing twice', async () => {
      const a = await open()
      await a.next() // ready
      const { code } = (await api.create(complaint())).body
      const [seen] = await a.incidents(1)
      await a.close() // the wall display loses its connection…

      await api.step(code, 'register', { incidentType: 'complaint' })
      const { code: other } = (await api.create(roadCollapse())).body
      await api.step(code, 'dispatch', { unitCode: 'office_350303002' })
      const missed = [...(await eventIds(code)), ...(await eventIds(other))]
        .filter((id) => id > Number(seen!.id))
        .sort((x, y) => x - y)
      expect(missed).toHaveLength(3)

      // …and EventSource reconnects with the last id it saw.
      // Once the bus has passed them, all of them come from the log, before `ready`.
      await reachPosition(missed.at(-1)!)
      const b = await open({ 'last-event-id': seen!.id! })
      const replay = await b.incidents(3)
      expect(replay.map((f) => Number(f.id))).toEqual(missed)
      expect(replay.map((f) => f.data.action)).toEqual(['register', 'create', 'dispatch'])
      const ready = await b.next()
      expect(ready.event).toBe('ready')
      expect(Number(ready.id)).toBeGreaterThanOrEqual(missed.at(-1)!)

      await api.step(code, 'accept', {}, 'handler')
      const [live] = await b.incidents(1)
      expect(live!.data).toMatchObject({ code, action: 'accept', toState: 'accepted', unitCode: 'office_350303002' })
      expect(Number(live!.id)).toBe((await eventIds(code)).at(-1))
      expect((await b.drain(300)).filter((f) => f.event === 'incident')).toEqual([])

      // The same by query parameter (for clients that cannot set headers).
      const c = await open({}, `?lastEventId=${seen!.id}`)
      expect((await c.incidents(4)).map((f) => Number(f.id))).toEqual([...missed, Number(live!.id)])
    })

    it('no duplicates or gaps across the replay/live seam while events keep coming', async () => {
      const a = await open()
      const start = Number((await a.next()).id)
      await a.close()
      const produced: string[] = []
      let producing = true
      const producer = (async () => {
        for (let i = 0; i < 15; i++)
          produced.push((await api.create(complaint({ description: `seam ${i}` }))).body.code)
        producing = false
      })()
      // Reconnect mid-way: some events are in the table already, the rest arrive live.
      await new Promise((r) => setTimeout(r, 20))
      const b = await open({ 'last-event-id': String(start) })
      await producer
      expect(producing).toBe(false)
      const all = await ctx.database.rows<{ id: number }>(
        sql`SELECT id FROM incident_event WHERE id > ${start} ORDER BY id`,
      )
      const expected = all.map((r) => Number(r.id))
      expect(expected).toHaveLength(15)
      const got = (await b.incidents(15)).map((f) => Number(f.id))
      expect(got).toEqual(expected)
      expect((await b.drain(300)).filter((f) => f.event === 'incident')).toEqual([])
    })

    it('the trigger covers every writer: an event appended outside the incident routes (the timer worker, SQL) is streamed', async () => {
      const s = await open()
      await s.next()
      const { code } = (await api.create(complaint())).body
      await s.incidents(1)
      const [inc] = await ctx.database.rows<{ id: number }>(sql`SELECT id FROM incident WHERE code = ${code}`)
      const id = await ctx.database.db.transaction((tx) =>
        appendEvent(ctx.database, tx, Number(inc!.id), new Date(), {
          actor: 'timer-worker',
          actorRole: 'system',
          action: 'callbackDue',
          fromState: 'reported',
          toState: 'reported',
        }),
      )
      const [f] = await s.incidents(1)
      expect(f).toMatchObject({ id: String(id), data: { code, action: 'callbackDue' } })
    })

    it('concurrent writers (most of whose commits ring no doorbell): every event arrives once, in id order', async () => {
      const s = await open()
      const start = Number((await s.next()).id)
      await Promise.all(Array.from({ length: 30 }, (_, i) => api.create(complaint({ description: `concurrent ${i}` }))))
      const all = await ctx.database.rows<{ id: number }>(
        sql`SELECT id FROM incident_event WHERE id > ${start} ORDER BY id`,
      )
      expect(all).toHaveLength(30)
      const got = (await s.incidents(30)).map((f) => Number(f.id))
      expect(got).toEqual(all.map((r) => Number(r.id)))
      expect((await s.drain(300)).filter((f) => f.event === 'incident')).toEqual([])
    })

    it('an insert that notified nobody still arrives (the bus also reads the log on its own)', async () => {
      const s = await open()
      await s.next()
      const { code } = (await api.create(complaint())).body
      await s.incidents(1)
      await ctx.database.rows(sql`ALTER TABLE incident_event DISABLE TRIGGER incident_event_notify`)
      try {
        await api.step(code, 'register', { incidentType: 'complaint' })
      } finally {
        await ctx.database.rows(sql`ALTER TABLE incident_event ENABLE TRIGGER incident_event_notify`)
      }
      const [f] = await s.incidents(1, 3000)
      expect(f!.data).toMatchObject({ code, action: 'register' })
    })

    it('a rolled-back event is never sent; the stream carries on after it', async () => {
      const s = await open()
      await s.next()
      const { code } = (await api.create(complaint())).body
      await s.incidents(1)
      const [inc] = await ctx.database.rows<{ id: number }>(sql`SELECT id FROM incident WHERE code = ${code}`)
      await expect(
        ctx.database.db.transaction(async (tx) => {
          await appendEvent(ctx.database, tx, Number(inc!.id), new Date(), {
            actor: 'x',
            actorRole: 'system',
            action: 'urge',
            fromState: 'reported',
            toState: 'reported',
          })
          throw new Error('roll back')
        }),
      ).rejects.toThrow('roll back')
      await api.step(code, 'register', { incidentType: 'complaint' })
      // The next id waits for the rolled-back one at most the grace (3 s), then goes out.
      const [f] = await s.incidents(1, 8000)
      expect(f!.data).toMatchObject({ code, action: 'register' })
    })

    it('idle streams get a heartbeat comment', async () => {
      const s = await open({}, '', { sseHeartbeatMs: 100 })
      await s.next()
      expect(await s.next(2000)).toEqual({ comment: 'heartbeat' })
    })

    it('too far behind to replay → `resync` (reload, then live) with the position to resume from', async () => {
      const { code } = (await api.create(complaint())).body
      const [inc] = await ctx.database.rows<{ id: number }>(sql`SELECT id FROM incident WHERE code = ${code}`)
      const before = Math.max(...(await eventIds(code)))
      await ctx.database.rows(sql`
        INSERT INTO incident_event (incident_id, actor, actor_role, action, from_state, to_state)
        SELECT ${Number(inc!.id)}, 'bulk', 'system', 'note', 'reported', 'reported' FROM generate_series(1, ${REPLAY_LIMIT + 1})`)
      await reachPosition(before + REPLAY_LIMIT + 1)
      const s = await open({ 'last-event-id': String(before) })
      const f = await s.next()
      expect(f.event).toBe('resync')
      expect(f.data).toMatchObject({ reason: 'too_far_behind', lastEventId: before, limit: REPLAY_LIMIT })
      expect(Number(f.id)).toBeGreaterThanOrEqual(before + REPLAY_LIMIT + 1)
      expect(await s.next()).toMatchObject({ event: 'ready', id: f.id })
    })

    it('a client that goes away is unsubscribed; closing the bus ends the open streams', async () => {
      const bus = await eventBus(ctx.database)
      for (const s of streams.splice(0)) await s.close()
      await new Promise((r) => setTimeout(r, 50))
      const base = bus.size
      const a = await open()
      await a.next()
      expect(bus.size).toBe(base + 1)
      await a.close()
      for (let i = 0; i < 20 && bus.size > base; i++) await new Promise((r) => setTimeout(r, 25))
      expect(bus.size).toBe(base)

      const b = await open()
      await b.next()
      await closeEventBus(ctx.database) // server shutdown
      await expect(b.next(2000)).rejects.toThrow('the stream ended')
      // The next request starts a new bus.
      const c = await open()
      expect((await c.next()).event).toBe('ready')
    })

    describe('a stream ends soon after its session does', () => {
      const BEAT = 200
      const app = () => testApp(ctx.database, { sseHeartbeatMs: BEAT })
      const openAs = async (session: Session) => {
        const res = await app().request('/api/events', { headers: { cookie: session.headers.cookie! } })
        expect(res.status).toBe(200)
        const s = sse(res)
        streams.push(s)
        expect((await s.next()).event).toBe('ready')
        return s
      }
      const userId = async (username: string) =>
        (await ctx.database.rows<{ id: string }>(sql`SELECT id FROM app_user WHERE username = ${username}`))[0]!.id

      it('signed out elsewhere: ends within one heartbeat interval, the reconnect gets 401; other streams go on', async () => {
        const leaver = await signIn(app(), ctx.database, { username: 'sse-leaver' })
        const stayer = await signIn(app(), ctx.database, { username: 'sse-stayer' })
        const a = await openAs(leaver)
        const a2 = await openAs(leaver) // a second tab on the same session
        const b = await openAs(stayer)
        expect((await app().request('/api/auth/logout', { method: 'POST', headers: leaver.headers })).status).toBe(204)
        expect(await a.ended(BEAT * 10)).toBeLessThan(BEAT * 10)
        expect(await a2.ended(BEAT * 10)).toBeLessThan(BEAT * 10)
        expect((await app().request('/api/events', { headers: { cookie: leaver.headers.cookie! } })).status).toBe(401)
        // The other session's stream is untouched: it keeps its heartbeats.
        const later = await b.drain(BEAT * 3)
        expect(later.length).toBeGreaterThan(0)
        expect(later.every((f) => f.comment === 'heartbeat')).toBe(true)
        expect(await b.next(BEAT * 3)).toEqual({ comment: 'heartbeat' })
      })

      it('revoked by an administrator, past its absolute end, idle too long: each stream ends', async () => {
        const admin = await signIn(app(), ctx.database, 'admin')
        const revoked = await signIn(app(), ctx.database, { username: 'sse-revoked' })
        const expired = await signIn(app(), ctx.database, { username: 'sse-expired' })
        const idle = await signIn(app(), ctx.database, { username: 'sse-idle' })
        const [r, e, i] = [await openAs(revoked), await openAs(expired), await openAs(idle)]
        const rv = await app().request(`/api/admin/users/${await userId('sse-revoked')}/revoke-sessions`, {
          method: 'POST',
          headers: admin.headers,
        })
        expect(rv.status).toBe(200)
        await ctx.database.rows(
          sql`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE id_hash = ${sha256(expired.sessionId)}`,
        )
        await ctx.database.rows(
          sql`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE id_hash = ${sha256(idle.sessionId)}`,
        )
        for (const s of [r, e, i]) expect(await s.ended(BEAT * 10)).toBeLessThan(BEAT * 10)
      })

      it('the notification stream (the bell) ends the same way', async () => {
        const handler = await signIn(app(), ctx.database, { username: 'sse-bell', role: 'handler' })
        const res = await app().request('/api/notifications/stream', { headers: { cookie: handler.headers.cookie! } })
        expect(res.status).toBe(200)
        const s = sse(res)
        streams.push(s)
        expect((await s.next()).event).toBe('unread')
        expect((await app().request('/api/auth/logout', { method: 'POST', headers: handler.headers })).status).toBe(204)
        expect(await s.ended(BEAT * 10)).toBeLessThan(BEAT * 10)
      })

      it('all open streams are checked in ONE statement per interval, however many', async () => {
        let statements = 0
        const counting: Database = Object.assign(Object.create(ctx.database) as Database, {
          rows: ((q, tx, o) => {
            statements++
            return ctx.database.rows(q, tx, o)
          }) as Database['rows'],
        })
        const watch = new SessionWatch(counting, { intervalMs: 60_000, idleMs: 30 * 60_000 })
        const sessions: Session[] = []
        for (let k = 0; k < 8; k++) sessions.push(await signIn(app(), ctx.database, { username: `sse-batch-${k}` }))
        const ended: string[] = []
        const unwatch = sessions.flatMap((s) =>
          [1, 2, 3].map((n) => watch.watch(sha256(s.sessionId), () => ended.push(`${s.username}#${n}`))),
        )
        expect(watch.size).toBe(8)
        const gone = sessions.slice(0, 3)
        for (const s of gone)
          expect((await app().request('/api/auth/logout', { method: 'POST', headers: s.headers })).status).toBe(204)
        expect(await watch.check()).toBe(9)
        expect(statements).toBe(1)
        expect(ended.sort()).toEqual(gone.flatMap((s) => [1, 2, 3].map((n) => `${s.username}#${n}`)).sort())
        expect(watch.size).toBe(5)
        expect(await watch.check()).toBe(0)
        expect(statements).toBe(2)
        for (const u of unwatch) u()
        expect(watch.size).toBe(0)
        expect(await watch.check()).toBe(0)
        expect(statements).toBe(2) // nothing watched: no statement
      })
    })

    it('a Last-Event-ID that is not an event id is a 400 problem', async () => {
      const res = await testApp(ctx.database, {}, 'dispatcher').request('/api/events', {
        headers: { 'last-event-id': 'abc' },
      })
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(await res.json()).toMatchObject({ code: 'validation_failed', status: 400 })
    })
  },
  seedFixture,
)

describe('live events on a real server (startServer)', () => {
  it('streams over HTTP, and close() ends the open streams instead of waiting for them', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-sse-'))
    let test: TestDatabase | undefined
    if (process.env.TEST_DATABASE_URL) test = await openTestDatabase('server')
    const running = await startServer({
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO: 'false',
      LOG_LEVEL: 'silent',
      WEB_DIST: '/nonexistent',
      TIMER_WORKER: 'off',
      DATA_DIR: tmp,
      DATABASE_URL: test?.url ?? '',
    })
    try {
      const over = {
        request: (p: string, init?: RequestInit) => fetch(`${running.url}${p}`, init),
      } as unknown as Parameters<typeof signIn>[0]
      const { headers } = await signIn(over, running.database, 'dispatcher')
      const res = await fetch(`${running.url}/api/events`, { headers: { ...headers, 'accept-encoding': 'gzip' } })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
      expect(res.headers.get('content-encoding')).toBeNull() // never buffered by compression
      const s = sse(res)
      expect((await s.next()).event).toBe('ready')
      const created = await fetch(`${running.url}/api/incidents`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(complaint()),
      })
      expect(created.status).toBe(201)
      const { code } = (await created.json()) as Json
      const [f] = await s.incidents(1)
      expect(f!.data).toMatchObject({ code, action: 'create' })

      const t0 = Date.now()
      await running.close()
      expect(Date.now() - t0).toBeLessThan(3000)
      await expect(s.next(2000)).rejects.toThrow('the stream ended')
    } finally {
      await running.close().catch(() => {})
      await test?.dispose()
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  }, 120_000)
})
