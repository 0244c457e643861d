import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/db/open.ts'
import type { Database, Engine } from '../src/db/types.ts'
import { createTimerWorker, type TickReport } from '../src/worker/timer-worker.ts'
import { ensureUser, TEST_PASSWORD, type WhoLike } from './auth.ts'
import { seedFixture } from './app.ts'
import { startApi, type Proc } from './api-process.ts'
import { describeEachEngine, openTestDatabase, testEngines, type TestDatabase } from './engines.ts'
import { complaint, freezeClock, HOUR, incidentApi, MINUTE, pendingTimers, photo, roadCollapse, thaw, type Json } from './incidents-helpers.ts'

/** 09:00 Shanghai on a June 2026 day: each test starts on its own day. */
const day = (d: number) => Date.parse(`2026-06-${String(d).padStart(2, '0')}T09:00:00+08:00`)
const iso = (ms: number) => new Date(ms).toISOString()

const BATCH = 100

/** A worker on an injected clock; `run(at)` ticks until nothing due is left at `at`. */
function clockedWorker(database: () => Database, opts: { intervalMs?: number; batch?: number } = {}) {
  let clock = 0
  const batch = opts.batch ?? BATCH
  const worker = () =>
    createTimerWorker({
      database: database(),
      config: { escalationIntervalMs: opts.intervalMs ?? HOUR, timerBatchSize: batch, logLevel: 'silent' },
      now: () => new Date(clock),
    })
  let w: ReturnType<typeof worker> | null = null
  const get = () => (w ??= worker())
  return {
    set: (ms: number) => (clock = ms),
    tick: (at: number) => {
      clock = at
      return get().tick()
    },
    run: async (at: number): Promise<TickReport> => {
      clock = at
      const total: TickReport = { claimed: 0, fired: 0, busy: 0, failed: 0, outcomes: {} }
      for (;;) {
        const r = await get().tick()
        total.claimed += r.claimed
        total.fired += r.fired
        total.busy += r.busy
        total.failed += r.failed
        for (const [k, v] of Object.entries(r.outcomes)) total.outcomes[k] = (total.outcomes[k] ?? 0) + v
        if (r.claimed < batch) return total
      }
    },
  }
}

/** The worker's events of an incident as [action, rule, level]. */
async function workerEvents(api: ReturnType<typeof incidentApi>, code: string): Promise<Json[]> {
  return (await api.events(code)).filter((e: Json) => e.actor === 'timer-worker')
}
const brief = (events: Json[]) => events.map((e) => [e.action, e.data?.rule ?? null, e.data?.level ?? null])

