import { expect, it } from 'vitest'
import { DEMO_ROUTE_SEED, seedPatrolRoutes, upsertPatrolRoute } from '../src/db/repositories/patrol.ts'
import { seedFixture, testApp } from './app.ts'
import type { WhoLike } from './auth.ts'
import { describeEachEngine } from './engines.ts'
import type { Json, Res } from './incidents-helpers.ts'

/**
 * GET /api/patrol/routes: the planned patrol routes of one map view for the shared map layer —
 * only routes in the box, only ones big enough to see at the zoom, simplified for it; scoped like the rest of
 * the patrol data; bad queries answered as RFC 9457 problems.
 */

/** 涵西街道 涵西北社区 (fixture): 119.10–119.20 E × 25.45–25.50 N, grids 350303002001001…004. */
const HANXI_NORTH = [119.1, 25.45, 119.2, 25.5].join(',')
const DISTRICT = [119.0, 25.4, 119.2, 25.5].join(',')
/** A drawn route with a 1 m zigzag: 201 vertices along 25.49 N inside grid 350303002001001. */
const ZIGZAG: GeoJSON.LineString = {
  type: 'LineString',
  coordinates: Array.from({ length: 201 }, (_, i) => [119.105 + i * 0.0002, 25.49 + (i % 2 ? 0.00001 : 0)]),
}

describeEachEngine(
  'patrol routes map layer',
  (ctx) => {
    const get = async (query: string, who: WhoLike = 'dispatcher'): Promise<Res> => {
      const res = await testApp(ctx.database, {}, who).request(`/api/patrol/routes${query ? `?${query}` : ''}`)
      const text = await res.text()
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
    }
    const grids = (r: Res) => r.body.features.map((f: Json) => f.properties.gridCode).sort()

    it('answers the routes whose extent meets the box, as GeoJSON lines', async () => {
      expect(await seedPatrolRoutes(ctx.database, undefined, DEMO_ROUTE_SEED)).toBe(16)
      const r = await get(`bbox=${HANXI_NORTH}&zoom=13`)
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ type: 'FeatureCollection', zoom: 13, truncated: false })
      expect(grids(r)).toEqual(['350303002001001', '350303002001002', '350303002001003', '350303002001004'])
      const f = r.body.features[0]
      expect(f).toMatchObject({ type: 'Feature', properties: { source: 'seed' }, geometry: { type: 'LineString' } })
      // Coordinates rounded for the zoom (a tenth of a pixel: 5 decimals at zoom 13), inside the grid's inset.
      for (const [lng, lat] of f.geometry.coordinates as [number, number][]) {
        expect(String(lng).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(5)
        expect(lng).toBeGreaterThan(119.1)
        expect(lat).toBeGreaterThan(25.45)
      }
      expect(r.headers.get('cache-control')).toBe('private, max-age=60')
      // A box with no route in it.
      expect((await get('bbox=119.3,25.3,119.4,25.35&zoom=13')).body.features).toEqual([])
    })

    it('never the whole table: routes too small to see at the zoom are left out', async () => {
      expect((await get(`bbox=${DISTRICT}&zoom=9`)).body.features).toHaveLength(16)
      // At zoom 3 a 5 km grid is under a pixel: nothing to draw.
      expect((await get('bbox=100,10,140,40&zoom=3')).body.features).toEqual([])
    })

    it('simplifies a route for the zoom: a metre of zigzag disappears zoomed out, stays zoomed in', async () => {
      await upsertPatrolRoute(ctx.database, '350303002001001', ZIGZAG, 'drawn')
      const line = async (zoom: number) =>
        (await get(`bbox=${HANXI_NORTH}&zoom=${zoom}`)).body.features.find((f: Json) => f.properties.gridCode === '350303002001001')
      const out = await line(12)
      expect(out.properties.source).toBe('drawn')
      expect(out.geometry.coordinates).toHaveLength(2)
      expect((await line(21)).geometry.coordinates).toHaveLength(201)
    })

    it('scopes routes like the rest of the patrol data: an inspector gets their areas, a handler none', async () => {
      const handong = await get(`bbox=${DISTRICT}&zoom=11`, { role: 'inspector', username: 'inspector.handong', areas: ['350303001000'] })
      expect(handong.status).toBe(200)
      expect(handong.body.features).toHaveLength(8)
      expect(grids(handong).every((c: string) => c.startsWith('350303001'))).toBe(true)
      expect((await get(`bbox=${DISTRICT}&zoom=11`, 'viewer')).body.features).toHaveLength(16)
      const handler = await get(`bbox=${DISTRICT}&zoom=11`, 'handler')
      expect(handler.status).toBe(403)
      expect(handler.headers.get('content-type')).toContain('application/problem+json')
      expect(handler.body).toMatchObject({ status: 403, code: 'role_not_allowed' })
    })

    it('answers a missing or bad bbox or zoom with an RFC 9457 problem naming the parameter', async () => {
      const cases: [string, string, RegExp][] = [
        ['zoom=12', 'bbox', /bbox is required/],
        ['bbox=119,25,120&zoom=12', 'bbox', /four numbers/],
        ['bbox=119,25,200,26&zoom=12', 'bbox', /out of range/],
        ['bbox=120,25,119,26&zoom=12', 'bbox', /west < east/],
        [`bbox=${DISTRICT}`, 'zoom', /zoom/],
        [`bbox=${DISTRICT}&zoom=23`, 'zoom', /zoom is 0–22/],
        [`bbox=${DISTRICT}&zoom=near`, 'zoom', /zoom must be a number/],
      ]
      for (const [q, path, message] of cases) {
        const r = await get(q)
        expect(r.status, q).toBe(400)
        expect(r.headers.get('content-type'), q).toContain('application/problem+json')
        expect(r.body, q).toMatchObject({ type: 'https://hanjiang.example/problems/validation_failed', status: 400, code: 'validation_failed' })
        expect(r.body.errors, q).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]))
      }
      // Signed out: 401, also a problem.
      const anon = await testApp(ctx.database).request(`/api/patrol/routes?bbox=${DISTRICT}&zoom=12`)
      expect(anon.status).toBe(401)
      expect(anon.headers.get('content-type')).toContain('application/problem+json')
    })
  },
  seedFixture,
)
