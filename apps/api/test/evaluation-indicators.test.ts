import { sql } from 'drizzle-orm'
import { COUNT_KEYS, createWorkingCalendar, BUILTIN_CALENDAR_YEARS, workingMsBetween } from '@hanjiang/shared'
import { expect, it } from 'vitest'
import { seedDatabase } from '../src/seed/index.ts'
import { describeEachEngine } from './engines.ts'
import { incidentApi, type Json } from './incidents-helpers.ts'

/**
 * The evaluation API against a brute-force count over the raw event log, written here independently of the
 * repository's SQL and the shared indicator code: the demo's year of incidents (returns, extensions, rework,
 * reopenings, urgent ones late and in time, R7 fallbacks) counted for 2026-Q3 by the district, every street
 * and every unit.
 */

const SEED_AT = new Date('2026-11-26T07:10:00Z')
const Q3 = { from: new Date('2026-06-30T16:00:00Z'), to: new Date('2026-09-30T16:00:00Z') }
const MIN = 60_000
// The demo seeds its own accounts (demo password): the test's users get names of their own.
const OFFICE = { role: 'efficiency_office', username: 'eo-test' } as const

interface Ev { incident_id: number; at: Date; action: string; from_state: string | null; to_state: string | null; data: Json }
interface Inc { id: number; street_code: string | null; track: string; created_at: Date }

type Counts = Record<string, number>

/** Counts for a scope straight from the events (unit: null = district/street). */
function bruteForce(incidents: Inc[], events: Map<number, Ev[]>, filter: { street?: string; unit?: string }, end: Date): Counts & { ms: number; timed: number } {
  const c: Counts = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0]))
  let ms = 0
  let timed = 0
  const cal = createWorkingCalendar(BUILTIN_CALENDAR_YEARS)
  for (const inc of incidents) {
    if (filter.street && inc.street_code !== filter.street) continue
    const evs = (events.get(inc.id) ?? []).filter((e) => e.at < end)
    const sends = evs.filter((e) => e.action === 'dispatch' || e.action === 'redispatch')
    const backs = evs.filter((e) => e.action === 'returnToCenter')
    const u = filter.unit
    const mySends = u ? sends.filter((e) => e.data?.unitCode === u) : sends
    if (u && mySends.length === 0) continue
    const myBacks = u ? backs.filter((e) => e.data?.unitCode === u) : backs
    let state = 'reported'
    for (const e of evs) if (e.to_state) state = e.to_state
    const current = sends.length && state !== 'returned' ? sends[sends.length - 1]!.data?.unitCode : null
    const mine = sends.length > 0 && (!u || current === u)
    const urgent = inc.track === 'urgent'
    const registered = evs.some((e) => e.action === 'register' || (e.action === 'dispatch' && e.from_state === 'reported'))
    c.received!++
    if (registered) c.registered!++
    c.dispatches! += mySends.length
    c.returns! += myBacks.length
    c.accurateDispatches! += Math.max(0, mySends.length - myBacks.length)
    c.leadUnitFallbacks! += mySends.filter((e) => e.data?.rule === 'R7').length
    const first = sends[0]
    const firstMine = first && (!u || first.data?.unitCode === u)
    const quick = first !== undefined && first.at.getTime() - inc.created_at.getTime() <= 15 * MIN
    if (u ? firstMine : first || (urgent && registered)) {
      c.dispatchDue!++
      if (first && (!urgent || quick)) c.dispatchedOnTime!++
    }
    if (urgent) {
      c.urgent!++
      if (registered && (!u || firstMine)) {
        c.urgentRegistrationDue!++
        if (quick) c.urgentRegisteredIn15!++
      }
    }
    let sat: string | null = null
    for (const e of evs) {
      if (e.action === 'callback' && e.data?.satisfaction) sat = e.data.satisfaction
      if (e.action === 'rate' && e.data?.rating) sat = e.data.rating
    }
    if (mine) {
      const resolves = evs.filter((e) => e.action === 'resolve')
      const handled = (state === 'resolved' || state === 'closed') && resolves.length > 0
      const late = evs.some((e) => e.action === 'overdue' && e.data?.rule !== 'R4')
      const rework = evs.filter((e) => e.action === 'verifyFail' || e.action === 'reopen').length
      c.handlingDue!++
      if (handled) c.handled!++
      if (late) c.overdue!++
      if (handled && !late) c.handledOnTime!++
      if (late && !handled) c.overdueOpen!++
      c.reworkEvents! += rework
      if (rework) c.reworked!++
      if (evs.some((e) => e.action === 'decideExtension' && e.data?.approved === true)) c.extended!++
      if (urgent) {
        const arrive = evs.find((e) => e.action === 'arrive')
        if (arrive) {
          const base = sends.filter((e) => e.at <= arrive.at).pop()
          if (base) {
            c.urgentArrivalDue!++
            if (arrive.at.getTime() - base.at.getTime() <= 6 * 60 * MIN) c.urgentArrivedIn6h!++
          }
        } else if ((state === 'dispatched' || state === 'accepted') && end.getTime() - sends[sends.length - 1]!.at.getTime() > 6 * 60 * MIN) {
          c.urgentArrivalDue!++
        }
      }
      if (handled) {
        ms += workingMsBetween(first!.at, resolves[resolves.length - 1]!.at, cal)
        timed++
      }
    }
    if (sat && (mine || (!u && sends.length === 0))) {
      c.satisfactionHeard!++
      if (sat !== 'not_satisfied') c.satisfied!++
    }
  }
  return { ...c, ms, timed }
}