describeEachEngine(
  'timer worker (docs/DOMAIN.md §5: R4–R7, R10, overdue)',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const worker = clockedWorker(() => ctx.database)
    afterEach(thaw)

    /** An urgent incident taken in at `t0` (registered unless told not to). */
    async function urgent(t0: number, body: Record<string, unknown> = {}, register = true): Promise<string> {
      freezeClock(iso(t0))
      const { code } = (await api.create(roadCollapse(body))).body
      if (register) await api.step(code, 'register', { incidentType: 'urgent' })
      thaw()
      return code
    }
    async function incidentId(code: string): Promise<number> {
      const [r] = await ctx.database.rows<{ id: number }>(sql`SELECT id FROM incident WHERE code = ${code}`)
      return Number(r!.id)
    }
    async function at(ms: number, code: string, action: string, body: Record<string, unknown> = {}, role: WhoLike = 'dispatcher') {
      freezeClock(iso(ms))
      try {
        return await api.step(code, action, body, role)
      } finally {
        thaw()
      }
    }

    it('R4 alert at 15 min: an urgent incident still not dispatched alerts the center (and is overdue), once', async () => {
      const t0 = day(1)
      const late = await urgent(t0)
      const inTime = await urgent(t0)
      await at(t0 + 10 * MINUTE, inTime, 'dispatch', { unitCode: 'transport' })

      await worker.run(t0 + 15 * MINUTE - 1000)
      expect(await workerEvents(api, late)).toEqual([])

      await worker.run(t0 + 15 * MINUTE)
      const events = await workerEvents(api, late)
      expect(brief(events)).toEqual([
        ['alert', 'R4', null],
        ['overdue', 'R4', null],
      ])
      expect(events[0]).toMatchObject({ actorRole: 'system', from: 'registered', to: 'registered' })
      expect(events[0].data).toMatchObject({ to: { role: 'dispatcher' }, timer: { kind: 'dispatchBy' } })
      expect(events[0].data.message.zh).toContain('15 分钟')
      const inc = (await api.get(late)).body
      expect(inc.deadlines.overdueAt).toBe('2026-06-01T09:15:00+08:00')
      expect(inc.state).toBe('registered')

      // Firing again (later, twice at once) does nothing twice.
      await Promise.all([worker.tick(t0 + 20 * MINUTE), worker.tick(t0 + 20 * MINUTE)])
      await worker.run(t0 + HOUR)
      expect(await workerEvents(api, late)).toHaveLength(2)
      // Dispatched in time: its dispatch-by check was cancelled by the dispatch.
      expect(await workerEvents(api, inTime)).toEqual([])
    })

    it('R4: a dispatch-by row that was not cancelled but finds the incident dispatched does nothing', async () => {
      const t0 = day(2)
      const code = await urgent(t0)
      await at(t0 + 5 * MINUTE, code, 'dispatch', { unitCode: 'transport' })
      const id = await incidentId(code)
      // A stray pending row (as if the cancel had been lost).
      await ctx.database.rows(
        sql`INSERT INTO timer (incident_id, kind, due_at) VALUES (${id}, 'dispatchBy', ${iso(t0 + 15 * MINUTE)}::timestamptz)`,
      )
      const r = await worker.run(t0 + 16 * MINUTE)
      expect(r.outcomes.state_moot).toBeGreaterThanOrEqual(1)
      expect(await workerEvents(api, code)).toEqual([])
      const [row] = await ctx.database.rows<{ fired: boolean; outcome: string }>(
        sql`SELECT fired_at IS NOT NULL AS fired, data->>'outcome' AS outcome FROM timer
            WHERE incident_id = ${id} AND kind = 'dispatchBy' AND cancelled_at IS NULL`,
      )
      expect(row).toEqual({ fired: true, outcome: 'state_moot' })
    })

    it('R5 urge at 6 h: dispatched (even accepted) but not on site 6 hours after dispatch → urge the unit, overdue once', async () => {
      const t0 = day(3)
      const accepted = await urgent(t0)
      const onSite = await urgent(t0)
      for (const code of [accepted, onSite]) {
        await at(t0 + 10 * MINUTE, code, 'dispatch', { unitCode: 'transport' })
        await at(t0 + HOUR, code, 'accept', {}, 'handler')
      }
      await at(t0 + 2 * HOUR, onSite, 'arrive', {}, 'handler')

      await worker.run(t0 + 10 * MINUTE + 6 * HOUR - 1000)
      expect(await workerEvents(api, accepted)).toEqual([])
      await worker.run(t0 + 10 * MINUTE + 6 * HOUR)
      const events = await workerEvents(api, accepted)
      expect(brief(events)).toEqual([
        ['urge', 'R5', null],
        ['overdue', 'R5', null],
      ])
      expect(events[0].data.to).toEqual({ role: 'handler', unitCode: 'transport' })
      expect((await api.get(accepted)).body).toMatchObject({ state: 'accepted', escalationLevel: 0 })
      await worker.run(t0 + 7 * HOUR)
      expect(await workerEvents(api, accepted)).toHaveLength(2)
      expect(await workerEvents(api, onSite)).toEqual([])
    })

    it('R7 lead unit after 12 h: ownership still unclear → the system dispatches to the subclass lead unit, event logged', async () => {
      const t0 = day(4)
      // 010504 (traffic signal) is the traffic police's, but subclass 0105 is led by the transport bureau.
      const registered = await urgent(t0, { fineClass: '010504' })
      const reported = await urgent(t0, { fineClass: '010504' }, false)
      const returned = await urgent(t0, { fineClass: '010504' })
      await at(t0 + 5 * MINUTE, returned, 'dispatch', { unitCode: 'traffic_police' })
      await at(t0 + HOUR, returned, 'returnToCenter', { reason: '不属于本单位', hazardMarked: true }, 'handler')
      const owned = await urgent(t0, { fineClass: '010504' })
      await at(t0 + 5 * MINUTE, owned, 'dispatch', { unitCode: 'traffic_police' })
      await at(t0 + HOUR, owned, 'accept', {}, 'handler')

      await worker.run(t0 + 12 * HOUR - 1000)
      expect((await api.get(registered)).body.state).toBe('registered')
      const t12 = t0 + 12 * HOUR
      await worker.run(t12)

      for (const [code, from, action] of [
        [registered, 'registered', 'dispatch'],
        [reported, 'reported', 'dispatch'],
        [returned, 'returned', 'redispatch'],
      ] as const) {
        const inc = (await api.get(code)).body
        expect(inc).toMatchObject({ state: 'dispatched', unit: { code: 'transport', name: '区交通运输局' } })
        const r7 = (await workerEvents(api, code)).filter((e) => e.data?.rule === 'R7')
        expect(r7).toHaveLength(1)
        expect(r7[0]).toMatchObject({ action, from, to: 'dispatched', actor: 'timer-worker', actorRole: 'system' })
        expect(r7[0].data).toMatchObject({ unitCode: 'transport', assignment: { rule: 'lead_unit_fallback', unit: { code: 'transport' } } })
        expect(r7[0].data.assignment.explanation.zh).toContain('牵头单位')
        // The step that starts has its deadlines: on site / handled within 6 h, callback at 12 h (R10).
        const pending = await pendingTimers(ctx.database, code)
        expect(pending.callbackAt).toBe(t12 + 12 * HOUR)
        if (action === 'dispatch') expect(pending.arriveBy).toBe(t12 + 6 * HOUR)
        else expect(pending.handleBy).toBe(t12 + 6 * HOUR)
      }
      expect((await api.get(reported)).body.registeredAt).toBe('2026-06-04T21:00:00+08:00')
      expect((await api.get(registered)).body.firstUnit).toEqual({ code: 'transport', name: '区交通运输局' })
      // Accepted by a unit: ownership is clear.
      expect((await api.get(owned)).body.unit.code).toBe('traffic_police')
      expect((await workerEvents(api, owned)).filter((e) => e.data?.rule === 'R7')).toEqual([])

      await worker.run(t12 + MINUTE)
      expect((await workerEvents(api, registered)).filter((e) => e.data?.rule === 'R7')).toHaveLength(1)
    })

    it('R10 callback → urge → level 2 → level 3: each step after the interval while still not on site', async () => {
      const t0 = day(5)
      const code = await urgent(t0)
      const stops = await urgent(t0)
      for (const c of [code, stops]) {
        await at(t0 + 5 * MINUTE, c, 'dispatch', { unitCode: 'transport' })
        await at(t0 + HOUR, c, 'accept', {}, 'handler')
      }
      const d = t0 + 5 * MINUTE

      await worker.run(d + 12 * HOUR)
      expect(brief(await workerEvents(api, code))).toEqual([
        ['urge', 'R5', null],
        ['overdue', 'R5', null],
        ['callbackDue', 'R10', null],
      ])
      expect((await pendingTimers(ctx.database, code)).urge1).toBe(d + 13 * HOUR)

      await worker.run(d + 13 * HOUR - 1000)
      expect(await workerEvents(api, code)).toHaveLength(3)
      await worker.run(d + 13 * HOUR)
      expect((await api.get(code)).body.escalationLevel).toBe(1)
      expect((await pendingTimers(ctx.database, code)).supervise2).toBe(d + 14 * HOUR)

      // The other one goes on site after being urged: its chain stops there.
      await at(d + 13 * HOUR + MINUTE, stops, 'arrive', {}, 'handler')

      await worker.run(d + 14 * HOUR)
      expect((await api.get(code)).body.escalationLevel).toBe(2)
      await worker.run(d + 15 * HOUR)
      expect((await api.get(code)).body.escalationLevel).toBe(3)
      await worker.run(d + 30 * HOUR)

      const events = await workerEvents(api, code)
      expect(brief(events)).toEqual([
        ['urge', 'R5', null],
        ['overdue', 'R5', null],
        ['callbackDue', 'R10', null],
        ['urge', 'R10', 1],
        ['supervise', 'R10', 2],
        ['supervise', 'R10', 3],
      ])
      expect(events[3].data.to).toEqual({ role: 'handler', unitCode: 'transport' })
      expect(events[4].data.to).toEqual({ role: 'unit_supervisor', unitCode: 'transport' })
      expect(events[5].data.to).toEqual({ role: 'efficiency_office', unitCode: null })
      expect(await pendingTimers(ctx.database, code)).toEqual({})

      expect(brief(await workerEvents(api, stops))).toEqual([
        ['urge', 'R5', null],
        ['overdue', 'R5', null],
        ['callbackDue', 'R10', null],
        ['urge', 'R10', 1],
      ])
      expect((await api.get(stops)).body.escalationLevel).toBe(1)
    })

    it('R10: the step interval is configurable (ESCALATION_INTERVAL_MINUTES)', async () => {
      const t0 = day(6)
      const code = await urgent(t0)
      await at(t0 + 5 * MINUTE, code, 'dispatch', { unitCode: 'transport' })
      const fast = clockedWorker(() => ctx.database, { intervalMs: 20 * MINUTE })
      const d = t0 + 5 * MINUTE
      await fast.run(d + 12 * HOUR)
      expect((await pendingTimers(ctx.database, code)).urge1).toBe(d + 12 * HOUR + 20 * MINUTE)
      await fast.run(d + 12 * HOUR + 20 * MINUTE)
      expect((await pendingTimers(ctx.database, code)).supervise2).toBe(d + 12 * HOUR + 40 * MINUTE)
    })

    it('overdue once: a complaint past its resolve-by is marked overdue once, not again on rework', async () => {
      const t0 = day(8) // Monday → resolve-by Thursday 17:30 (R1, 3 working days)
      freezeClock(iso(t0))
      const { code } = (await api.create(complaint())).body
      thaw()
      const reg = await at(t0, code, 'register', { incidentType: 'complaint' })
      const resolveBy = Date.parse(reg.deadlines.resolveBy)
      expect(reg.deadlines.resolveBy).toBe('2026-06-11T17:30:00+08:00')
      await at(t0 + MINUTE, code, 'dispatch', { unitCode: 'office_350303002' })
      await at(t0 + HOUR, code, 'accept', {}, 'handler')

      await worker.run(resolveBy - 1000)
      expect(await workerEvents(api, code)).toEqual([])
      await worker.run(resolveBy + MINUTE)
      const events = await workerEvents(api, code)
      expect(brief(events)).toEqual([['overdue', 'R1', null]])
      expect(events[0].data.dueAt).toBe(new Date(resolveBy).toISOString())
      expect((await api.get(code)).body.deadlines.overdueAt).toBe('2026-06-11T17:31:00+08:00')

      // Rework after the deadline: the resolve step (and its check) opens again — still overdue once.
      const t1 = resolveBy + HOUR
      await at(t1, code, 'arrive', {}, 'handler')
      await at(t1, code, 'resolve', { note: '已处置', afterPhotos: [photo()] }, 'handler')
      await at(t1 + MINUTE, code, 'verifyFail', { reason: '未清理干净' }, 'inspector')
      expect((await pendingTimers(ctx.database, code)).resolveBy).toBe(resolveBy)
      const r = await worker.run(t1 + 2 * MINUTE)
      expect(r.outcomes.already_overdue).toBeGreaterThanOrEqual(1)
      expect(await workerEvents(api, code)).toHaveLength(1)
      expect((await api.get(code)).body.deadlines.overdueAt).toBe('2026-06-11T17:31:00+08:00')
    })

    it('R6: the owner after a re-dispatch has 6 hours to handle it, else overdue', async () => {
      const t0 = day(9)
      const code = await urgent(t0)
      await at(t0 + 5 * MINUTE, code, 'dispatch', { unitCode: 'traffic_police' })
      await at(t0 + 30 * MINUTE, code, 'returnToCenter', { reason: '不属于本单位', hazardMarked: true }, 'handler')
      await at(t0 + 40 * MINUTE, code, 'redispatch', { unitCode: 'transport' })
      await worker.run(t0 + 40 * MINUTE + 6 * HOUR)
      expect(brief(await workerEvents(api, code))).toEqual([['overdue', 'R6', null]])
    })

    it('exactly once: the same worker ticking twice at once and again fires every row once', async () => {
      const t0 = day(10)
      const codes: string[] = []
      for (let i = 0; i < 6; i++) {
        const c = await urgent(t0)
        await at(t0 + 5 * MINUTE, c, 'dispatch', { unitCode: 'transport' })
        codes.push(c)
      }
      const d = t0 + 5 * MINUTE
      const w = clockedWorker(() => ctx.database, { batch: 4 })
      await Promise.all([w.tick(d + 12 * HOUR), w.tick(d + 12 * HOUR), w.tick(d + 12 * HOUR)])
      await w.run(d + 12 * HOUR)
      await w.run(d + 12 * HOUR)
      for (const c of codes) {
        expect(brief(await workerEvents(api, c))).toEqual([
          ['urge', 'R5', null],
          ['overdue', 'R5', null],
          ['callbackDue', 'R10', null],
        ])
      }
      const ids = codes.map((c) => `'${c}'`).join(',')
      const rows = await ctx.database.rows<{ kind: string; fired: number; pending: number }>(sql`
        SELECT kind, count(*) FILTER (WHERE fired_at IS NOT NULL)::int AS fired,
               count(*) FILTER (WHERE fired_at IS NULL AND cancelled_at IS NULL)::int AS pending
        FROM timer WHERE incident_id IN (SELECT id FROM incident WHERE code IN (${sql.raw(ids)}))
        GROUP BY kind ORDER BY kind`)
      expect(rows).toEqual([
        { kind: 'arriveBy', fired: 6, pending: 0 },
        { kind: 'callbackAt', fired: 6, pending: 0 },
        { kind: 'dispatchBy', fired: 0, pending: 0 }, // cancelled by the dispatch
        { kind: 'ownershipBy', fired: 6, pending: 0 }, // due too, but a unit has it on a confirmed assignment: moot
        { kind: 'urge1', fired: 0, pending: 6 },
      ])
    })

    it('a row whose handling fails is deferred with a back-off, without blocking the others', async () => {
      const t0 = day(11)
      const ok = await urgent(t0)
      const bad = await urgent(t0)
      const id = await incidentId(bad)
      // Writing this incident's events fails (as a bug or bad data would).
      await ctx.database.rows(sql.raw(`
        CREATE FUNCTION test_fail_event() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.incident_id = ${Number(id)} THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`))
      await ctx.database.rows(
        sql`CREATE TRIGGER test_fail BEFORE INSERT ON incident_event FOR EACH ROW EXECUTE FUNCTION test_fail_event()`,
      )
      try {
        const r = await worker.run(t0 + 15 * MINUTE)
        expect(r.failed).toBe(1)
        expect(brief(await workerEvents(api, ok))).toEqual([
          ['alert', 'R4', null],
          ['overdue', 'R4', null],
        ])
        expect(await workerEvents(api, bad)).toEqual([])
        const [row] = await ctx.database.rows<{ due: string; attempts: number; error: string; first: string }>(sql`
          SELECT to_json(due_at) #>> '{}' AS due, (data->>'attempts')::int AS attempts, data->>'lastError' AS error,
                 data->>'firstDueAt' AS first
          FROM timer WHERE incident_id = ${id} AND kind = 'dispatchBy' AND fired_at IS NULL AND cancelled_at IS NULL`)
        expect(row).toMatchObject({ attempts: 1, first: iso(t0 + 15 * MINUTE) })
        expect(row!.error).toContain('injected failure')
        expect(Date.parse(row!.due)).toBe(t0 + 16 * MINUTE) // 1 minute back-off
      } finally {
        await ctx.database.rows(sql`DROP TRIGGER test_fail ON incident_event`)
        await ctx.database.rows(sql`DROP FUNCTION test_fail_event()`)
      }
      // Fixed: the next try fires it (the overdue time is when it was marked).
      await worker.run(t0 + 16 * MINUTE)
      expect(brief(await workerEvents(api, bad))).toEqual([
        ['alert', 'R4', null],
        ['overdue', 'R4', null],
      ])
    })
  },
  seedFixture,
)

