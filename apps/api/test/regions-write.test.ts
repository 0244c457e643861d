import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

// Fixture (test/fixtures/regions.ts): community 350303001001 (涵东北社区) is 119.00–119.10 E × 25.45–25.50 N,
// split into grids 001 [119.00–119.05 × 25.475–25.50], 002 [119.05–119.10 × 25.475–25.50],
// 003 [119.00–119.05 × 25.45–25.475], 004 [119.05–119.10 × 25.45–25.475]. The tests run in order on one database.
const COMMUNITY = '350303001001'
const GRID1 = '350303001001001'
const GRID5 = '350303001001005'

const rect = (w: number, s: number, e: number, n: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
})
const bbox = (g: GeoJSON.MultiPolygon) => {
  const pts = g.coordinates.flat(2)
  const xs = pts.map((p) => p[0]!)
  const ys = pts.map((p) => p[1]!)
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

describeEachEngine(
  'regions write API',
  (ctx) => {
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await testApp(ctx.database, {}, 'admin').request(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      })
      const text = await res.text()
      return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as any }
    }

    it('versions a geometry change in one step and answers `at` lookups with the old version', async () => {
      const before = await call('GET', `/api/regions/${GRID1}`)
      expect(before.body).toMatchObject({ version: 1, validTo: null })

      // Move the east edge of grid 1 from 119.05 to 119.04 (this leaves a gap in the community).
      const res = await call('PATCH', `/api/regions/${GRID1}`, { geometry: rect(119.0, 25.475, 119.04, 25.5) })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ action: 'updated', code: GRID1, version: 2, dryRun: false })
      expect(res.body.region).toMatchObject({ code: GRID1, version: 2, validTo: null, name: '网格1', parentCode: COMMUNITY })
      expect(res.body.region.areaM2).toBeCloseTo(before.body.areaM2 * 0.8, -3)

      const history = await call('GET', `/api/regions/${GRID1}/versions`)
      expect(history.status).toBe(200)
      expect(history.headers.get('content-type')).toContain('application/geo+json')
      const [v1, v2] = history.body.features.map((f: any) => f.properties)
      expect(history.body.features).toHaveLength(2)
      expect(v1).toMatchObject({ version: 1, current: false })
      expect(v2).toMatchObject({ version: 2, current: true, validTo: null })
      // Closed and opened at the same instant: no gap and no overlap in time.
      expect(Date.parse(v1.validTo)).toBe(Date.parse(v2.validFrom))
      expect(v1.validTo).toBe(v2.validFrom)

      const switchMs = Date.parse(v2.validFrom)
      const old = await call('GET', `/api/regions/${GRID1}?at=${new Date(switchMs - 1).toISOString()}`)
      expect(old.status).toBe(200)
      expect(old.body).toMatchObject({ version: 1, id: v1.id, areaM2: before.body.areaM2 })
      expect(old.body.validTo).not.toBeNull()
      const now = await call('GET', `/api/regions/${GRID1}?at=${new Date(switchMs + 1).toISOString()}`)
      expect(now.body).toMatchObject({ version: 2, id: v2.id })

      // The level listing at the old instant has the old geometry, now the new one.
      const grid1 = (fc: any) => fc.features.find((f: any) => f.properties.code === GRID1)
      const oldFc = await call('GET', `/api/regions?level=grid&at=${new Date(switchMs - 1).toISOString()}`)
      expect(bbox(grid1(oldFc.body).geometry)[2]).toBeCloseTo(119.05, 9)
      const curFc = await call('GET', '/api/regions?level=grid')
      expect(bbox(grid1(curFc.body).geometry)[2]).toBeCloseTo(119.04, 9)
    })

    it('reports the gap the shrunk grid left in its community, ignoring slivers', async () => {
      const res = await call('GET', `/api/regions/${COMMUNITY}/coverage`)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ type: 'FeatureCollection', code: COMMUNITY, level: 'community', childLevel: 'grid', childCount: 4, gapCount: 1 })
      const [gap] = res.body.features
      expect(gap.geometry.type).toBe('Polygon')
      const xs = gap.geometry.coordinates[0].map((p: number[]) => p[0])
      expect(Math.min(...xs)).toBeCloseTo(119.04, 9)
      expect(Math.max(...xs)).toBeCloseTo(119.05, 9)
      // 0.01° × 0.025° at 25.49° N ≈ 1005 m × 2770 m
      expect(gap.properties.areaM2 / 1e6).toBeCloseTo(2.78, 1)
      expect(res.body.gapM2).toBeCloseTo(gap.properties.areaM2, 0)
      expect(Math.abs(res.body.coveredM2 + res.body.gapM2 - res.body.areaM2) / res.body.areaM2).toBeLessThan(1e-4)

      const full = await call('GET', '/api/regions/350303001002/coverage')
      expect(full.body).toMatchObject({ gapCount: 0, gapM2: 0, features: [] })
      // As of before the edit, the community was fully covered.
      const history = await call('GET', `/api/regions/${GRID1}/versions`)
      const switchMs = Date.parse(history.body.features[1].properties.validFrom)
      const earlier = await call('GET', `/api/regions/${COMMUNITY}/coverage?at=${new Date(switchMs - 1).toISOString()}`)
      expect(earlier.body.gapCount).toBe(0)

      const grid = await call('GET', `/api/regions/${GRID1}/coverage`)
      expect(grid.status).toBe(422)
      expect(grid.body.code).toBe('no_child_level')
    })

    it('creates a grid in the gap (201, Location) and the community is covered again', async () => {
      const res = await call('POST', '/api/regions', {
        code: GRID5, name: '网格5', level: 'grid', parentCode: COMMUNITY, geometry: rect(119.04, 25.475, 119.05, 25.5),
      })
      expect(res.status).toBe(201)
      expect(res.headers.get('location')).toBe(`/api/regions/${GRID5}`)
      expect(res.body).toMatchObject({ action: 'created', version: 1 })
      expect(res.body.region).toMatchObject({ code: GRID5, level: 'grid', parentCode: COMMUNITY, version: 1 })
      expect(res.body.region.parents.map((p: any) => p.code)).toEqual(['350303000000', '350303001000', COMMUNITY])
      const cov = await call('GET', `/api/regions/${COMMUNITY}/coverage`)
      expect(cov.body).toMatchObject({ childCount: 5, gapCount: 0 })

      const again = await call('POST', '/api/regions', {
        code: GRID5, name: '网格5', level: 'grid', parentCode: COMMUNITY, geometry: rect(119.04, 25.475, 119.05, 25.5),
      })
      expect(again.status).toBe(409)
      expect(again.body.code).toBe('region_exists')
    })

    it('refuses a self-intersecting (bow-tie) polygon with PostGIS’ reason and the location', async () => {
      const bowTie: GeoJSON.Polygon = {
        type: 'Polygon',
        coordinates: [[[119.041, 25.48], [119.049, 25.49], [119.049, 25.48], [119.041, 25.49], [119.041, 25.48]]],
      }
      const res = await call('PATCH', `/api/regions/${GRID5}`, { geometry: bowTie })
      expect(res.status).toBe(422)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body).toMatchObject({ code: 'invalid_geometry', status: 422, reason: 'Self-intersection', path: 'geometry' })
      expect(res.body.location.type).toBe('Point')
      expect(res.body.location.coordinates[0]).toBeCloseTo(119.045, 9)
      expect(res.body.location.coordinates[1]).toBeCloseTo(25.485, 9)
      expect(res.body.detail).toContain('Self-intersection')
      // Not silently "fixed": nothing was written.
      expect((await call('GET', `/api/regions/${GRID5}`)).body.version).toBe(1)

      const created = await call('POST', '/api/regions', { code: '350303001001006', name: 'x', level: 'grid', parentCode: COMMUNITY, geometry: bowTie })
      expect(created.status).toBe(422)
      expect(created.body.code).toBe('invalid_geometry')
    })

    it('refuses unclosed rings and rings with too few points, naming the ring', async () => {
      const unclosed = await call('PATCH', `/api/regions/${GRID5}`, {
        geometry: { type: 'Polygon', coordinates: [[[119.04, 25.475], [119.05, 25.475], [119.05, 25.5], [119.04, 25.5]]] },
      })
      expect(unclosed.status).toBe(422)
      expect(unclosed.body).toMatchObject({ code: 'invalid_geometry', reason: 'Ring not closed', path: 'geometry.coordinates.0' })
      expect(unclosed.body.detail).toContain('Exterior ring')

      const hole = await call('PATCH', `/api/regions/${GRID5}`, {
        geometry: {
          type: 'MultiPolygon',
          coordinates: [[
            [[119.04, 25.475], [119.05, 25.475], [119.05, 25.5], [119.04, 25.5], [119.04, 25.475]],
            [[119.042, 25.48], [119.043, 25.48], [119.042, 25.48]],
          ]],
        },
      })
      expect(hole.status).toBe(422)
      expect(hole.body).toMatchObject({ code: 'invalid_geometry', reason: 'Too few points in ring', path: 'geometry.coordinates.0.1' })
      expect(hole.body.detail).toMatch(/polygon 0, hole 1/i)

      const outOfRange = await call('PATCH', `/api/regions/${GRID5}`, { geometry: rect(39500000, 2800000, 39501000, 2801000) })
      expect(outOfRange.status).toBe(422)
      expect(outOfRange.body.reason).toBe('Coordinate out of range')
    })

    it('accepts wrong winding and normalises it (a clockwise copy of the stored polygon is no change)', async () => {
      const cw: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[119.04, 25.475], [119.04, 25.5], [119.05, 25.5], [119.05, 25.475], [119.04, 25.475]]] }
      const res = await call('PATCH', `/api/regions/${GRID5}`, { geometry: cw })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ action: 'unchanged', version: 1 })
      const fc = await call('GET', '/api/regions?level=grid')
      const ring = fc.body.features.find((f: any) => f.properties.code === GRID5).geometry.coordinates[0][0]
      // Exterior ring counter-clockwise (RFC 7946): positive shoelace sum.
      let twiceArea = 0
      for (let i = 0; i < ring.length - 1; i++) twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
      expect(twiceArea).toBeGreaterThan(0)
    })

    it('refuses a child that sticks out of its parent, with the offending part as GeoJSON', async () => {
      const res = await call('PATCH', `/api/regions/${GRID5}`, { geometry: rect(119.04, 25.475, 119.05, 25.501) })
      expect(res.status).toBe(422)
      expect(res.body).toMatchObject({ code: 'outside_parent', regionCode: GRID5, parentCode: COMMUNITY, path: 'geometry' })
      expect(res.body.geometry.type).toBe('MultiPolygon')
      expect(bbox(res.body.geometry).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([119.04, 25.5, 119.05, 25.501])
      // ≈ 1005 m × 111 m
      expect(res.body.areaM2 / 1e3).toBeCloseTo(111.6, -1)
      expect(res.body.tolerance).toEqual({ areaM2: 1, widthM: 0.1 })
      expect((await call('GET', `/api/regions/${GRID5}`)).body.version).toBe(1)

      // A 1 mm overhang along the 1 km edge (≈ 1 m², 1 mm wide) is noise, not a problem: a dry run accepts it.
      const noise = await call('PATCH', `/api/regions/${GRID5}?dryRun=true`, { geometry: rect(119.04, 25.475, 119.05, 25.5 + 1e-8) })
      expect(noise.status).toBe(200)
      expect(noise.body).toMatchObject({ dryRun: true, action: 'updated', version: 2, region: null })
      expect((await call('GET', `/api/regions/${GRID5}`)).body.version).toBe(1)
      expect((await call('GET', `/api/regions/${GRID5}/versions`)).body.features).toHaveLength(1)
    })

    it('refuses an overlap with a current sibling, with the overlap and the sibling’s code', async () => {
      const res = await call('PATCH', `/api/regions/${GRID5}`, { geometry: rect(119.035, 25.475, 119.05, 25.5) })
      expect(res.status).toBe(422)
      expect(res.body).toMatchObject({ code: 'sibling_overlap', regionCode: GRID5, siblingCode: GRID1 })
      const [w, , e] = bbox(res.body.geometry)
      expect(w).toBeCloseTo(119.035, 7)
      expect(e).toBeCloseTo(119.04, 7)
      // 0.005° × 0.025° ≈ 502 m × 2770 m
      expect(res.body.areaM2 / 1e6).toBeCloseTo(1.39, 1)
      expect(res.body.issues).toHaveLength(1)

      // Overlapping two siblings: both reported.
      const two = await call('PATCH', `/api/regions/${GRID5}`, { geometry: rect(119.035, 25.47, 119.05, 25.5) })
      expect(two.status).toBe(422)
      expect(two.body.issues.map((i: any) => i.siblingCode).sort()).toEqual([GRID1, '350303001001003'])

      // Sharing an edge is not an overlap: grid 5 touches grids 1, 2 and 4 along edges.
      expect((await call('PATCH', `/api/regions/${GRID5}?dryRun=true`, { geometry: rect(119.04, 25.475, 119.05, 25.5), name: '网格五' })).status).toBe(200)
    })

    it('refuses a parent edit that would leave its children outside', async () => {
      const res = await call('PATCH', `/api/regions/${COMMUNITY}`, { geometry: rect(119.0, 25.45, 119.1, 25.49) })
      expect(res.status).toBe(422)
      expect(res.body.code).toBe('outside_parent')
      expect(res.body.issues.map((i: any) => i.regionCode).sort()).toEqual([GRID1, '350303001001002', GRID5])
      expect(res.body.issues.every((i: any) => i.parentCode === COMMUNITY && i.childChanged === false)).toBe(true)
      expect(res.body.detail).toContain('shrink the child first')
    })

    it('versions a name-only change too, and a repeated PATCH changes nothing', async () => {
      const res = await call('PATCH', `/api/regions/${GRID5}`, { name: '网格五', version: 1 })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ action: 'updated', version: 2 })
      expect(res.body.region.name).toBe('网格五')
      const same = await call('PATCH', `/api/regions/${GRID5}`, { name: '网格五' })
      expect(same.body).toMatchObject({ action: 'unchanged', version: 2 })
      const stale = await call('PATCH', `/api/regions/${GRID5}`, { name: '网格5', version: 1 })
      expect(stale.status).toBe(409)
      expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: 2 })
      const history = await call('GET', `/api/regions/${GRID5}/versions`)
      const [v1, v2] = history.body.features
      expect(v1.properties.name).toBe('网格5')
      expect(v2.geometry).toEqual(v1.geometry)
      const old = await call('GET', `/api/regions/${GRID5}?at=${new Date(Date.parse(v2.properties.validFrom) - 1).toISOString()}`)
      expect(old.body.name).toBe('网格5')
    })

    it('enforces codes: 12 digits by level, 15 for grids = community code + 3 digits, level one below the parent', async () => {
      const geometry = rect(119.041, 25.48, 119.049, 25.49)
      const post = (body: Record<string, unknown>) => call('POST', '/api/regions', { name: 'x', geometry, ...body })
      const cases: [Record<string, unknown>, string, string][] = [
        [{ code: '350303001001', level: 'grid', parentCode: COMMUNITY }, 'invalid_code', 'code'],
        [{ code: '350303001001000', level: 'grid', parentCode: COMMUNITY }, 'invalid_code', 'code'],
        [{ code: '350303001002007', level: 'grid', parentCode: COMMUNITY }, 'invalid_code', 'code'],
        [{ code: '35030300100100A', level: 'grid', parentCode: COMMUNITY }, 'invalid_code', 'code'],
        [{ code: '350303001000', level: 'community', parentCode: '350303001000' }, 'invalid_code', 'code'],
        [{ code: '350303001009', level: 'community' }, 'invalid_code', 'parentCode'],
        [{ code: '350303000000', level: 'district', parentCode: '350300000000' }, 'invalid_code', 'parentCode'],
        [{ code: '350303009001001', level: 'grid', parentCode: '350303009001' }, 'parent_not_found', 'parentCode'],
      ]
      for (const [body, code, path] of cases) {
        const res = await post(body)
        expect(res.status, JSON.stringify(body)).toBe(422)
        expect(res.body, JSON.stringify(body)).toMatchObject({ code, path })
      }
      const badLevel = await post({ code: '350303001001007', level: 'cell', parentCode: COMMUNITY })
      expect(badLevel.status).toBe(400)
      expect(badLevel.body.code).toBe('validation_failed')
      const noGeometry = await call('POST', '/api/regions', { code: '350303001001007', name: 'x', level: 'grid', parentCode: COMMUNITY })
      expect(noGeometry.status).toBe(400)
      expect(noGeometry.body.errors[0].path).toBe('geometry')
      const point = await post({ code: '350303001001007', level: 'grid', parentCode: COMMUNITY, geometry: { type: 'Point', coordinates: [119.04, 25.48] } })
      expect(point.status).toBe(400)
      expect(point.body.errors[0]).toMatchObject({ path: 'geometry.type' })
      const notJson = await call('POST', '/api/regions', '{"code": ')
      expect(notJson.status).toBe(400)
      const badCode = await call('PATCH', '/api/regions/12ab', { name: 'x' })
      expect(badCode.status).toBe(400)
      const missing = await call('PATCH', '/api/regions/350303001001099', { name: 'x' })
      expect(missing.status).toBe(404)
      expect(missing.body.code).toBe('region_not_found')
      const empty = await call('PATCH', `/api/regions/${GRID5}`, {})
      expect(empty.status).toBe(400)
    })

    it('limits a feature to 100,000 vertices and 5 MB, before PostGIS parses it', async () => {
      const n = 100_001
      const ring: number[][] = []
      for (let i = 0; i < n - 1; i++) {
        const t = (2 * Math.PI * i) / (n - 1)
        ring.push([119.045 + 0.004 * Math.cos(t), 25.485 + 0.004 * Math.sin(t)])
      }
      ring.push(ring[0]!)
      const res = await call('PATCH', `/api/regions/${GRID5}`, { geometry: { type: 'Polygon', coordinates: [ring] } })
      expect(res.status).toBe(413)
      expect(res.body).toMatchObject({ code: 'geometry_too_large', limit: 100_000, actual: 100_001, unit: 'vertices' })
      expect(res.body.detail).toContain('100,001 vertices')

      const big = await call('PATCH', `/api/regions/${GRID5}`, { name: 'x', geometry: rect(119.04, 25.475, 119.05, 25.5), pad: 'x'.repeat(5.5 * 1024 * 1024) })
      expect(big.status).toBe(413)
      expect(big.body.code).toBe('geometry_too_large')
      expect(big.body.detail).toContain('5 MB')
    })

    it('deletes by closing the current version; refuses while children or units depend on it', async () => {
      const parent = await call('DELETE', `/api/regions/${COMMUNITY}`)
      expect(parent.status).toBe(409)
      expect(parent.body).toMatchObject({ code: 'region_has_children' })
      expect(parent.body.children).toContain(GRID5)

      await ctx.database.rows(sql`INSERT INTO unit (code, name, kind, region_code) VALUES ('test_grid_team', '网格5 工作站', 'section', ${GRID5})`)
      const inUse = await call('DELETE', `/api/regions/${GRID5}`)
      expect(inUse.status).toBe(409)
      expect(inUse.body).toMatchObject({ code: 'region_in_use', units: ['test_grid_team'] })
      await ctx.database.rows(sql`DELETE FROM unit WHERE code = 'test_grid_team'`)

      const del = await call('DELETE', `/api/regions/${GRID5}`)
      expect(del.status).toBe(204)
      expect((await call('GET', `/api/regions/${GRID5}`)).status).toBe(404)
      expect((await call('DELETE', `/api/regions/${GRID5}`)).status).toBe(404)
      const history = await call('GET', `/api/regions/${GRID5}/versions`)
      const last = history.body.features.at(-1).properties
      expect(last).toMatchObject({ version: 2, current: false })
      const before = await call('GET', `/api/regions/${GRID5}?at=${new Date(Date.parse(last.validTo) - 1).toISOString()}`)
      expect(before.body).toMatchObject({ code: GRID5, version: 2 })
      const cov = await call('GET', `/api/regions/${COMMUNITY}/coverage`)
      expect(cov.body.gapCount).toBe(1)

      // Re-creating the code continues its history.
      const again = await call('POST', '/api/regions', { code: GRID5, name: '网格5', level: 'grid', parentCode: COMMUNITY, geometry: rect(119.04, 25.475, 119.05, 25.5) })
      expect(again.status).toBe(201)
      expect(again.body.version).toBe(3)
      expect((await call('GET', '/api/regions/350303999999999/versions')).status).toBe(404)
    })
  },
  seedFixture,
)
