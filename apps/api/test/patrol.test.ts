import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { fromWgs84 } from '@hanjiang/shared'
import { seedPatrolRoutes, upsertPatrolRoute } from '../src/db/repositories/patrol.ts'
import { seedFixture, testApp } from './app.ts'
import type { WhoLike } from './auth.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, incidentApi, photo, type Res } from './incidents-helpers.ts'
import { uploadMinted } from './minted-photos.ts'

/** 涵西街道 涵西北社区 网格1 of the fixture: 119.10–119.15 E × 25.475–25.50 N. */
const GRID = '350303002001001'
const HANXI: WhoLike = { role: 'inspector', username: 'inspector.hanxi', areas: ['350303002000'] }
const HANDONG: WhoLike = { role: 'inspector', username: 'inspector.handong', areas: ['350303001000'] }
const DAY = '2026-11-20'
/** A night across which a chunk is recorded (days no other test uses). */
const NIGHT = '2026-11-24'
const MORNING = '2026-11-25'
/** The known route: 0.01° of longitude along 25.48 N (≈ 1,006 m). */
const ROUTE: GeoJSON.LineString = { type: 'LineString', coordinates: [[119.11, 25.48], [119.12, 25.48]] }

/** `n` fixes along a latitude from lng0 to lng1, one every 30 s from 09:00 Shanghai time of DAY. */
function walk(lat: number, lng0: number, lng1: number, n: number, startMin = 0) {
  return Array.from({ length: n }, (_, i) => ({
    lng: lng0 + ((lng1 - lng0) * i) / (n - 1),
    lat: lat + (i % 2 ? 0.00002 : 0), // ~2 m of GPS jitter: simplification removes it
    t: new Date(Date.parse(`${DAY}T09:00:00+08:00`) + (startMin * 60 + i * 30) * 1000).toISOString(),
    accuracy: 8,
  }))
}