/** Urgent incidents with due work: dispatched and accepted `ago` ms before now, never on site. */
async function dueWork(database: Database, ago: number, n: number) {
  const api = incidentApi(() => database)
  const t0 = Date.now() - ago
  const stuck: string[] = []
  freezeClock(iso(t0))
  try {
    for (let i = 0; i < n; i++) {
      const { code } = (await api.create(roadCollapse())).body
      await api.step(code, 'register', { incidentType: 'urgent' })
      await api.step(code, 'dispatch', { unitCode: 'transport' })
      await api.step(code, 'accept', {}, 'handler')
      stuck.push(code)
    }
    // Never dispatched: R4 alert, then R7 to the lead unit.
    const { code: orphan } = (await api.create(roadCollapse({ fineClass: '010504' }))).body
    await api.step(orphan, 'register', { incidentType: 'urgent' })
    return { stuck, orphan }
  } finally {
    thaw()
  }
}

/** Every worker event as `code action rule level`, with how often it was written. */
async function escalationCounts(database: Database): Promise<Map<string, number>> {
  const rows = await database.rows<{ key: string; n: number }>(sql`
    SELECT i.code || ' ' || e.action || ' ' || coalesce(e.data->>'rule', '') || ' ' || coalesce(e.data->>'level', '') AS key,
           count(*)::int AS n
    FROM incident_event e JOIN incident i ON i.id = e.incident_id
    WHERE e.actor = 'timer-worker' GROUP BY 1`)
  return new Map(rows.map((r) => [r.key, Number(r.n)]))
}

