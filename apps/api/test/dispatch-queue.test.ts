import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { insertIncidents, type NewIncident } from '../src/db/repositories/incident-intake.ts'
import type { Database } from '../src/db/types.ts'
import { seedFixture } from './app.ts'
import type { WhoLike } from './auth.ts'
import { describeEachEngine } from './engines.ts'
import { incidentApi, type Json } from './incidents-helpers.ts'

/**
 * The dispatch desk's queue (GET /api/dispatch/queue): keyset-paged over more than 200 waiting
 * incidents in urgency / time-left order — every incident exactly once across pages, in the same order the
 * browser sorts (packages/shared/src/desk/queue.ts), while incidents arrive and leave between pages.
 */

const T0 = Date.parse('2026-11-26T09:00:00+08:00')
const MIN = 60_000
const HANXI_GRID = '350303002001001'
const HANDONG_GRID = '350303001001001'

/** A waiting incident written straight through the batch insert (one statement for all of them). */
function row(i: number, over: Partial<NewIncident> = {}): NewIncident {
  const hanxi = i % 2 === 0
  return {
    codeDate: '20261126',
    trackingCode: `T${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    channel: 'hotline_12345',
    requestType: 'complaint',
    track: 'normal',
    fineClass: '020602',
    safetyHazard: false,
    location: hanxi ? { lng: 119.12, lat: 25.48 } : { lng: 119.02, lat: 25.48 },
    locationCrs: 'wgs84',
    address: null,
    description: `队列分页 ${i}`,
    reporterName: null,
    reporterPhone: null,
    state: 'reported',
    suggestedUnitCode: null,
    needsReview: false,
    streetCode: hanxi ? '350303002000' : '350303001000',
    communityCode: hanxi ? '350303002001' : '350303001001',
    gridCode: hanxi ? HANXI_GRID : HANDONG_GRID,
    streetRegionId: null,
    communityRegionId: null,
    gridRegionId: null,
    assignment: null,
    hazardMarked: false,
    dispatchBy: null,
    ownershipBy: null,
    idempotencyKey: null,
    requestHash: null,
    createdBy: 'test',
    at: new Date(T0 + (i % 50) * MIN),
    event: { actor: 'test', actorRole: 'dispatcher', action: 'create', fromState: null, toState: 'reported' },
    timers: [],
    ...over,
  }
}

/**
 * 260 waiting incidents with every kind of tie: urgent and hazard ones, returns, dispatch-by and ownership
 * deadlines (some equal), none at all, shared intake times — plus 30 already dispatched or closed.
 */
function mix(): NewIncident[] {
  const out: NewIncident[] = []
  for (let i = 0; i < 260; i++) {
    const k = i % 13
    const over: Partial<NewIncident> = {}
    if (k === 0) Object.assign(over, { track: 'urgent', dispatchBy: new Date(T0 + (i % 7) * 5 * MIN) })
    else if (k === 1) Object.assign(over, { safetyHazard: true })
    else if (k === 2) Object.assign(over, { state: 'returned', ownershipBy: new Date(T0 + (i % 4) * 60 * MIN) })
    else if (k < 6) over.dispatchBy = new Date(T0 + (i % 9) * 30 * MIN)
    else if (k < 8) Object.assign(over, { state: 'registered', ownershipBy: new Date(T0 + (i % 5) * 90 * MIN) })
    out.push(row(i, over))
  }
  for (let i = 0; i < 30; i++) out.push(row(1000 + i, { state: i % 2 ? 'dispatched' : 'closed', track: 'urgent' }))
  return out
}

type Key = { code: string; rank: number; due: number; created: number }

/** The expected order, computed independently of the API from the table (ms precision, code-unit order). */
async function expectedOrder(database: Database, where = sql`true`): Promise<string[]> {
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT code, track, safety_hazard AS hazard, state,
      to_json(coalesce(dispatch_by, ownership_by, resolve_by)) #>> '{}' AS due, to_json(created_at) #>> '{}' AS created
    FROM incident i WHERE state IN ('reported', 'registered', 'returned') AND ${where}`)
  const keys: Key[] = rows.map((r) => ({
    code: String(r.code),
    rank: r.track === 'urgent' || r.hazard === true ? 0 : r.state === 'returned' ? 1 : 2,
    due: r.due ? Date.parse(String(r.due)) : Number.MAX_SAFE_INTEGER,
    created: Date.parse(String(r.created)),
  }))
  keys.sort(
    (a, b) =>
      a.rank - b.rank || a.due - b.due || a.created - b.created || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  )
  return keys.map((k) => k.code)
}

