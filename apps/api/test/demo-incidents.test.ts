import { sql } from 'drizzle-orm'
import { computeDeadlines } from '@hanjiang/shared'
import { expect, it } from 'vitest'
import { buildDemoIncidents } from '../src/seed/demo-incidents/index.ts'
import { seedDatabase } from '../src/seed/index.ts'
import { loadWorkingCalendar } from '../src/services/calendar/working-calendar.ts'
import { incidentTypeOf } from '../src/services/incidents/vocabulary.ts'
import { createTimerWorker } from '../src/worker/timer-worker.ts'
import { describeEachEngine } from './engines.ts'

// 15:10 in Shanghai on a Thursday: seats at work, recent reports in every state.
const SEED_AT = new Date('2026-11-26T07:10:00Z')
const HOUR = 3_600_000

describeEachEngine(
  'demo incidents (issue 4 item 10)',
  (ctx) => {
    const rows = <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => ctx.database.rows<T>(q)

    it('adds about a year of incidents up to the seed time: several thousand, every channel, hotline the most', async () => {
      const [r] = await rows<{ n: number; first: string; last: string }>(
        sql`SELECT count(*)::int AS n, min(created_at)::text AS first, max(created_at)::text AS last FROM incident`,
      )
      expect(Number(r!.n)).toBeGreaterThan(5000)
      expect(Number(r!.n)).toBeLessThan(7500)
      expect(new Date(r!.last).getTime()).toBeLessThanOrEqual(SEED_AT.getTime())
      expect(SEED_AT.getTime() - new Date(r!.first).getTime()).toBeGreaterThan(360 * 24 * HOUR)
      const channels = Object.fromEntries(
        (await rows<{ channel: string; n: number }>(sql`SELECT channel, count(*)::int AS n FROM incident GROUP BY channel`)).map((c) => [c.channel, Number(c.n)]),
      )
      expect(Object.keys(channels).sort()).toEqual(['hotline_12315', 'hotline_12345', 'hotline_12369', 'open311', 'other_system', 'patrol', 'public_web'])
      expect(channels.hotline_12345).toBeGreaterThan(channels.patrol!)
      expect(channels.patrol).toBeGreaterThan(channels.public_web!)
      for (const few of ['hotline_12315', 'hotline_12369', 'open311', 'other_system']) expect(channels[few]).toBeLessThan(channels.public_web!)
      const tracks = await rows<{ track: string }>(sql`SELECT DISTINCT track FROM incident ORDER BY track`)
      expect(tracks.map((t) => t.track)).toEqual(['normal', 'simple', 'urgent'])
    })

    it('is denser in the urban streets (涵东, 涵西, 三江口, 白塘) and every located incident is inside a demo grid', async () => {
      const [r] = await rows<{ urban: number; towns: number; located: number; ingrid: number }>(sql`
        SELECT count(*) FILTER (WHERE street_code IN ('350303001000','350303002000','350303100000','350303101000'))::int AS urban,
               count(*) FILTER (WHERE street_code NOT IN ('350303001000','350303002000','350303100000','350303101000'))::int AS towns,
               count(*) FILTER (WHERE location IS NOT NULL)::int AS located,
               count(*) FILTER (WHERE grid_code IS NOT NULL)::int AS ingrid
        FROM incident`)
      // 4 urban streets vs 9 towns: over half of the reports.
      expect(Number(r!.urban)).toBeGreaterThan(Number(r!.towns))
      expect(Number(r!.ingrid)).toBe(Number(r!.located))
    })

    it('old incidents are done; recent ones are open in every state; some are overdue now', async () => {
      const open = await rows<{ state: string; n: number }>(sql`
        SELECT state, count(*)::int AS n FROM incident
        WHERE state NOT IN ('closed', 'rejected', 'merged') GROUP BY state`)
      expect(open.map((o) => o.state).sort()).toEqual(['accepted', 'dispatched', 'on_site', 'registered', 'reported', 'resolved', 'returned'])
      const [old] = await rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM incident
        WHERE created_at < ${SEED_AT.toISOString()}::timestamptz - interval '60 days' AND state NOT IN ('closed', 'rejected', 'merged')`)
      expect(Number(old!.n)).toBe(0)
      const [od] = await rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM incident WHERE overdue_at IS NOT NULL AND state NOT IN ('closed', 'rejected', 'merged')`)
      expect(Number(od!.n)).toBeGreaterThan(0)
    })

    it('histories follow the state machine: create first, each transition from the previous state, last state = current', async () => {
      const bad = await rows<{ code: string }>(sql`
        WITH e AS (
          SELECT i.code, i.state, i.version, ev.action, ev.from_state, ev.to_state, (ev.data ->> 'version')::int AS v,
                 lag(ev.to_state) OVER (PARTITION BY ev.incident_id ORDER BY ev.id) AS prev,
                 row_number() OVER (PARTITION BY ev.incident_id ORDER BY ev.id) AS n,
                 row_number() OVER (PARTITION BY ev.incident_id ORDER BY ev.id DESC) AS back,
                 max((ev.data ->> 'version')::int) OVER (PARTITION BY ev.incident_id) AS maxv,
                 lag(ev.at) OVER (PARTITION BY ev.incident_id ORDER BY ev.id) AS prev_at, ev.at
          FROM incident i JOIN incident_event ev ON ev.incident_id = i.id
        )
        SELECT DISTINCT code FROM e
        WHERE (n = 1 AND (action <> 'create' OR to_state <> 'reported'))
           OR (n > 1 AND from_state IS DISTINCT FROM prev)
           OR (back = 1 AND to_state <> state)
           OR (back = 1 AND coalesce(maxv, 1) <> version)
           OR (prev_at IS NOT NULL AND at < prev_at)
        LIMIT 5`)
      expect(bad).toEqual([])
    })

    it('has the rich parts: returns and re-dispatch, extensions, rework, callbacks, reopen, urges and all supervision levels, clusters', async () => {
      const actions = Object.fromEntries(
        (await rows<{ action: string; n: number }>(sql`SELECT action, count(*)::int AS n FROM incident_event GROUP BY action`)).map((a) => [a.action, Number(a.n)]),
      )
      for (const a of ['returnToCenter', 'redispatch', 'requestExtension', 'decideExtension', 'verifyFail', 'callback', 'reopen', 'urge', 'supervise', 'alert', 'overdue', 'merge', 'reject', 'selfResolve', 'answerAndClose']) {
        expect(actions[a], a).toBeGreaterThan(0)
      }
      const levels = await rows<{ l: number }>(sql`SELECT DISTINCT escalation_level AS l FROM incident ORDER BY 1`)
      expect(levels.map((l) => Number(l.l))).toEqual([0, 1, 2, 3].filter((l) => levels.some((x) => Number(x.l) === l)))
      expect(levels.some((l) => Number(l.l) === 3)).toBe(true)
      const [c] = await rows<{ merged: number; linked: number; big: number }>(sql`
        SELECT count(*) FILTER (WHERE state = 'merged')::int AS merged, count(*) FILTER (WHERE primary_id IS NOT NULL)::int AS linked,
               (SELECT count(*) FROM (SELECT primary_id FROM incident WHERE primary_id IS NOT NULL GROUP BY primary_id HAVING count(*) >= 4) x)::int AS big
        FROM incident`)
      expect(Number(c!.merged)).toBeGreaterThan(0)
      expect(Number(c!.linked)).toBe(Number(c!.merged))
      expect(Number(c!.big)).toBeGreaterThan(0)
      const [s] = await rows<{ n: number; bad: number }>(sql`
        SELECT count(*)::int AS n, count(*) FILTER (WHERE satisfaction NOT IN ('satisfied', 'basically_satisfied', 'not_satisfied'))::int AS bad
        FROM incident WHERE satisfaction IS NOT NULL`)
      expect(Number(s!.n)).toBeGreaterThan(1000)
      expect(Number(s!.bad)).toBe(0)
    })

    it('deadlines come from the shared rules: resolve-by of an unextended incident is computed from its registration', async () => {
      const calendar = await ctx.database.db.transaction((tx) => loadWorkingCalendar(ctx.database, tx))
      const sample = await rows<{ requestType: string; track: string; registeredAt: string; resolveBy: string | null; dispatchBy: string | null; createdAt: string }>(sql`
        SELECT request_type AS "requestType", track, to_json(registered_at) #>> '{}' AS "registeredAt",
               to_json(resolve_by) #>> '{}' AS "resolveBy", to_json(dispatch_by) #>> '{}' AS "dispatchBy", to_json(created_at) #>> '{}' AS "createdAt"
        FROM incident i
        WHERE registered_at IS NOT NULL AND reopen_count = 0
          AND NOT EXISTS (SELECT 1 FROM incident_event e WHERE e.incident_id = i.id AND e.action = 'decideExtension')
        ORDER BY id LIMIT 400`)
      expect(sample.length).toBe(400)
      for (const r of sample) {
        const type = incidentTypeOf(r.requestType, r.track)
        const expected = computeDeadlines({ type, start: type === 'urgent' ? r.createdAt : r.registeredAt, calendar })
        const want = (k: string) => expected.find((d) => d.kind === k)?.dueAt.getTime() ?? null
        expect(r.resolveBy ? new Date(r.resolveBy).getTime() : null).toBe(want('resolveBy'))
        expect(r.dispatchBy ? new Date(r.dispatchBy).getTime() : null).toBe(want('dispatchBy'))
      }
    })

    it('timers are consistent: nothing pending is due at the seed time, so the first tick fires nothing; later ones fire cleanly', async () => {
      const [due] = await rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM timer WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= ${SEED_AT.toISOString()}::timestamptz`)
      expect(Number(due!.n)).toBe(0)
      const [closedPending] = await rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM timer t JOIN incident i ON i.id = t.incident_id
        WHERE t.fired_at IS NULL AND t.cancelled_at IS NULL AND i.state IN ('closed', 'rejected', 'merged')`)
      expect(Number(closedPending!.n)).toBe(0)
      const config = { escalationIntervalMs: HOUR, timerBatchSize: 64, logLevel: 'silent' as const }
      const first = await createTimerWorker({ database: ctx.database, config, now: () => new Date(SEED_AT.getTime() + 60_000) }).tick()
      expect(first.claimed).toBe(0)
      const later = createTimerWorker({ database: ctx.database, config, now: () => new Date(SEED_AT.getTime() + 10 * 24 * HOUR) })
      let fired = 0
      for (let i = 0; i < 20; i++) {
        const r = await later.tick()
        expect(r.failed).toBe(0)
        fired += r.fired
        if (r.claimed === 0) break
      }
      expect(fired).toBeGreaterThan(0)
    })

    it('is deterministic for a given seed date: the same reports, states and histories', async () => {
      const { buildDemoRegions } = await import('../src/seed/regions/index.ts')
      const regions = buildDemoRegions()
      const digest = async (now: Date) =>
        ctx.database.db.transaction(async (tx) => {
          const { rows: built, report } = await buildDemoIncidents(ctx.database, tx, regions, { now, total: 500 })
          expect(report.refused).toBe(0)
          // What had happened by 10:00 that day (Shanghai).
          const cut = Date.parse('2026-08-03T02:00:00Z')
          return built
            .filter((r) => r.rec.createdAt.getTime() < cut)
            .map((r) => [r.rec.code, r.rec.trackingCode, r.rec.description, r.events.filter((e) => e.at.getTime() <= cut).map((e) => `${e.action}@${e.at.toISOString()}`).join(',')].join('|'))
        })
      const a = await digest(new Date('2026-08-03T02:00:00Z'))
      expect(a.length).toBeGreaterThan(400)
      expect(await digest(new Date('2026-08-03T02:00:00Z'))).toEqual(a)
      // The same date later in the day: the same reports and the same history up to the earlier hour.
      expect(await digest(new Date('2026-08-03T08:30:00Z'))).toEqual(a)
    })
  },
  async (database) => {
    const r = await seedDatabase(database, { demo: true, now: SEED_AT })
    expect(r.incidents?.refused).toBe(0)
  },
)
