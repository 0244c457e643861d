import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { distanceM, fromWgs84 } from '@hanjiang/shared'
import type { Database } from '../src/db/types.ts'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

// Fixture: street 涵东 350303001000 west of 119.10 E, 涵西 350303002000 east of it; communities split at
// 25.45 N; each community 2×2 grids. A county road runs along 25.43 N; a scenic area covers 119.15–119.17 E.
async function setup(database: Database) {
  await seedFixture(database)
  await database.rows(sql`
    INSERT INTO unit (code, name, name_en, kind, parent_code) VALUES
      ('transport_road_squad', '区交通运输局公路养护中队', 'Road maintenance squad', 'section', 'transport')`)
  await database.rows(sql`
    INSERT INTO responsibility_area (name, unit_code, class_code, geometry_kind, geom, buffer_m) VALUES
      ('县道 X201', 'transport_road_squad', '0105', 'line',
        ST_GeomFromText('MULTILINESTRING((119.0 25.43, 119.2 25.43))', 4326), 50),
      ('涵江公园景区', 'tourism', '02', 'polygon',
        ST_GeomFromText('MULTIPOLYGON(((119.15 25.46, 119.17 25.46, 119.17 25.48, 119.15 25.48, 119.15 25.46)))', 4326), NULL)`)
}