describeEachEngine(
  'patrol tracks and coverage',
  (ctx) => {
    const call = async (who: WhoLike, method: string, path: string, body?: unknown): Promise<Res> => {
      await uploadMinted(ctx.database, who, body)
      const res = await testApp(ctx.database, {}, who).request(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
    }
    const upload = (chunkId: string, points: unknown[], crs = 'wgs84', who: WhoLike = HANXI) =>
      call(who, 'POST', '/api/patrol/tracks', { chunkId, crs, points })
    const grid = async (day = DAY, who: WhoLike = HANXI) => call(who, 'GET', `/api/patrol/grids/${GRID}?day=${day}`)

    it('a grid with a route and no track yet: 0 % covered', async () => {
      const r = await grid()
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ code: GRID, day: DAY, route: { geometry: { type: 'LineString' } }, tracks: { features: [] } })
      expect(r.body.coverage).toMatchObject({ coveredM: 0, ratio: 0, toleranceM: 30 })
      expect(r.body.coverage.routeM).toBeGreaterThan(1000)
      expect(r.body.coverage.routeM).toBeLessThan(1012)
    })

    it('a chunk 10 m beside the first half of the route: stored simplified, covers that half (+ the tolerance past its end)', async () => {
      const pts = walk(25.48009, 119.11, 119.115, 21)
      const r = await upload('c-1', pts)
      expect(r.status).toBe(201)
      expect(r.body).toMatchObject({ chunkId: 'c-1', created: true, patrolDay: DAY, receivedPoints: 21, keptPoints: 2 })
      expect(r.body.lengthM).toBeGreaterThan(500)
      const cov = (await grid()).body.coverage
      // 503 m beside the route + √(30² − 10²) ≈ 28 m of buffer beyond the last fix
      expect(cov.coveredM).toBeGreaterThanOrEqual(525)
      expect(cov.coveredM).toBeLessThanOrEqual(537)
      expect(cov.ratio).toBeCloseTo(cov.coveredM / cov.routeM, 2)
    })

    it('the same chunk again is stored once (200, replayed); the same id with other points is refused', async () => {
      const again = await upload('c-1', walk(25.48009, 119.11, 119.115, 21))
      expect(again.status).toBe(200)
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      expect(again.body).toMatchObject({ created: false, keptPoints: 2 })
      const reused = await upload('c-1', walk(25.48009, 119.11, 119.116, 21))
      expect(reused.status).toBe(422)
      expect(reused.body.code).toBe('chunk_id_reused')
      const [n] = await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM patrol_track`)
      expect(Number(n!.n)).toBe(1)
    })

    it('a track 50 m away does not count; a GCJ-02 track over the second half does (converted to WGS84)', async () => {
      expect((await upload('far', walk(25.48045, 119.115, 119.12, 11, 20))).status).toBe(201)
      const before = (await grid()).body.coverage
      expect(before.coveredM).toBeLessThanOrEqual(537)
      // The same ground in phone-map coordinates (GCJ-02 is ~500 m off here): without conversion it would miss.
      const gcj = walk(25.47995, 119.115, 119.12, 11, 40).map((p) => ({ ...p, ...fromWgs84(p, 'gcj02') }))
      expect((await upload('gcj', gcj, 'gcj02')).status).toBe(201)
      const after = (await grid()).body
      expect(after.coverage.coveredM).toBe(after.coverage.routeM)
      expect(after.coverage.ratio).toBe(1)
      expect(after.tracks.features).toHaveLength(3)
      expect(after.tracks.features[0].properties).toMatchObject({ own: true })
    })

    it('tracks count only on their own (Shanghai) day', async () => {
      const next = (await grid('2026-11-21')).body
      expect(next.coverage.coveredM).toBe(0)
      expect(next.tracks.features).toEqual([])
    })

    it('a chunk crossing midnight (23:55–00:05) counts toward each day for the part recorded on it', async () => {
      // 21 fixes 30 s apart walking east along the route, 10 m north of it: 23:55 at its west end, 00:05 at its east
      // end, so midnight is at its middle (119.115).
      const start = Date.parse(`${NIGHT}T23:55:00+08:00`)
      const pts = Array.from({ length: 21 }, (_, i) => ({
        lng: 119.11 + (0.01 * i) / 20,
        lat: 25.48009 + (i % 2 ? 0.00002 : 0),
        t: new Date(start + i * 30_000).toISOString(),
        accuracy: 8,
      }))
      const r = await upload('midnight', pts)
      expect(r.status).toBe(201)
      // filed under the first fix's day; the fixes either side of midnight are kept through simplification
      expect(r.body).toMatchObject({ patrolDay: NIGHT, receivedPoints: 21, keptPoints: 4 })
      const first = (await grid(NIGHT)).body
      const second = (await grid(MORNING)).body
      for (const day of [first, second]) {
        // half the route (503 m) + √(30² − 10²) ≈ 28 m of buffer past the cut — not the whole route on the first day
        expect(day.coverage.coveredM).toBeGreaterThanOrEqual(520)
        expect(day.coverage.coveredM).toBeLessThanOrEqual(540)
        expect(day.tracks.features).toHaveLength(1)
      }
      // each day's track is the part recorded on it, its times clamped to the day
      const [firstPart] = first.tracks.features
      const [secondPart] = second.tracks.features
      // a cut chunk is a MultiLineString (a whole one a LineString)
      const lngs = (f: { geometry: { type: string; coordinates: unknown[] } }) =>
        (f.geometry.type === 'MultiLineString' ? (f.geometry.coordinates as number[][][]).flat() : (f.geometry.coordinates as number[][])).map((c) => c[0]!)
      expect(Math.min(...lngs(firstPart))).toBeCloseTo(119.11, 6)
      expect(Math.max(...lngs(firstPart))).toBeCloseTo(119.115, 4)
      expect(Math.min(...lngs(secondPart))).toBeCloseTo(119.115, 4)
      expect(Math.max(...lngs(secondPart))).toBeCloseTo(119.12, 6)
      expect(Date.parse(firstPart.properties.endedAt)).toBe(Date.parse(`${MORNING}T00:00:00+08:00`))
      expect(Date.parse(secondPart.properties.startedAt)).toBe(Date.parse(`${MORNING}T00:00:00+08:00`))
      expect(Date.parse(secondPart.properties.endedAt)).toBe(start + 20 * 30_000)
      // the area view agrees; the day after sees nothing
      const area = (await call(HANXI, 'GET', `/api/patrol/coverage?day=${MORNING}`)).body
      expect(area.grids.find((g: { gridCode: string }) => g.gridCode === GRID).coveredM).toBe(second.coverage.coveredM)
      const after = new Date(Date.parse(`${MORNING}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
      expect((await grid(after)).body.coverage.coveredM).toBe(0)
    })

    it('a chunk spans at most 24 hours', async () => {
      const pts = [
        { lng: 119.11, lat: 25.48, t: `${NIGHT}T08:00:00+08:00` },
        { lng: 119.12, lat: 25.48, t: `${MORNING}T08:00:01+08:00` },
      ]
      const r = await upload('too-long', pts)
      expect(r.status).toBe(400)
      expect(r.body.errors).toEqual([{ path: 'points[1].t', message: 'more than 24 hours after the first point' }])
    })

    it('area coverage: every routed grid in the inspector’s areas for the day', async () => {
      const r = await call(HANXI, 'GET', `/api/patrol/coverage?day=${DAY}`)
      expect(r.status).toBe(200)
      expect(r.body.grids.find((g: { gridCode: string }) => g.gridCode === GRID)).toMatchObject({ ratio: 1 })
      expect(r.body.grids.every((g: { gridCode: string }) => g.gridCode.startsWith('350303002'))).toBe(true)
      expect(r.body.grids).toHaveLength(1) // only grids with a route (the demo routes are seeded below)
    })

    it('the grid list marks the grid at the phone’s position (GCJ-02 from a map SDK works too)', async () => {
      const at = fromWgs84({ lng: 119.12, lat: 25.48 }, 'gcj02')
      const r = await call(HANXI, 'GET', `/api/patrol/grids?lng=${at.lng}&lat=${at.lat}&crs=gcj02`)
      expect(r.status).toBe(200)
      expect(r.body.current).toBe(GRID)
      expect(r.body.grids).toHaveLength(8)
      expect(r.body.grids[0]).toMatchObject({ code: GRID, hasRoute: true })
    })

    it('scope: another street’s inspector and a handler are refused; the dispatcher may look', async () => {
      expect((await grid(DAY, HANDONG)).status).toBe(403)
      expect((await grid(DAY, 'handler')).status).toBe(403)
      expect((await grid(DAY, 'dispatcher')).status).toBe(200)
      expect((await upload('d-1', walk(25.48, 119.11, 119.12, 3), 'wgs84', 'dispatcher')).status).toBe(403)
    })

    it('validation: one point, points out of time order, bad crs, bad day', async () => {
      expect((await upload('v-1', walk(25.48, 119.11, 119.12, 1))).status).toBe(400)
      const back = walk(25.48, 119.11, 119.12, 3).reverse()
      expect((await upload('v-2', back)).body).toMatchObject({ status: 400, errors: [{ path: 'points[1].t' }] })
      expect((await upload('v-3', walk(25.48, 119.11, 119.12, 3), 'utm')).status).toBe(400)
      expect((await call(HANXI, 'GET', `/api/patrol/grids/${GRID}?day=2026-13-01`)).status).toBe(400)
    })

    it('verification list: resolved incidents in the inspector’s areas with the handler’s after-photos; a pass closes it', async () => {
      const api = incidentApi(() => ctx.database)
      const { code } = (await api.create(complaint())).body
      await api.step(code, 'register', { incidentType: 'complaint' })
      await api.step(code, 'dispatch', { unitCode: 'office_350303002' })
      await api.step(code, 'accept', {}, 'handler')
      await api.step(code, 'arrive', {}, 'handler')
      const after = photo()
      await api.step(code, 'resolve', { note: '已清运', afterPhotos: [after] }, 'handler')
      const list = await call(HANXI, 'GET', '/api/patrol/verifications')
      expect(list.status).toBe(200)
      const item = list.body.items.find((i: { code: string }) => i.code === code)
      expect(item).toMatchObject({ resolveNote: '已清运', afterPhotos: [{ id: after, thumbnailUrl: `/api/photos/${after}/thumbnail` }] })
      expect((await call(HANDONG, 'GET', '/api/patrol/verifications')).body.items.map((i: { code: string }) => i.code)).not.toContain(code)
      const pass = await call(HANXI, 'POST', `/api/incidents/${code}/actions/verifyPass`, { version: item.version, photos: [photo()] })
      expect(pass.status).toBe(200)
      expect(pass.body.state).toBe('closed')
      expect((await call(HANXI, 'GET', '/api/patrol/verifications')).body.items).toEqual([])
    })

    it('demo routes: a loop just inside each grid, one per grid, seeding twice adds none', async () => {
      const n = await seedPatrolRoutes(ctx.database, undefined, { urbanPrefixes: ['350303002'], urbanInsetM: 20, ruralInsetM: 80, ruralSimplifyM: 40 })
      expect(n).toBe(15) // 16 fixture grids, one already has the known route
      expect(await seedPatrolRoutes(ctx.database, undefined, { urbanPrefixes: [], urbanInsetM: 20, ruralInsetM: 80, ruralSimplifyM: 40 })).toBe(0)
      const [r] = await ctx.database.rows<{ closed: boolean; inside: boolean; gap: number }>(sql`
        SELECT ST_IsClosed(p.geom) AS closed, ST_Within(p.geom, g.geom) AS inside,
               ST_Distance(p.geom::geography, ST_Boundary(g.geom)::geography) AS gap
        FROM patrol_route p JOIN region g ON g.code = p.grid_code AND g.valid_to IS NULL WHERE p.grid_code = '350303002001002'`)
      expect(r).toMatchObject({ closed: true, inside: true })
      expect(Number(r!.gap)).toBeGreaterThan(19)
      expect(Number(r!.gap)).toBeLessThan(21)
    })
  },
  async (database) => {
    await seedFixture(database)
    await upsertPatrolRoute(database, GRID, ROUTE, 'drawn')
  },
)
