import { Hono } from 'hono'
import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { distanceM, fromWgs84 } from '@hanjiang/shared'
import { loadConfig } from '../src/config.ts'
import type { Database } from '../src/db/types.ts'
import { clusterRoutes } from '../src/routes/clusters.ts'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

// Intake point P in 涵东街道 (fixture). Offsets: 0.001° of latitude ≈ 110.8 m; of longitude at 25.46° N ≈ 100.5 m.
const P = { lng: 119.05, lat: 25.46 }
const east = (m: number) => ({ lng: P.lng + m / 100_540, lat: P.lat })
const north = (m: number) => ({ lng: P.lng, lat: P.lat + m / 110_790 })

interface Row {
  code: string
  fineClass: string | null
  at?: { lng: number; lat: number } | null
  state?: string
  daysAgo?: number
  description?: string
  primary?: string
  channel?: string
}

let seq = 0
async function insertIncident(database: Database, r: Row): Promise<number> {
  seq++
  const loc = r.at === null ? sql`NULL` : sql`ST_SetSRID(ST_MakePoint(${(r.at ?? P).lng}::float8, ${(r.at ?? P).lat}::float8), 4326)`
  const [row] = await database.rows<{ id: number }>(sql`
    INSERT INTO incident (code, tracking_code, channel, request_type, fine_class, location, description, state, created_at, primary_id)
    VALUES (${r.code}, ${`T${seq}-${r.code}`}, ${r.channel ?? 'hotline_12345'}, 'complaint', ${r.fineClass}, ${loc},
      ${r.description ?? `${r.code} 路面有坑`}, ${r.state ?? 'registered'},
      now() - make_interval(days => ${r.daysAgo ?? 1}::int),
      ${r.primary ? sql`(SELECT id FROM incident WHERE code = ${r.primary})` : sql`NULL`})
    RETURNING id`)
  return Number(row!.id)
}

async function insertEvent(database: Database, code: string, e: { action: string; toState?: string; photos?: unknown; at?: string }) {
  await database.rows(sql`
    INSERT INTO incident_event (incident_id, actor, actor_role, action, to_state, photos, at)
    VALUES ((SELECT id FROM incident WHERE code = ${code}), 'seat-1', 'dispatcher', ${e.action}, ${e.toState ?? null},
      ${e.photos === undefined ? null : JSON.stringify(e.photos)}::jsonb, ${e.at ?? new Date().toISOString()}::timestamptz)`)
}

const LONG = '涵江大道与沿海大通道交叉口往东约五十米处机动车道出现大面积坑洼，最深处约十五厘米，夜间无照明，已有两辆电动车在此摔倒，请尽快派人修复并设置警示标志，以免再次发生事故。附近商户反映已持续一周。'