describeEachEngine(
  'assignment API',
  (ctx) => {
    const app = () => testApp(ctx.database, {}, 'dispatcher')
    const get = async (q: string) => {
      const res = await app().request(`/api/assign?${q}`)
      return { status: res.status, body: await res.json() as any }
    }

    it('finds grid, community and street of an interior point and the fine class owner', async () => {
      const { status, body } = await get('lng=119.02&lat=25.48&fineClass=010502')
      expect(status).toBe(200)
      expect(body.street).toEqual({ code: '350303001000', name: '涵东街道' })
      expect(body.community).toEqual({ code: '350303001001', name: '涵东北社区' })
      expect(body.grid).toEqual({ code: '350303001001001', name: '网格1' })
      expect(body.unit).toEqual({ code: 'transport', name: '区交通运输局' })
      expect(body.rule).toBe('fine_class')
      expect(body.needsReview).toBe(false)
      expect(body.nearBoundary).toBeNull()
      expect(body.point).toEqual({ lng: 119.02, lat: 25.48 })
      expect(body.regionVersions.grid).toEqual(expect.any(Number))
      expect(body.explanation.map((e: { zh: string }) => e.zh).join(' ')).toContain('路面塌陷')
      expect(body.explanation.every((e: { en: string }) => e.en.length > 0)).toBe(true)
    })

    it('resolves territorial classes to the street office', async () => {
      const { body } = await get('lng=119.12&lat=25.48&fineClass=020602')
      expect(body.unit).toEqual({ code: 'office_350303002', name: '涵西街道办事处' })
      expect(body.rule).toBe('territorial')
    })

    it('breaks ties on a shared street edge by the lowest code, and reports the neighbour at 0 m', async () => {
      const { body } = await get('lng=119.1&lat=25.47&fineClass=020602')
      expect(body.street.code).toBe('350303001000')
      expect(body.grid.code).toBe('350303001001004')
      expect(body.unit.code).toBe('office_350303001')
      expect(body.nearBoundary).toMatchObject({ level: 'street', neighbour: { code: '350303002000' } })
      expect(body.nearBoundary.distanceM).toBeLessThan(0.01)
    })

    it('breaks ties on a vertex shared by four grids by the lowest code', async () => {
      const { body } = await get('lng=119.05&lat=25.475')
      expect(body.grid.code).toBe('350303001001001')
      expect(body.nearBoundary.level).toBe('grid')
    })

    it('reports a point within 30 m of a community boundary, and not one 100 m away', async () => {
      // 25.45 N is the community boundary; 0.0002° ≈ 22 m, 0.0009° ≈ 100 m.
      const near = (await get('lng=119.02&lat=25.4502')).body
      expect(near.nearBoundary).toMatchObject({ level: 'community', neighbour: { code: '350303001002' } })
      expect(near.nearBoundary.distanceM).toBeGreaterThan(15)
      expect(near.nearBoundary.distanceM).toBeLessThan(30)
      expect((await get('lng=119.02&lat=25.4509')).body.nearBoundary).toBeNull()
      expect((await get('lng=119.02&lat=25.4509&nearM=120')).body.nearBoundary.level).toBe('community')
    })

    it('measures boundary distances in metres to 0.01 %, to the edges ST_Covers sees', async () => {
      // Near the street edge at 119.10 E and the community edge at 25.45 N. The reference is the geodesic
      // length to the region's nearest point in lon/lat (ST_ClosestPoint): regions are planar in lon/lat (a
      // point on an edge is covered by both sides), while a geography polygon's edges are great-circle arcs,
      // ~0.9 m poleward of a 10 km parallel edge in its middle — 4 % at 22 m.
      for (const [lng, lat] of [[119.0998, 25.47], [119.0999, 25.4501], [119.0995, 25.4498], [119.09975, 25.46], [119.05, 25.4502]]) {
        const { body } = await get(`lng=${lng}&lat=${lat}&fineClass=020602&nearM=100`)
        const n = body.nearBoundary
        expect(n).not.toBeNull()
        const [row] = await ctx.database.rows<{ d: number }>(sql`
          WITH p AS (SELECT ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326) AS g)
          SELECT min(ST_Distance(ST_ClosestPoint(r.geom, p.g)::geography, p.g::geography)) AS d
          FROM region r, p WHERE r.code = ${n.neighbour.code} AND r.valid_to IS NULL`)
        const d = Number(row!.d)
        expect(d).toBeGreaterThan(5)
        expect(Math.abs(n.distanceM - d) / d).toBeLessThan(0.0001)
      }
    })

    it('sends a point just outside the district to the lead unit, flagged; without a class to the command center', async () => {
      const withClass = (await get('lng=119.2002&lat=25.47&fineClass=010501')).body
      expect(withClass).toMatchObject({ street: null, community: null, grid: null, needsReview: true, rule: 'lead_unit_fallback' })
      expect(withClass.unit.code).toBe('transport')
      expect(withClass.nearBoundary).toMatchObject({ level: 'street', neighbour: { code: '350303002000' } })
      const noClass = (await get('lng=121&lat=31')).body
      expect(noClass).toMatchObject({ street: null, needsReview: true, rule: 'no_class', unit: { code: 'command_center' } })
    })

    it('converts GCJ-02 and BD-09 input to WGS84 within 2 m', async () => {
      const wgs = { lng: 119.0731, lat: 25.4612 }
      for (const crs of ['gcj02', 'bd09'] as const) {
        const p = fromWgs84(wgs, crs)
        expect(distanceM(p, wgs)).toBeGreaterThan(100) // the offset is real…
        const { body } = await get(`lng=${p.lng}&lat=${p.lat}&crs=${crs}`)
        expect(body.crs).toBe(crs)
        expect(distanceM(body.point, wgs)).toBeLessThan(2) // …and undone
        expect(body.grid.code).toBe('350303001001004')
      }
    })

    it('gives road damage along the county road to the road squad within its buffer only', async () => {
      const inside = (await get('lng=119.03&lat=25.4303&fineClass=010501')).body // ≈ 33 m from the road
      expect(inside.rule).toBe('responsibility_area')
      expect(inside.unit.code).toBe('transport_road_squad')
      expect(inside.area.name).toBe('县道 X201')
      expect(inside.candidates.map((c: { unit: { code: string } }) => c.unit.code)).toContain('transport')
      const outside = (await get('lng=119.03&lat=25.4309&fineClass=010501')).body // ≈ 100 m
      expect(outside.rule).toBe('fine_class')
      expect(outside.unit.code).toBe('transport')
      // Another class on the road is not the squad's.
      expect((await get('lng=119.03&lat=25.4303&fineClass=020601')).body.unit.code).toBe('city_admin')
    })

    it('lets a class-level polygon area take its classes', async () => {
      const { body } = await get('lng=119.16&lat=25.47&fineClass=020601')
      expect(body.unit.code).toBe('tourism')
      expect(body.area.name).toBe('涵江公园景区')
    })

    it('looks up the jurisdiction version valid at a given time', async () => {
      const code = '350303002002004'
      const [{ t: before }] = (await ctx.database.rows<{ t: string }>(sql`SELECT to_json(clock_timestamp()) #>> '{}' AS t`)) as [{ t: string }]
      await new Promise((r) => setTimeout(r, 5))
      const [cur] = await ctx.database.rows<{ id: number }>(sql`SELECT id FROM region WHERE code = ${code} AND valid_to IS NULL`)
      await ctx.database.db.transaction(async (tx) => {
        await ctx.database.rows(sql`UPDATE region SET valid_to = now() WHERE id = ${cur!.id}`, tx)
        // Version 2 keeps only the western half of the cell (119.15–119.175 E).
        await ctx.database.rows(sql`
          INSERT INTO region (code, name, level, parent_code, version, valid_from, geom)
          SELECT code, name, level, parent_code, 2, now(),
                 ST_Multi(ST_Intersection(geom, ST_MakeEnvelope(119.15, 25.4, 119.175, 25.45, 4326)))
          FROM region WHERE id = ${cur!.id}`, tx)
      })
      const now = (await get('lng=119.19&lat=25.41')).body
      expect(now.grid).toBeNull()
      const then = (await get(`lng=119.19&lat=25.41&at=${encodeURIComponent(before)}`)).body
      expect(then.grid.code).toBe(code)
      expect(then.regionVersions.grid).toBe(cur!.id)
      expect((await get('lng=119.16&lat=25.41')).body.regionVersions.grid).not.toBe(cur!.id)
      expect((await get('lng=119.16&lat=25.41&at=1999-01-01T00:00:00Z')).body.street).toBeNull()
    })

    it('answers a batch in order, one result per point', async () => {
      const res = await app().request('/api/assign', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          points: [
            { lng: 119.02, lat: 25.48, fineClass: '010502' },
            { lng: 121, lat: 31 },
            { lng: 119.12, lat: 25.48, crs: 'wgs84', fineClass: '020602' },
          ],
        }),
      })
      expect(res.status).toBe(200)
      const { results } = await res.json() as any
      expect(results.map((r: { unit: { code: string } }) => r.unit.code)).toEqual(['transport', 'command_center', 'office_350303002'])
    })

    it('writes the explanation in one language when asked (lang), both by default', async () => {
      const both = (await get('lng=119.02&lat=25.43&fineClass=010502')).body
      expect(both.candidates.length).toBeGreaterThan(0)
      const en = (await get('lng=119.02&lat=25.43&fineClass=010502&lang=en')).body
      expect({ ...en, explanation: 0, candidates: 0 }).toEqual({ ...both, explanation: 0, candidates: 0 })
      expect(en.explanation).toEqual(both.explanation.map((t: { en: string }) => ({ en: t.en })))
      expect(en.candidates[0].reason).toEqual({ en: both.candidates[0].reason.en })
      const res = await app().request('/api/assign', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ points: [{ lng: 119.02, lat: 25.43, fineClass: '010502' }], lang: 'zh' }),
      })
      const [zh] = ((await res.json()) as any).results
      expect(zh.explanation).toEqual(both.explanation.map((t: { zh: string }) => ({ zh: t.zh })))
      expect(zh.candidates[0].beatenBy).toEqual({ zh: both.candidates[0].beatenBy.zh })
      const bad = await get('lng=119.02&lat=25.43&lang=fr')
      expect(bad.status).toBe(400)
      expect(bad.body.detail).toContain('lang must be one of zh, en')
    })

    it('refuses bad input with specific problems', async () => {
      const post = (body: unknown) =>
        app().request('/api/assign', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      const tooMany = await post({ points: Array.from({ length: 1001 }, () => ({ lng: 119, lat: 25 })) })
      expect(tooMany.status).toBe(400)
      expect((await tooMany.json() as any).detail).toContain('at most 1000')
      expect((await post({ points: [] })).status).toBe(400)
      const badPoint = await post({ points: [{ lng: 119, lat: 25 }, { lng: 119, lat: 95 }] })
      expect(badPoint.status).toBe(422)
      const p = await badPoint.json() as any
      expect(p.code).toBe('invalid_points')
      expect(p.errors[0].path).toBe('points.1')
      const unknown = await get('lng=119.02&lat=25.48&fineClass=999999')
      expect(unknown.status).toBe(422)
      expect(unknown.body.detail).toContain('unknown fine class 999999')
      expect((await get('lng=abc&lat=25')).status).toBe(400)
      expect((await get('lng=119&lat=25&crs=epsg3857')).body.detail).toContain('wgs84, gcj02, bd09')
      const notJson = await app().request('/api/assign', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })
      expect(notJson.status).toBe(400)
    })
  },
  setup,
)