function expectedEscalations(stuck: string[], orphan: string): string[] {
  return [
    ...stuck.flatMap((c) => [
      `${c} urge R5 `,
      `${c} overdue R5 `,
      `${c} callbackDue R10 `,
      `${c} urge R10 1`,
      `${c} supervise R10 2`,
      `${c} supervise R10 3`,
    ]),
    `${orphan} alert R4 `,
    `${orphan} overdue R4 `,
    `${orphan} dispatch R7 `,
  ].sort()
}

describe.each(testEngines())('timer worker: several workers at once [%s]', (engine: Engine) => {
  let test: TestDatabase
  let second: Database
  beforeAll(async () => {
    test = await openTestDatabase(engine)
    await seedFixture(test.database)
    // Another pool on the same database: a second API process. (PGlite is one process: the same handle.)
    second = engine === 'server' ? await openDatabase({ databaseUrl: test.url!, migrate: false }) : test.database
  })
  afterAll(async () => {
    if (second !== test.database) await second.close()
    await test.dispose()
  })

  it('exactly once with two workers ticking concurrently (FOR UPDATE SKIP LOCKED), through the whole R10 chain', async () => {
    const { stuck, orphan } = await dueWork(test.database, 2 * 24 * HOUR, 12)
    const a = clockedWorker(() => test.database, { batch: 5, intervalMs: 0 })
    const b = clockedWorker(() => second, { batch: 5, intervalMs: 0 })
    const reports: TickReport[] = []
    // Both workers hammer the same due rows; interval 0: each chain step is due on the next tick.
    for (let round = 0; round < 12; round++) {
      const now = Date.now()
      reports.push(...(await Promise.all([a.tick(now), b.tick(now), a.tick(now), b.tick(now)])))
    }
    const counts = await escalationCounts(test.database)
    expect([...counts.keys()].sort()).toEqual(expectedEscalations(stuck, orphan))
    expect([...counts.values()].every((n) => n === 1)).toBe(true)
    const fired = reports.reduce((s, r) => s + r.fired, 0)
    const [rows] = await test.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM timer WHERE fired_at IS NOT NULL`)
    expect(fired).toBe(Number(rows!.n))
    expect(reports.reduce((s, r) => s + r.failed, 0)).toBe(0)
  })
})

// ---------------------------------------------------------------------------------------------
// The crash test: a real API process with due work, killed mid-transaction, restarted.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe.each(testEngines())('timer worker: crash and restart [%s]', (engine: Engine) => {
  let tmp: string
  let server: TestDatabase | undefined
  let env: Record<string, string>
  /** The database as the test sees it between runs (PGlite: opened only while no API process runs). */
  const withDb = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
    if (server) return fn(server.database)
    const db = await openDatabase({ pgliteDir: path.join(tmp, 'pglite') })
    try {
      return await fn(db)
    } finally {
      await db.close()
    }
  }
  const procs: Proc[] = []
  const run = (extra: Record<string, string>) => {
    const p = startApi({ ...env, ...extra })
    procs.push(p)
    return p
  }

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-crash-'))
    if (engine === 'server') server = await openTestDatabase('server')
    env = {
      DATA_DIR: tmp,
      DATABASE_URL: server?.url ?? '',
      TIMER_TICK_MS: '20',
      TIMER_BATCH_SIZE: '3',
      ESCALATION_INTERVAL_MINUTES: '0',
    }
  })
  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL')
    await server?.dispose()
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('stop the API while the timer worker has due work, restart: every escalation fires exactly once', async () => {
    const work = await withDb(async (db) => {
      await seedFixture(db)
      await ensureUser(db, 'dispatcher') // run 3 reads the event logs over HTTP as a signed-in dispatcher
      return dueWork(db, 2 * 24 * HOUR, 4)
    })
    const expected = expectedEscalations(work.stuck, work.orphan)

    // Run 1: the worker applies 5 rows — a full batch of 3 commits, then it dies inside the second batch.
    const first = run({ TIMER_WORKER_CRASH_AFTER: '5' })
    expect(await first.exited).toMatchObject({ signal: 'SIGKILL' })
    expect(first.out()).toContain('crash hook: SIGKILL after 5 applied timers')
    const afterCrash = await withDb(async (db) => {
      const [r] = await db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM timer WHERE fired_at IS NOT NULL`)
      return { fired: Number(r!.n), counts: await escalationCounts(db) }
    })
    expect(afterCrash.fired).toBe(3) // the committed batch only: the 2 rows of the open transaction rolled back
    expect([...afterCrash.counts.values()].every((n) => n === 1)).toBe(true)
    expect(afterCrash.counts.size).toBeLessThan(expected.length)

    // Run 2: killed from outside (kill -9) as soon as it serves, wherever the worker is.
    const second = run({})
    await second.url
    await sleep(30)
    second.child.kill('SIGKILL')
    expect((await second.exited).signal).toBe('SIGKILL')

    // Run 3: runs to the end, then stops cleanly.
    const third = run({})
    const base = await third.url
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dispatcher', password: TEST_PASSWORD }),
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const deadline = Date.now() + 60_000
    for (;;) {
      const events = await Promise.all(
        work.stuck.map(async (c) => {
          const res = await fetch(`${base}/api/incidents/${c}/events`, { headers: { cookie } })
          if (res.status !== 200) throw new Error(`GET events of ${c}: ${res.status} ${await res.text()}`)
          return ((await res.json()) as Json).events as Json[]
        }),
      )
      if (events.every((list) => list.some((e) => e.action === 'supervise' && e.data?.level === 3))) break
      if (Date.now() > deadline) throw new Error(`escalations did not finish:\n${third.out()}`)
      await sleep(100)
    }
    await sleep(200) // a few more ticks: nothing more may fire
    third.child.kill('SIGTERM')
    expect((await third.exited).code).toBe(0)

    const final = await withDb(async (db) => ({
      counts: await escalationCounts(db),
      due: await db.rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM timer WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= now()`,
      ),
      level: await db.rows<{ code: string; level: number }>(
        sql`SELECT code, escalation_level AS level FROM incident WHERE code IN (${sql.join(work.stuck.map((c) => sql`${c}`), sql`, `)})`,
      ),
    }))
    expect([...final.counts.keys()].sort()).toEqual(expected)
    expect([...final.counts.entries()].filter(([, n]) => n !== 1)).toEqual([])
    expect(Number(final.due[0]!.n)).toBe(0)
    expect(final.level.map((r) => Number(r.level))).toEqual([3, 3, 3, 3])
  }, 180_000)
})
