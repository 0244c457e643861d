import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import type { AnalyticsFilter } from '@hanjiang/shared/analytics/index'
import { aggregate, rebuildRollup, type GroupBy } from '../src/db/repositories/analytics.ts'
import type { RowScope } from '../src/db/repositories/incident-scope.ts'
import type { Database } from '../src/db/types.ts'
import { seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, incidentApi, roadCollapse, type Json } from './incidents-helpers.ts'

/**
 * The analytics rollup (migration 0026) against the incident table: after service writes, bulk SQL inserts, random
 * updates and deletes, (1) the trigger-kept table equals a rebuild, and (2) for random filters, scopes and groupings
 * the rollup's answers equal a brute-force count over the incident rows done here in JavaScript.
 */

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CHANNELS = ['hotline_12345', 'patrol', 'public_web', 'open311']
const TYPES = ['complaint', 'report', 'help', 'consultation']
const STATES = ['reported', 'dispatched', 'resolved', 'closed', 'returned']
const TRACKS = ['normal', 'simple', 'urgent']
const SATISFACTION = [null, 'satisfied', 'basically_satisfied', 'not_satisfied']

async function snapshot(database: Database): Promise<string[]> {
  const rows = await database.rows<Json>(sql`SELECT * FROM incident_rollup`)
  return rows.map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : String(v)]))).sort()
}