describeEachEngine(
  'evaluation indicators agree with a brute-force count over the event log',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const get = (path: string, who: Parameters<typeof api.call>[4] = OFFICE) => api.call('GET', path, undefined, {}, who)
    let incidents: Inc[] = []
    const events = new Map<number, Ev[]>()

    it('loads the raw log', async () => {
      incidents = (
        await ctx.database.rows<Inc & Record<string, unknown>>(sql`SELECT id::int AS id, street_code, track, created_at FROM incident
          WHERE created_at >= ${Q3.from.toISOString()}::timestamptz AND created_at < ${Q3.to.toISOString()}::timestamptz`)
      ).map((r) => ({ ...r, created_at: new Date(r.created_at) }))
      const evs = await ctx.database.rows<Ev & Record<string, unknown>>(sql`SELECT incident_id::int AS incident_id, at, action, from_state, to_state, data FROM incident_event ORDER BY at, id`)
      for (const e of evs) {
        const list = events.get(e.incident_id) ?? []
        list.push({ ...e, at: new Date(e.at), data: typeof e.data === 'string' ? JSON.parse(e.data) : e.data })
        events.set(e.incident_id, list)
      }
      expect(incidents.length).toBeGreaterThan(500)
    })

    const compare = (row: Json, want: ReturnType<typeof bruteForce>) => {
      for (const k of COUNT_KEYS) expect([row.code, k, row.indicators[k]]).toEqual([row.code, k, want[k]])
      expect(row.indicators.handlingTimeCount).toBe(want.timed)
      if (want.timed) expect(row.indicators.meanHandlingHours).toBeCloseTo(want.ms / want.timed / 3_600_000, 6)
      if (want.handlingDue) expect(row.indicators.handlingRate).toBeCloseTo(want.handled! / want.handlingDue, 9)
    }

    it('the district', async () => {
      const r = await get('/api/evaluation/indicators?period=2026-Q3&level=district')
      expect(r.status).toBe(200)
      const want = bruteForce(incidents, events, {}, Q3.to)
      // The demo exercises every edge: returns, R7 fallbacks, rework, extensions, overdue, urgent both ways.
      for (const k of ['returns', 'reworked', 'extended', 'overdue', 'urgentArrivalDue', 'urgentArrivedIn6h', 'satisfactionHeard']) expect(want[k], k).toBeGreaterThan(0)
      expect(want.urgentArrivedIn6h).toBeLessThan(want.urgentArrivalDue!)
      compare(r.body.rows[0], want)
      expect(r.body.rows[0].score.score).toBeGreaterThan(0)
    })

    it('every street and every unit', async () => {
      for (const level of ['street', 'unit'] as const) {
        const r = await get(`/api/evaluation/indicators?period=2026-Q3&level=${level}`)
        expect(r.status).toBe(200)
        expect(r.body.rows.length).toBeGreaterThan(5)
        for (const row of r.body.rows) compare(row, bruteForce(incidents, events, level === 'street' ? { street: row.code } : { unit: row.code }, Q3.to))
      }
    })

    it('one unit alone gives the same figures as in the full list; the drill-down lists exactly the counted incidents', async () => {
      const all = await get('/api/evaluation/indicators?period=2026-Q3&level=unit')
      const busiest = [...all.body.rows].sort((a: Json, b: Json) => b.indicators.handlingDue - a.indicators.handlingDue)[0]
      const one = await get(`/api/evaluation/indicators?period=2026-Q3&level=unit&code=${busiest.code}`)
      expect(one.body.rows).toEqual([busiest])
      const drill = await get(`/api/evaluation/incidents?period=2026-Q3&level=unit&code=${busiest.code}&indicator=reworkRate&limit=1000`)
      expect(drill.status).toBe(200)
      expect(drill.body.total).toBe(busiest.indicators.reworked)
      const den = await get(`/api/evaluation/incidents?period=2026-Q3&level=unit&code=${busiest.code}&indicator=reworkRate&part=denominator&limit=1000`)
      expect(den.body.total).toBe(busiest.indicators.handlingDue)
      expect(drill.body.items.every((i: Json) => /^HJ/.test(i.code))).toBe(true)
    })

    it('a unit supervisor sees their own unit only', async () => {
      const own = await get('/api/evaluation/indicators?period=2026-Q3&level=unit', { role: 'unit_supervisor', unit: 'city_admin' })
      expect(own.status).toBe(200)
      expect(own.body.rows.map((r: Json) => r.code)).toEqual(['city_admin'])
      const other = await get('/api/evaluation/indicators?period=2026-Q3&level=unit&code=water_resources', { role: 'unit_supervisor', unit: 'city_admin' })
      expect(other.status).toBe(403)
      expect((await get('/api/evaluation/indicators?period=2026-Q3&level=district', { role: 'unit_supervisor', unit: 'city_admin' })).status).toBe(403)
      expect((await get('/api/evaluation/indicators?period=2026-Q3', { role: 'handler', username: 'h-test' })).status).toBe(403)
    })

    it('bad periods are 400 with a specific code', async () => {
      const bad = await get('/api/evaluation/indicators?period=2026-Q5')
      expect([bad.status, bad.body.code]).toEqual([400, 'invalid_period'])
      const future = await get('/api/evaluation/indicators?period=2099-Q1')
      expect([future.status, future.body.code]).toEqual([400, 'future_period'])
      const early = await get('/api/evaluation/indicators?period=2020')
      expect([early.status, early.body.code]).toEqual([400, 'period_before_data'])
    })
  },
  async (database) => {
    await seedDatabase(database, { demo: true, now: SEED_AT })
  },
)
