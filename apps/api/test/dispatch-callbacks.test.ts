import { callbackTask } from '@hanjiang/shared'
import { sql } from 'drizzle-orm'
import { afterEach, expect, it } from 'vitest'
import { createTimerWorker } from '../src/worker/timer-worker.ts'
import { seedFixture } from './app.ts'
import type { WhoLike } from './auth.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, freezeClock, HOUR, incidentApi, MINUTE, photo, roadCollapse, thaw, type Json } from './incidents-helpers.ts'

/**
 * The desk's "待回访" list (GET /api/dispatch/queue?view=callbacks): every callback the seats owe — R10 checks the
 * worker raised on urgent incidents in a unit's hands, closed reports whose reporter was not called back — R10
 * first, then the longest owed, keyset-paged, scoped, counted; and exactly the incidents packages/shared `callbackTask`
 * says are owed, whose rule the repository's SQL restates.
 */

const T0 = Date.parse('2026-06-08T09:00:00+08:00')
const iso = (ms: number) => new Date(ms).toISOString()

describeEachEngine(
  'dispatch desk: callbacks owed (回访)',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const made: string[] = []
    afterEach(thaw)

    const owed = (query = '', who: WhoLike = 'dispatcher') => api.call('GET', `/api/dispatch/queue?view=callbacks${query ? `&${query}` : ''}`, undefined, {}, who)
    /** Every owed callback, page by page (`limit` a page), as [code, kind, dueAt]. */
    async function all(limit = 200, who: WhoLike = 'dispatcher'): Promise<{ rows: [string, string, string][]; total: number; urgent: number; pages: number }> {
      const rows: [string, string, string][] = []
      let cursor: string | null = null
      let pages = 0
      let counts: { total: number; urgent: number }
      do {
        const r: Json = await owed(`limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, who)
        expect(r.status).toBe(200)
        rows.push(...r.body.items.map((i: Json) => [i.code, i.callback.kind, i.callback.dueAt] as [string, string, string]))
        counts = { total: r.body.total, urgent: r.body.urgent }
        cursor = r.body.nextCursor
        pages++
      } while (cursor)
      return { rows, pages, ...counts }
    }

    /** Steps on the API's clock at `ms`. */
    async function at<T>(ms: number, run: () => Promise<T>): Promise<T> {
      freezeClock(iso(ms))
      try {
        return await run()
      } finally {
        thaw()
      }
    }
    const create = async (body: Record<string, unknown>, ms: number): Promise<string> => {
      const code = (await at(ms, () => api.create(body))).body.code as string
      made.push(code)
      return code
    }
    const step = (ms: number, code: string, action: string, body: Record<string, unknown> = {}, who: WhoLike = 'dispatcher') =>
      at(ms, () => api.step(code, action, body, who))
    const callback = (ms: number, code: string, body: Record<string, unknown>) =>
      at(ms, async () => {
        const { body: cur } = await api.get(code)
        const r = await api.call('POST', `/api/incidents/${code}/callback`, { version: cur.version, ...body })
        expect(r.status, JSON.stringify(r.body)).toBe(200)
        return r.body
      })
    /** Runs the timer worker at `ms` until nothing due is left (R10 raises callbackDue 12 h after dispatch). */
    async function worker(ms: number): Promise<void> {
      const w = createTimerWorker({ database: ctx.database, config: { escalationIntervalMs: HOUR, timerBatchSize: 64, logLevel: 'silent' }, now: () => new Date(ms) })
      while ((await w.tick()).claimed > 0);
    }
    async function urgentDispatched(ms: number, unitCode = 'transport'): Promise<string> {
      const code = await create(roadCollapse(), ms)
      await step(ms, code, 'register', { incidentType: 'urgent' })
      await step(ms + MINUTE, code, 'dispatch', { unitCode })
      return code
    }
    async function closed(ms: number, body: Record<string, unknown> = {}): Promise<string> {
      const code = await create(complaint(body), ms)
      await step(ms, code, 'register', { incidentType: 'complaint' })
      await step(ms + MINUTE, code, 'dispatch', { unitCode: 'city_admin' })
      await step(ms + 2 * MINUTE, code, 'accept', {}, 'handler')
      await step(ms + 3 * MINUTE, code, 'arrive', {}, 'handler')
      await step(ms + 4 * MINUTE, code, 'resolve', { note: '已清理', afterPhotos: [photo()] }, 'handler')
      await step(ms + 5 * MINUTE, code, 'verifyPass', {}, 'inspector')
      return code
    }

    const c: Record<string, string> = {}

    it('lists R10 checks the worker raised and closed reports not called back, R10 first, then the longest owed, with the counts', async () => {
      // R10: two urgent incidents dispatched at 09:01; the worker raises both checks at 21:05.
      c.r10 = await urgentDispatched(T0)
      c.r10Answered = await urgentDispatched(T0)
      c.notYet = await urgentDispatched(T0 + 2 * HOUR) // its 12 h are not up at 21:05
      await worker(T0 + 12 * HOUR + 5 * MINUTE)
      await callback(T0 + 12 * HOUR + 30 * MINUTE, c.r10Answered, { reached: true, note: '单位已到场' })
      // A return and re-dispatch starts a new R10 period: the old check is not owed any more.
      c.redispatched = await urgentDispatched(T0)
      await worker(T0 + 12 * HOUR + 6 * MINUTE)
      await step(T0 + 13 * HOUR, c.redispatched, 'returnToCenter', { reason: '不属于本单位职责', hazardMarked: true }, 'handler')
      await step(T0 + 13 * HOUR + MINUTE, c.redispatched, 'redispatch', { unitCode: 'city_admin' })

      // Closed: owed with a phone, until a callback with a satisfaction (not one that did not reach them) or a rating.
      c.closed = await closed(T0 + HOUR)
      c.noPhone = await closed(T0 + HOUR, { reporter: { name: '王五', phone: null } })
      c.notReached = await closed(T0 + 2 * HOUR)
      await callback(T0 + 3 * HOUR, c.notReached, { reached: false, note: '无人接听' })
      c.satisfied = await closed(T0 + HOUR)
      await callback(T0 + 2 * HOUR, c.satisfied, { reached: true, satisfaction: 'satisfied' })
      c.rated = await closed(T0 + HOUR)
      const tracking = (await api.get(c.rated)).body.trackingCode as string
      const rated = await at(T0 + 2 * HOUR, () => api.call('POST', `/api/public/track/${tracking}/rating`, { rating: 'satisfied' }, { 'x-forwarded-for': '203.0.113.9' }, 'viewer'))
      expect(rated.status).toBe(200)
      // Reopened after "not satisfied": not owed while back at the center; owed again once closed again.
      c.reopened = await closed(T0)
      await callback(T0 + 30 * MINUTE, c.reopened, { reached: true, satisfaction: 'not_satisfied', reopen: true })
      c.reclosed = await closed(T0 + 4 * HOUR)
      await callback(T0 + 4 * HOUR + 10 * MINUTE, c.reclosed, { reached: true, satisfaction: 'not_satisfied', reopen: true })
      await step(T0 + 5 * HOUR, c.reclosed, 'dispatch', { unitCode: 'city_admin' })
      await step(T0 + 5 * HOUR + MINUTE, c.reclosed, 'accept', {}, 'handler')
      await step(T0 + 5 * HOUR + 2 * MINUTE, c.reclosed, 'arrive', {}, 'handler')
      await step(T0 + 5 * HOUR + 3 * MINUTE, c.reclosed, 'resolve', { note: '再次清理', afterPhotos: [photo()] }, 'handler')
      await step(T0 + 5 * HOUR + 4 * MINUTE, c.reclosed, 'close', { note: '已整改' })

      const list = await all()
      // R10 first (due last here), then the longest owed.
      expect(list.rows).toEqual([
        [c.r10, 'r10', '2026-06-08T21:05:00+08:00'],
        [c.closed, 'satisfaction', '2026-06-08T10:05:00+08:00'],
        [c.notReached, 'satisfaction', '2026-06-08T11:05:00+08:00'],
        [c.reclosed, 'satisfaction', '2026-06-08T14:04:00+08:00'],
      ])
      expect([list.total, list.urgent]).toEqual([4, 1])
      const first: Json = await owed()
      expect(first.headers.get('cache-control')).toBe('no-store')
      expect(first.body.items[1]).toMatchObject({ code: c.closed, state: 'closed', reporter: { phone: '138****1234' } })
      expect((await owed('limit=0')).body).toEqual({ items: [], nextCursor: null, total: 4, urgent: 1 })
    })

    it('is exactly what callbackTask (packages/shared) says of each incident', async () => {
      // A normal incident in a unit's hands with a raised check (as after a reclassification from urgent): a progress callback.
      c.progress = await create(complaint(), T0 + 6 * HOUR)
      await step(T0 + 6 * HOUR, c.progress, 'register', { incidentType: 'complaint' })
      await step(T0 + 6 * HOUR + MINUTE, c.progress, 'dispatch', { unitCode: 'city_admin' })
      await ctx.database.rows(sql`
        INSERT INTO incident_event (incident_id, at, actor, actor_role, action, from_state, to_state, data)
        SELECT id, ${iso(T0 + 18 * HOUR)}::timestamptz, 'timer-worker', 'system', 'callbackDue', 'dispatched', 'dispatched', '{"rule":"R10"}'::jsonb
        FROM incident WHERE code = ${c.progress}`)
      const listed = new Map((await all()).rows.map(([code, kind]) => [code, kind]))
      expect(listed.get(c.progress)).toBe('progress')
      for (const code of made) {
        const d = (await api.get(code)).body
        const task = callbackTask({ state: d.state, events: await api.events(code), hasReporterPhone: !!d.reporter.phone, urgent: d.track === 'urgent' })
        expect(listed.has(code), `${code} ${d.state}`).toBe(task.due)
        if (task.due) expect(listed.get(code), code).toBe(task.kind)
      }
      expect(made).toHaveLength(12)
    })

    it('pages one row at a time without skipping or repeating, while a callback is recorded between pages', async () => {
      const before = (await all()).rows.map((r) => r[0])
      expect(before.length).toBeGreaterThanOrEqual(5)
      const seen: string[] = []
      let cursor: string | null = null
      let page = 0
      do {
        const r: Json = await owed(`limit=1${cursor ? `&cursor=${cursor}` : ''}`)
        seen.push(...r.body.items.map((i: Json) => i.code))
        cursor = r.body.nextCursor
        // After the first page the seat calls back the fourth: it leaves the list.
        if (page++ === 0) await callback(T0 + 20 * HOUR, before[3]!, { reached: true, satisfaction: 'basically_satisfied' })
      } while (cursor)
      expect(before[3]).toBe(c.reclosed)
      expect(seen).toEqual(before.filter((code) => code !== c.reclosed))
    })

    it('scopes rows and counts to the caller: a unit sees its own incidents only', async () => {
      const mine = (await all()).rows.filter(([code]) => code === c.r10)
      expect(mine).toHaveLength(1) // transport's R10 check
      const transport = await all(200, { role: 'handler', unit: 'transport' })
      expect(transport.rows.map((r) => r[0])).toEqual([c.r10])
      expect([transport.total, transport.urgent]).toEqual([1, 1])
    })

    it('answers a bad view or cursor with RFC 9457 problems', async () => {
      for (const q of ['view=later', 'view=callbacks&cursor=bogus', `view=callbacks&cursor=${Buffer.from('["d1",0,0,0,"x"]').toString('base64url')}`]) {
        const r = await api.call('GET', `/api/dispatch/queue?${q}`)
        expect(r.status, q).toBe(400)
        expect(r.headers.get('content-type'), q).toContain('application/problem+json')
        expect(r.body, q).toMatchObject({ status: 400, code: 'validation_failed' })
      }
    })
  },
  seedFixture,
)
