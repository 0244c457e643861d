import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { computeDeadlines } from '@hanjiang/shared'
import { afterAll, expect, it } from 'vitest'
import { demoHistoryState } from '../src/db/repositories/demo-history.ts'
import { buildDemoIncidents } from '../src/seed/demo-incidents/index.ts'
import { seedDatabase } from '../src/seed/index.ts'
import { loadWorkingCalendar } from '../src/services/calendar/working-calendar.ts'
import { incidentTypeOf } from '../src/services/incidents/vocabulary.ts'
import { LocalFileStorage } from '../src/storage/index.ts'
import { createTimerWorker } from '../src/worker/timer-worker.ts'
import { testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

// 15:10 in Shanghai on a Thursday: seats at work, recent reports in every state.
const SEED_AT = new Date('2026-11-26T07:10:00Z')
const HOUR = 3_600_000
// The demo's photos go to a throw-away files folder (one per engine run).
const filesDirs: string[] = []
afterAll(() => {
  for (const d of filesDirs) fs.rmSync(d, { recursive: true, force: true })
})

describeEachEngine(
  'demo incidents',
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

    it('records the history as written (ready, with its size): a demo start has nothing left to write', async () => {
      const [r] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM incident`)
      const n = Number(r!.n)
      expect(await demoHistoryState(ctx.database)).toEqual({ state: 'ready', written: n, total: n })
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

    it('R9: members of a closed cluster were answered with their primary (primaryClosed); history rings no bells', async () => {
      const [r] = await rows<{ answered: number; closedClusters: number; missing: number; bells: number }>(sql`
        SELECT
          (SELECT count(DISTINCT incident_id)::int FROM incident_event WHERE action = 'primaryClosed') AS answered,
          (SELECT count(*)::int FROM incident m JOIN incident p ON p.id = m.primary_id WHERE m.state = 'merged' AND p.state = 'closed') AS "closedClusters",
          (SELECT count(*)::int FROM incident m JOIN incident p ON p.id = m.primary_id
            WHERE m.state = 'merged' AND p.state = 'closed'
              AND NOT EXISTS (SELECT 1 FROM incident_event e WHERE e.incident_id = m.id AND e.action = 'primaryClosed' AND e.data ->> 'primaryCode' = p.code)) AS missing,
          (SELECT count(*)::int FROM notification WHERE kind = 'closure') AS bells`)
      expect(Number(r!.closedClusters)).toBeGreaterThan(0)
      expect(Number(r!.missing)).toBe(0)
      expect(Number(r!.answered)).toBeGreaterThanOrEqual(Number(r!.closedClusters))
      expect(Number(r!.bells)).toBe(0)
    })

    it('photos: six drawn scenes stored through the photo storage; reports and resolutions of matching classes show them', async () => {
      const photos = await rows<{ id: string; mime: string; bytes: number; width: number; thumbKey: string; storageKey: string }>(sql`
        SELECT id::text, mime, bytes, width, thumb_key AS "thumbKey", storage_key AS "storageKey" FROM photo WHERE uploaded_by = 'demo' ORDER BY id`)
      expect(photos).toHaveLength(6)
      for (const p of photos) {
        expect(p).toMatchObject({ mime: 'image/jpeg', width: 640 })
        expect(Number(p.bytes)).toBeLessThan(40_000)
      }
      const kinds = Object.fromEntries(
        (await rows<{ action: string; kind: string; n: number }>(sql`
          SELECT e.action || ':' || (p.value ->> 'kind') AS kind, count(DISTINCT e.incident_id)::int AS n
          FROM incident_event e CROSS JOIN LATERAL jsonb_array_elements(e.photos) p(value)
          WHERE e.photos IS NOT NULL GROUP BY 1`)).map((k) => [k.kind, Number(k.n)]),
      )
      // Reporters' photos (as intake stores them), the units' after-photos, self-resolved before/after, answers of clusters.
      expect(kinds['create:attachment']).toBeGreaterThan(300)
      expect(kinds['resolve:after']).toBeGreaterThan(1000)
      expect(kinds['selfResolve:before']).toBeGreaterThan(50)
      expect(kinds['selfResolve:after']).toBe(kinds['selfResolve:before'])
      expect(kinds['primaryClosed:after']).toBeGreaterThan(0)
      // A share, not all: hotline calls come without photos; classes without a scene have none.
      const [share] = await rows<{ withPhotos: number; all: number; badRefs: number }>(sql`
        SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM incident_event e WHERE e.incident_id = i.id AND e.photos IS NOT NULL))::int AS "withPhotos",
               count(*)::int AS all,
               (SELECT count(*)::int FROM incident_event e CROSS JOIN LATERAL jsonb_array_elements(e.photos) p(value)
                 WHERE e.photos IS NOT NULL AND NOT EXISTS (SELECT 1 FROM photo ph WHERE ph.id::text = p.value ->> 'id')) AS "badRefs"
        FROM incident i`)
      expect(Number(share!.badRefs)).toBe(0)
      expect(Number(share!.withPhotos) / Number(share!.all)).toBeGreaterThan(0.2)
      expect(Number(share!.withPhotos) / Number(share!.all)).toBeLessThan(0.8)
      const [hotline] = await rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM incident_event e JOIN incident i ON i.id = e.incident_id
        WHERE e.action = 'create' AND e.photos IS NOT NULL AND i.channel LIKE 'hotline%'`)
      expect(Number(hotline!.n)).toBe(0)

      // Served like any upload: the original and the thumbnail from the files folder.
      const app = testApp(ctx.database, { filesDir: filesDirs.at(-1)! }, { role: 'dispatcher', username: 'seat-photos' })
      const one = photos[0]!
      const orig = await app.request(`/api/photos/${one.id}`)
      expect([orig.status, orig.headers.get('content-type')]).toEqual([200, 'image/jpeg'])
      expect((await orig.arrayBuffer()).byteLength).toBe(Number(one.bytes))
      const thumb = await app.request(`/api/photos/${one.id}/thumbnail`)
      expect([thumb.status, thumb.headers.get('content-type')]).toEqual([200, 'image/webp'])
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
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-demo-files-'))
    filesDirs.push(dir)
    const r = await seedDatabase(database, { demo: true, now: SEED_AT, storage: new LocalFileStorage(dir) })
    expect(r.incidents?.refused).toBe(0)
    // Seed time, for the record (the demo seed must stay quick: npm start waits for it).
    console.info(`[demo seed ${database.engine}] ${r.ms} ms`, JSON.stringify(r.incidents?.ms))
  },
)
