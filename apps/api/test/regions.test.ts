import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { describeEachEngine } from './engines.ts'
import { seedFixture, testApp } from './app.ts'

describeEachEngine(
  'regions API',
  (ctx) => {
    const get = (path: string) => testApp(ctx.database, {}, 'dispatcher').request(path)

    it('serves one level as a GeoJSON FeatureCollection', async () => {
      const res = await get('/api/regions?level=street')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('application/geo+json')
      const fc = await res.json() as any
      expect(fc.type).toBe('FeatureCollection')
      expect(fc.features.map((f: any) => f.properties.code)).toEqual(['350303001000', '350303002000'])
      expect(fc.features[0].geometry.type).toBe('MultiPolygon')
      expect(fc.features[0].properties).toEqual({ code: '350303001000', name: '涵东街道', level: 'street', parentCode: '350303000000' })
      expect(typeof fc.features[0].id).toBe('number')
    })

    it('revalidates layers with an ETag, and changes it when a region changes', async () => {
      const first = await get('/api/regions?level=grid')
      const etag = first.headers.get('etag')!
      expect(etag).toMatch(/^".+"$/)
      const again = await testApp(ctx.database, {}, 'dispatcher').request('/api/regions?level=grid', { headers: { 'if-none-match': etag } })
      expect(again.status).toBe(304)
      // A new version of one grid (as an edit would write) must not be served from the cache.
      await ctx.database.db.transaction(async (tx) => {
        await ctx.database.rows(sql`UPDATE region SET valid_to = now() WHERE code = '350303002002004' AND valid_to IS NULL`, tx)
        await ctx.database.rows(sql`
          INSERT INTO region (code, name, level, parent_code, version, valid_from, geom)
          SELECT code, '改名网格', level, parent_code, version + 1, now(), geom FROM region
          WHERE code = '350303002002004' AND version = 1`, tx)
      })
      const changed = await testApp(ctx.database, {}, 'dispatcher').request('/api/regions?level=grid', { headers: { 'if-none-match': etag } })
      expect(changed.status).toBe(200)
      expect(changed.headers.get('etag')).not.toBe(etag)
      const names = (await changed.json() as any).features.map((f: any) => f.properties.name)
      expect(names).toContain('改名网格')
    })

    it('serves label points inside each region', async () => {
      const fc = await (await get('/api/regions/labels?level=community')).json() as any
      expect(fc.features).toHaveLength(4)
      const [lng, lat] = fc.features[0].geometry.coordinates
      expect(lng).toBeGreaterThan(119.0)
      expect(lng).toBeLessThan(119.1)
      expect(lat).toBeGreaterThan(25.45)
    })

    it('describes a region with its parent chain, area and children', async () => {
      const res = await get('/api/regions/350303001001001')
      expect(res.status).toBe(200)
      const r = await res.json() as any
      expect(r).toMatchObject({ code: '350303001001001', level: 'grid', parentCode: '350303001001', childCount: 0, version: 1, validTo: null })
      expect(r.parents.map((p: any) => p.level)).toEqual(['district', 'street', 'community'])
      expect(r.parents[1]).toEqual({ code: '350303001000', name: '涵东街道', level: 'street' })
      // 0.05° × 0.025° at 25.46°N ≈ 5.02 km × 2.77 km
      expect(r.areaM2 / 1e6).toBeCloseTo(13.9, 0)
      const street = await (await get('/api/regions/350303001000')).json() as any
      expect(street.childCount).toBe(2)
    })

    it('answers bad input with specific problem details', async () => {
      const bad = await get('/api/regions?level=province')
      expect(bad.status).toBe(400)
      expect(bad.headers.get('content-type')).toContain('application/problem+json')
      const p = await bad.json() as any
      expect(p).toMatchObject({ status: 400, code: 'validation_failed' })
      expect(p.errors[0]).toMatchObject({ path: 'level' })
      expect(p.detail).toContain('district, street, community, grid')

      const missing = await get('/api/regions/350303999999')
      expect(missing.status).toBe(404)
      expect((await missing.json() as any).code).toBe('region_not_found')

      expect((await get('/api/regions/abc')).status).toBe(400)
      expect((await get('/api/regions?level=grid&at=yesterday')).status).toBe(400)
      const none = await get('/api/nothing-here')
      expect(none.status).toBe(404)
      expect((await none.json() as any).code).toBe('route_not_found')
    })

    it('reports engine, versions and migration state on /api/health', async () => {
      const h = await (await get('/api/health')).json() as any
      expect(h.status).toBe('ok')
      expect(h.engine).toBe(ctx.engine)
      expect(h.postgres).toMatch(/^\d+/)
      expect(h.postgis).toMatch(/^3\./)
      expect(h.migrations.pending).toEqual([])
      expect(h.migrations.applied).toBeGreaterThanOrEqual(2)
    })
  },
  seedFixture,
)