describeEachEngine(
  'dispatch desk queue',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const queue = (query = '', who: WhoLike = 'dispatcher') =>
      api.call('GET', `/api/dispatch/queue${query ? `?${query}` : ''}`, undefined, {}, who)

    async function pageThrough(limit: number, who: WhoLike = 'dispatcher', between?: (page: number) => Promise<void>) {
      const seen: string[] = []
      let cursor: string | null = null
      let pages = 0
      let total: number
      do {
        const r: Json = await queue(`limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, who)
        expect(r.status).toBe(200)
        expect(r.body.items.length).toBeLessThanOrEqual(limit)
        seen.push(...r.body.items.map((i: Json) => i.code))
        cursor = r.body.nextCursor
        total = r.body.total
        if (between) await between(pages)
        pages++
      } while (cursor)
      return { seen, pages, total }
    }

    it('pages more than 200 waiting incidents in urgency / time-left order: none skipped, none repeated', async () => {
      await insertIncidents(ctx.database, mix())
      const expected = await expectedOrder(ctx.database)
      expect(expected).toHaveLength(260)

      const first: Json = await queue()
      expect(first.status).toBe(200)
      expect(first.headers.get('cache-control')).toBe('no-store')
      expect(first.body).toMatchObject({ total: 260, urgent: 40 })
      expect(first.body.items).toHaveLength(100) // the default page
      expect(first.body.items[0]).toMatchObject({ state: 'reported', type: 'urgent' })
      expect(first.body.items[0].reporter).toEqual({ name: null, phone: null })

      for (const limit of [200, 37, 1]) {
        const { seen, pages, total } = await pageThrough(limit)
        expect(total).toBe(260)
        expect(new Set(seen).size).toBe(seen.length)
        expect(seen).toEqual(expected)
        expect(pages).toBe(Math.ceil(260 / limit))
      }
    })

    it('orders by the millisecond, then the code, so a page boundary inside a tie loses nothing', async () => {
      // Two incidents equal in rank and deadline, created within the same millisecond (microseconds differ):
      // the browser sees equal times, so the code decides — and so must the cursor.
      const [a, b] = await insertIncidents(ctx.database, [
        row(1, { description: 'tie a' }),
        row(3, { description: 'tie b' }),
      ])
      await ctx.database.rows(
        sql`UPDATE incident SET created_at = '2026-11-26T08:59:59.123900+08:00' WHERE id = ${a!.id}`,
      )
      await ctx.database.rows(
        sql`UPDATE incident SET created_at = '2026-11-26T08:59:59.123400+08:00' WHERE id = ${b!.id}`,
      )
      const expected = await expectedOrder(ctx.database)
      const at = expected.indexOf(a!.code)
      expect(expected[at + 1]).toBe(b!.code) // a's code is lower: first, although created later
      // A first page ending exactly on a, then the rest.
      const p1: Json = await queue(`limit=${at + 1}`)
      expect(p1.body.items.at(-1).code).toBe(a!.code)
      const p2: Json = await queue(`limit=200&cursor=${p1.body.nextCursor}`)
      expect(p2.body.items[0].code).toBe(b!.code)
      const { seen } = await pageThrough(50)
      expect(seen).toEqual(expected)
    })

    it('stays exact while incidents arrive and leave between pages', async () => {
      const before = await expectedOrder(ctx.database)
      const left: string[] = []
      const added: string[] = []
      const { seen } = await pageThrough(60, 'dispatcher', async (page) => {
        if (page !== 1) return
        // A new urgent one (sorts before the cursor: not on later pages), a new one without a deadline (sorts last:
        // on a later page), and one not yet seen leaves the queue.
        const made = await insertIncidents(ctx.database, [
          row(7, { track: 'urgent', dispatchBy: new Date(T0 - 60 * MIN), description: 'new urgent' }),
          row(9, { at: new Date(T0 + 999 * MIN), description: 'new last' }),
        ])
        added.push(...made.map((m) => m!.code))
        const gone = before[before.length - 5]!
        await ctx.database.rows(sql`UPDATE incident SET state = 'dispatched' WHERE code = ${gone}`)
        left.push(gone)
      })
      expect(new Set(seen).size).toBe(seen.length)
      // Everything that waited all along, once, in order; the late arrival at the end; the early one not repeated.
      expect(seen).toEqual([...before.filter((c) => !left.includes(c)), added[1]])
      const now = await expectedOrder(ctx.database)
      expect(now[0]).toBe(added[0])
      expect((await queue('limit=0')).body).toMatchObject({ items: [], nextCursor: null, total: now.length })
    })

    it('scopes rows and counts to the caller: an inspector sees their areas only', async () => {
      const hanxi = await expectedOrder(ctx.database, sql`i.grid_code LIKE '350303002%'`)
      expect(hanxi.length).toBeGreaterThan(100)
      const who: WhoLike = { role: 'inspector', username: 'inspector.hanxi', areas: ['350303002000'] }
      const { seen, total } = await pageThrough(45, who)
      expect(total).toBe(hanxi.length)
      expect(seen).toEqual(hanxi)
    })

    it('answers bad cursors and limits with RFC 9457 problems', async () => {
      for (const q of [
        'cursor=bogus',
        `cursor=${Buffer.from('["i",1]').toString('base64url')}`,
        'limit=201',
        'limit=-1',
        'limit=x',
        `cursor=${'a'.repeat(301)}`,
      ]) {
        const r = await queue(q)
        expect(r.status, q).toBe(400)
        expect(r.headers.get('content-type'), q).toContain('application/problem+json')
        expect(r.body, q).toMatchObject({
          status: 400,
          code: 'validation_failed',
          type: expect.stringContaining('validation_failed'),
        })
      }
      expect((await api.call('GET', '/api/dispatch/queue', undefined, {}, 'handler')).status).toBe(200)
    })
  },
  seedFixture,
)