async function setup(database: Database) {
  await seedFixture(database)
  // Candidates for a road-damage report (subclass 0105) at P.
  await insertIncident(database, { code: 'A-100E', fineClass: '010501', at: east(100), daysAgo: 2, description: LONG })
  await insertIncident(database, { code: 'I-150N', fineClass: '010503', at: north(150), state: 'resolved', daysAgo: 5 })
  await insertIncident(database, { code: 'B-200N', fineClass: '010502', at: north(200), state: 'dispatched', daysAgo: 10 })
  // Outside the radius, the period, the subclass or the open states; or without a location.
  await insertIncident(database, { code: 'C-300E', fineClass: '010501', at: east(300) })
  await insertIncident(database, { code: 'D-OLD', fineClass: '010501', at: east(50), daysAgo: 40 })
  await insertIncident(database, { code: 'E-CLOSED', fineClass: '010501', at: east(30), state: 'closed' })
  await insertIncident(database, { code: 'F-REJECTED', fineClass: '010501', at: east(30), state: 'rejected' })
  await insertIncident(database, { code: 'H-OTHER', fineClass: '020601', at: east(10) })
  await insertIncident(database, { code: 'N-NOLOC', fineClass: '010501', at: null })
  // A's cluster: four reports merged into it → five reports, flagged at the default threshold.
  for (let i = 1; i <= 4; i++) {
    await insertIncident(database, { code: `A-M${i}`, fineClass: '010501', at: east(100 + i * 5), state: 'merged', primary: 'A-100E', daysAgo: 1, channel: i % 2 ? 'patrol' : 'public_web' })
    await insertEvent(database, `A-M${i}`, { action: 'merge', toState: 'merged', at: `2026-03-0${i}T02:00:00Z` })
  }
  // Photos: A's first event has none; its second has two ids — the first is A's photo. B's are objects.
  await insertEvent(database, 'A-100E', { action: 'register', toState: 'registered' })
  await insertEvent(database, 'A-100E', { action: 'note', photos: ['ph-a1', 'ph-a2'] })
  await insertEvent(database, 'A-100E', { action: 'note', photos: ['ph-a3'] })
  await insertEvent(database, 'B-200N', { action: 'register', photos: [{ id: 'ph-b1', kind: 'before' }] })
  await insertEvent(database, 'I-150N', { action: 'note', photos: 'not-an-array' })
  // A chain: Z was merged into Y, and Y (a primary then) into X.
  await insertIncident(database, { code: 'X', fineClass: '020601', at: { lng: 119.12, lat: 25.48 } })
  await insertIncident(database, { code: 'Y', fineClass: '020601', at: { lng: 119.1201, lat: 25.48 }, state: 'merged', primary: 'X' })
  await insertIncident(database, { code: 'Z', fineClass: '020601', at: { lng: 119.1202, lat: 25.48 }, state: 'merged', primary: 'Y' })
}