describeEachEngine(
  'analytics rollup',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    let grids: { grid: string; community: string; street: string }[] = []
    let units: { code: string; parent: string | null }[] = []
    let classes: string[] = []

    it('is kept exact by service writes, bulk inserts, updates and deletes', async () => {
      const db = ctx.database
      // Service writes: intake, register, dispatch (the transition service and its timers).
      const a = (await api.create(complaint())).body.code
      const u = (await api.create(roadCollapse())).body.code
      await api.step(u, 'register')
      await api.step(u, 'dispatch', { unitCode: 'transport' })
      expect(a).toBeTruthy()
      expect(await snapshot(db)).toHaveLength(2)

      grids = (await db.rows<Json>(sql`SELECT g.code AS grid, c.code AS community, c.parent_code AS street
        FROM region g JOIN region c ON c.code = g.parent_code AND c.valid_to IS NULL WHERE g.level = 'grid' AND g.valid_to IS NULL`))
      units = await db.rows<Json>(sql`SELECT code, parent_code AS parent FROM unit ORDER BY code`)
      classes = (await db.rows<Json>(sql`SELECT code FROM taxonomy_class WHERE level = 'fine' ORDER BY code LIMIT 12`)).map((r) => r.code)
      expect(grids.length).toBeGreaterThan(3)

      const r = prng(20261207)
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
      const base = Date.parse('2026-10-01T00:00:00+08:00')
      const rows = Array.from({ length: 240 }, (_, i) => {
        const g = r() < 0.1 ? null : pick(grids)
        const created = base + Math.floor(r() * 60 * 24) * 3_600_000 + Math.floor(r() * 3_600_000)
        const dispatched = r() < 0.7 ? created + Math.floor(r() * 48) * 3_600_000 : null
        const resolved = dispatched && r() < 0.7 ? dispatched + Math.floor(r() * 200) * 3_600_000 : null
        return {
          code: `T${i}`, channel: pick(CHANNELS), request_type: pick(TYPES), track: pick(TRACKS),
          fine_class: r() < 0.05 ? null : pick(classes), state: pick(STATES), unit_code: r() < 0.1 ? null : pick(units).code,
          grid: g?.grid ?? null, community: g?.community ?? null, street: g ? g.street : r() < 0.5 ? null : pick(grids).street,
          created_at: new Date(created).toISOString(),
          dispatched_at: dispatched ? new Date(dispatched).toISOString() : null,
          resolved_at: resolved ? new Date(resolved).toISOString() : null,
          overdue_at: r() < 0.25 ? new Date(created + 86_400_000).toISOString() : null,
          rework_count: r() < 0.15 ? 1 : 0, satisfaction: pick(SATISFACTION),
        }
      })
      await db.rows(sql`INSERT INTO incident (code, tracking_code, channel, request_type, track, fine_class, description, state,
          unit_code, grid_code, community_code, street_code, created_at, dispatched_at, resolved_at, overdue_at, rework_count, satisfaction)
        SELECT x.code, 'trk-' || x.code, x.channel, x.request_type, x.track, x.fine_class, 'bulk', x.state, x.unit_code, x.grid, x.community,
          x.street, x.created_at, x.dispatched_at, x.resolved_at, x.overdue_at, x.rework_count, x.satisfaction
        FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(code text, channel text, request_type text, track text,
          fine_class text, state text, unit_code text, grid text, community text, street text, created_at timestamptz,
          dispatched_at timestamptz, resolved_at timestamptz, overdue_at timestamptz, rework_count int, satisfaction text)`)
      // Random updates of every kind of key and measure, one statement each, then a few deletes.
      for (let k = 0; k < 12; k++) {
        const codes = rows.filter(() => r() < 0.2).map((x) => x.code)
        if (!codes.length) continue
        const set = [
          sql`state = ${pick(STATES)}`, sql`unit_code = ${pick(units).code}`, sql`overdue_at = CASE WHEN overdue_at IS NULL THEN now() END`,
          sql`fine_class = ${pick(classes)}`, sql`created_at = created_at + interval '1 day'`, sql`track = ${pick(TRACKS)}`,
          sql`satisfaction = ${pick(SATISFACTION)}`, sql`resolved_at = coalesce(dispatched_at, created_at) + interval '30 hours'`,
          sql`rework_count = rework_count + 1`, sql`grid_code = NULL, community_code = NULL`,
        ][k % 10]!
        await db.rows(sql`UPDATE incident SET ${set} WHERE code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`)
      }
      await db.rows(sql`DELETE FROM incident WHERE code IN ('T1', 'T2', 'T3')`)

      const kept = await snapshot(db)
      expect(await rebuildRollup(db)).toBe(kept.length)
      expect(await snapshot(db)).toEqual(kept)
      // Nothing with a zero count is left behind.
      const [zero] = await db.rows<Json>(sql`SELECT count(*)::int AS n FROM incident_rollup WHERE n <= 0`)
      expect(zero.n).toBe(0)
    })

    it('answers random filters, scopes and groupings exactly as a brute-force count over the incidents', async () => {
      const db = ctx.database
      const all = await db.rows<Json>(sql`SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
        street_code, community_code, grid_code, fine_class, unit_code, channel, request_type, track, state,
        overdue_at IS NOT NULL AS overdue, rework_count, satisfaction, dispatched_at IS NOT NULL AND resolved_at IS NOT NULL AS handled
        FROM incident`)
      const r = prng(7)
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
      const days = [...new Set(all.map((x) => x.day as string))].sort()
      const monday = (d: string) => {
        const t = new Date(`${d}T00:00:00Z`)
        t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7))
        return t.toISOString().slice(0, 10)
      }
      let nonEmpty = 0
      for (let trial = 0; trial < 100; trial++) {
        const [d1, d2] = [pick(days), pick(days)].sort() as [string, string]
        const f: AnalyticsFilter = { fromDay: d1, toDay: d2 }
        if (r() < 0.4) f.classCode = pick(classes).slice(0, pick([2, 4, 6]))
        if (r() < 0.3) f.unitCode = pick(units).code
        if (r() < 0.3) f.streetCode = pick(grids).street
        if (r() < 0.15) f.gridCode = pick(grids).grid
        if (r() < 0.3) f.channels = [pick(CHANNELS), pick(CHANNELS)]
        if (r() < 0.2) f.requestTypes = [pick(TYPES)]
        if (r() < 0.3) f.states = [pick(STATES), pick(STATES)]
        if (r() < 0.3) f.overdue = r() < 0.5
        if (r() < 0.3) f.urgent = r() < 0.5
        const scopeKind = pick(['all', 'unit', 'area'])
        const scope: RowScope = scopeKind === 'all' ? null
          : scopeKind === 'unit' ? { unitCodes: [pick(units).code], areaPrefixes: [] }
          : { unitCodes: [], areaPrefixes: [pick(grids).community.slice(0, 9)] }
        const by = pick<GroupBy>(['none', 'street', 'community', 'grid', 'unit', 'fineClass', 'channel', 'state', 'day', 'week'])

        const inScope = (x: Json) => {
          if (!scope) return true
          const units = new Set(scope.unitCodes.flatMap((u) => [u, ...unitsList.filter((v) => v.parent === u).map((v) => v.code)]))
          const place = x.grid_code ?? x.community_code ?? x.street_code
          return (x.unit_code != null && units.has(x.unit_code)) || scope.areaPrefixes.some((p) => place != null && place.startsWith(p))
        }
        const unitsList = units
        const match = (x: Json) => x.day >= f.fromDay && x.day <= f.toDay && inScope(x)
          && (!f.classCode || (x.fine_class ?? '').startsWith(f.classCode)) && (!f.unitCode || x.unit_code === f.unitCode)
          && (!f.streetCode || x.street_code === f.streetCode) && (!f.gridCode || x.grid_code === f.gridCode)
          && (!f.channels || f.channels.includes(x.channel)) && (!f.requestTypes || f.requestTypes.includes(x.request_type))
          && (!f.states || f.states.includes(x.state)) && (f.overdue === undefined || x.overdue === f.overdue)
          && (f.urgent === undefined || (x.track === 'urgent') === f.urgent)
        const keyOf = (x: Json): string | null => ({
          none: '', street: x.street_code, community: x.community_code, grid: x.grid_code, unit: x.unit_code, fineClass: x.fine_class,
          channel: x.channel, requestType: x.request_type, state: x.state, day: x.day, week: monday(x.day),
        } as Record<GroupBy, string | null>)[by]
        const expected = new Map<string | null, Json>()
        for (const x of all.filter(match)) {
          const k = keyOf(x)
          const m = expected.get(k) ?? { count: 0, overdue: 0, urgent: 0, closed: 0, handled: 0, rework: 0, satisfied: 0, basicallySatisfied: 0, notSatisfied: 0 }
          m.count++
          if (x.overdue) m.overdue++
          if (x.track === 'urgent') m.urgent++
          if (x.state === 'closed') m.closed++
          if (x.handled) m.handled++
          if (x.rework_count > 0) m.rework++
          if (x.satisfaction === 'satisfied') m.satisfied++
          if (x.satisfaction === 'basically_satisfied') m.basicallySatisfied++
          if (x.satisfaction === 'not_satisfied') m.notSatisfied++
          expected.set(k, m)
        }
        const got = await aggregate(db, f, scope, by, 'rollup')
        const raw = await aggregate(db, f, scope, by, 'raw')
        const context = JSON.stringify({ trial, f, scope, by })
        const gotMap = new Map(got.map(({ key, handlingMinutes, ...m }) => [key, m]))
        // An empty selection is no groups (never a group with a zero count).
        expect(Object.fromEntries(gotMap), context).toEqual(Object.fromEntries(expected))
        // Working minutes need the calendar: the rollup's sums equal the same sums over the incident table.
        expect(got, context).toEqual(raw)
        if (expected.size) nonEmpty++
      }
      // The trials are not vacuous.
      expect(nonEmpty).toBeGreaterThan(35)
    })
  },
  seedFixture,
)