describeEachEngine(
  'clusters: similar incidents and cluster view (R9)',
  (ctx) => {
    const app = () => testApp(ctx.database, {}, 'dispatcher')
    const get = async (path: string) => {
      const res = await app().request(path)
      return { status: res.status, body: (await res.json()) as any }
    }
    const similar = (q: string) => get(`/api/incidents/similar?${q}`)
    const codes = (body: any) => body.incidents.map((i: { code: string }) => i.code)

    it('suggests open incidents of the same subclass within 250 m and 30 days, nearest first', async () => {
      const { status, body } = await similar(`lng=${P.lng}&lat=${P.lat}&fineClass=010501`)
      expect(status).toBe(200)
      expect(body).toMatchObject({ subclass: '0105', fineClass: '010501', radiusM: 250, days: 30, crs: 'wgs84', point: P })
      expect(codes(body)).toEqual(['A-100E', 'I-150N', 'B-200N'])
      const [a, i, b] = body.incidents
      expect(a).toMatchObject({ fineClass: '010501', state: 'registered', photo: 'ph-a1', memberCount: 4, flagged: true })
      expect(i).toMatchObject({ state: 'resolved', photo: null, memberCount: 0, flagged: false })
      expect(b).toMatchObject({ fineClass: '010502', state: 'dispatched', photo: 'ph-b1' })
      // Geography distances agree with the haversine to well under 1 %.
      for (const [row, at] of [[a, east(100)], [i, north(150)], [b, north(200)]] as const) {
        expect(Math.abs(row.distanceM - distanceM(P, at)) / distanceM(P, at)).toBeLessThan(0.01)
      }
      expect([...a.description]).toHaveLength(80)
      expect(LONG.startsWith(a.description)).toBe(true)
      expect(new Date(b.createdAt).getTime()).toBeLessThan(new Date(a.createdAt).getTime())
      expect(b.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    })

    it('widens with radiusM and days, narrows with exclude and limit', async () => {
      expect(codes((await similar(`lng=${P.lng}&lat=${P.lat}&fineClass=010501&radiusM=400`)).body)).toContain('C-300E')
      expect(codes((await similar(`lng=${P.lng}&lat=${P.lat}&fineClass=010501&days=60`)).body)[0]).toBe('D-OLD')
      expect(codes((await similar(`lng=${P.lng}&lat=${P.lat}&fineClass=010501&exclude=A-100E`)).body)).toEqual(['I-150N', 'B-200N'])
      expect(codes((await similar(`lng=${P.lng}&lat=${P.lat}&fineClass=010501&limit=1`)).body)).toEqual(['A-100E'])
      expect(codes((await similar(`lng=${P.lng}&lat=${P.lat}&fineClass=010501&radiusM=120`)).body)).toEqual(['A-100E'])
      // Other subclass: only its own incidents.
      expect(codes((await similar(`lng=${P.lng}&lat=${P.lat}&fineClass=020602`)).body)).toEqual(['H-OTHER'])
    })

    it('takes GCJ-02 and BD-09 points from phone maps', async () => {
      for (const crs of ['gcj02', 'bd09'] as const) {
        const p = fromWgs84(P, crs)
        const { body } = await similar(`lng=${p.lng}&lat=${p.lat}&crs=${crs}&fineClass=010501`)
        expect(body.crs).toBe(crs)
        expect(distanceM(body.point, P)).toBeLessThan(2)
        expect(codes(body)).toEqual(['A-100E', 'I-150N', 'B-200N'])
      }
    })

    it('refuses bad input with specific problems', async () => {
      const bad = async (q: string, status: number, code: string, text?: string) => {
        const { status: s, body } = await similar(q)
        expect(s, q).toBe(status)
        expect(body.code, q).toBe(code)
        if (text) expect(body.detail, q).toContain(text)
        return body
      }
      await bad(`lng=${P.lng}&lat=${P.lat}`, 400, 'validation_failed', 'fineClass')
      await bad(`lng=${P.lng}&lat=${P.lat}&fineClass=0105`, 400, 'validation_failed', '6-digit')
      const unknown = await bad(`lng=${P.lng}&lat=${P.lat}&fineClass=999999`, 422, 'unknown_fine_class', '999999')
      expect(unknown.errors[0].path).toBe('fineClass')
      await bad(`lng=119&lat=95&fineClass=010501`, 422, 'invalid_coordinate', 'lat')
      await bad(`lng=abc&lat=25&fineClass=010501`, 400, 'validation_failed', 'lng')
      await bad(`lng=119&lat=25&fineClass=010501&radiusM=0`, 400, 'validation_failed', 'radiusM')
      await bad(`lng=119&lat=25&fineClass=010501&radiusM=100000`, 400, 'validation_failed', 'radiusM')
      await bad(`lng=119&lat=25&fineClass=010501&days=1.5`, 400, 'validation_failed', 'days')
      await bad(`lng=119&lat=25&fineClass=010501&crs=epsg3857`, 400, 'validation_failed', 'wgs84, gcj02, bd09')
      await bad(`lng=119&lat=25&fineClass=010501&exclude=${encodeURIComponent('a b')}`, 400, 'validation_failed')
    })

    it('shows a cluster: the primary, its members in merge order, and the flag', async () => {
      const { status, body } = await get('/api/clusters/A-100E')
      expect(status).toBe(200)
      expect(body).toMatchObject({ requestedCode: 'A-100E', memberCount: 4, reportCount: 5, flagged: true, flagMinReports: 5 })
      expect(body.primary).toMatchObject({ code: 'A-100E', state: 'registered', photo: 'ph-a1', description: LONG })
      expect(body.primary.location.lng).toBeCloseTo(east(100).lng, 9)
      expect(body.members.map((m: { code: string }) => m.code)).toEqual(['A-M1', 'A-M2', 'A-M3', 'A-M4'])
      expect(body.members[0]).toMatchObject({ state: 'merged', primaryCode: 'A-100E', mergedAt: '2026-03-01T02:00:00.000Z', channel: 'patrol' })
      expect(body.members[3].distanceM).toBeGreaterThan(19)
      expect(body.members[3].distanceM).toBeLessThan(21)
    })

    it("leads from a member's code to its cluster, and follows merged primaries", async () => {
      const member = (await get('/api/clusters/A-M2')).body
      expect(member.requestedCode).toBe('A-M2')
      expect(member.primary.code).toBe('A-100E')
      expect(member.memberCount).toBe(4)
      const chain = (await get('/api/clusters/Z')).body
      expect(chain.primary.code).toBe('X')
      expect(chain.members.map((m: { code: string; primaryCode: string }) => [m.code, m.primaryCode])).toEqual([
        ['Y', 'X'],
        ['Z', 'Y'],
      ])
      expect(chain).toMatchObject({ memberCount: 2, reportCount: 3, flagged: false })
      // X counts both in the suggestions too.
      const near = (await similar('lng=119.12&lat=25.48&fineClass=020601')).body
      expect(near.incidents.find((i: { code: string }) => i.code === 'X').memberCount).toBe(2)
    })

    it('shows a lone incident as a cluster of one; 404 and 400 otherwise', async () => {
      expect((await get('/api/clusters/B-200N')).body).toMatchObject({ memberCount: 0, reportCount: 1, flagged: false, members: [] })
      const missing = await get('/api/clusters/HJ-NOPE')
      expect(missing.status).toBe(404)
      expect(missing.body.code).toBe('incident_not_found')
      const bad = await get(`/api/clusters/${encodeURIComponent('a b')}`)
      expect(bad.status).toBe(400)
    })

    it('flags at a configured threshold', async () => {
      const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' })
      const strict = new Hono()
        .use('*', async (c, next) => {
          c.set('actor', { id: 'seat', role: 'dispatcher', roles: ['dispatcher'] }) // what the auth middleware sets
          await next()
        })
        .route('/api', clusterRoutes({ database: ctx.database, config }, { flagMinReports: 3 }))
      const x = (await (await strict.request('/api/clusters/X')).json()) as any
      expect(x).toMatchObject({ reportCount: 3, flagged: true, flagMinReports: 3 })
      const b = (await (await strict.request('/api/clusters/B-200N')).json()) as any
      expect(b.flagged).toBe(false)
    })

    it('flags at the threshold set by CLUSTER_FLAG_MIN_REPORTS', async () => {
      const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', CLUSTER_FLAG_MIN_REPORTS: '3' })
      const routes = new Hono()
        .use('*', async (c, next) => {
          c.set('actor', { id: 'seat', role: 'dispatcher', roles: ['dispatcher'] }) // what the auth middleware sets
          await next()
        })
        .route('/api', clusterRoutes({ database: ctx.database, config }))
      const x = (await (await routes.request('/api/clusters/X')).json()) as any
      expect(x).toMatchObject({ reportCount: 3, flagged: true, flagMinReports: 3 })
      const similar = (await (await routes.request('/api/incidents/similar?lng=119.12&lat=25.48&fineClass=020601')).json()) as any
      expect(similar.incidents.find((i: { code: string }) => i.code === 'X').flagged).toBe(true)
    })

    it('lets the GiST index on location serve the && prefilter', async () => {
      const plan = await ctx.database.db.transaction(async (tx) => {
        await ctx.database.rows(sql`SET LOCAL enable_seqscan = off`, tx)
        return ctx.database.rows<Record<string, string>>(sql`
          EXPLAIN SELECT code FROM incident i
          WHERE i.location && ST_Expand(ST_SetSRID(ST_MakePoint(119.05, 25.46), 4326), 0.003, 0.003)
            AND ST_DWithin(i.location::geography, ST_SetSRID(ST_MakePoint(119.05, 25.46), 4326)::geography, 250)`, tx)
      })
      expect(plan.map((r) => Object.values(r)[0]).join('\n')).toContain('incident_location_gist')
    })
  },
  setup,
)
