import { expect, it } from 'vitest'
import type { Database } from '../src/db/types.ts'
import { seedReference } from '../src/seed/reference.ts'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine, openTestDatabase } from './engines.ts'

// Fixture: 1 district, 2 streets, 4 communities, 16 grids of rectangles (test/fixtures/regions.ts).
// Street 涵西 350303002000 holds communities 350303002001 (25.45–25.50 N) and 350303002002 (25.40–25.45 N).
const rect = (w: number, s: number, e: number, n: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
})
const feature = (properties: Record<string, unknown>, geometry: unknown, id?: unknown) => ({ type: 'Feature', ...(id === undefined ? {} : { id }), properties, geometry })
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features })

async function setup(database: Database) {
  await seedFixture(database)
  const app = testApp(database, {}, 'admin')
  const post = (body: unknown) => app.request('/api/areas', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  await post({ name: '涵江公园景区', unitCode: 'tourism', classCode: '02', geometry: rect(119.15, 25.46, 119.17, 25.48) })
  const gone = (await (await post({ name: '旧码头', unitCode: 'transport', classCode: '0105', geometry: rect(119.01, 25.41, 119.02, 25.42) })).json()) as { id: number }
  await app.request(`/api/areas/${gone.id}`, { method: 'DELETE' })
  // Awkward coordinates: many digits, a hole, a multi-part line.
  await post({
    name: '三江口片区', unitCode: 'city_admin', classCode: '020601',
    geometry: {
      type: 'MultiPolygon',
      coordinates: [[
        [[119.0123456789012, 25.4012345678901], [119.0456789012345, 25.4012345678901], [119.0456789012345, 25.4198765432109], [119.0123456789012, 25.4198765432109], [119.0123456789012, 25.4012345678901]],
        [[119.02, 25.405], [119.02, 25.41], [119.03, 25.41], [119.03, 25.405], [119.02, 25.405]],
      ]],
    },
  })
  await post({ name: '木兰溪', unitCode: 'water_resources', classCode: '0101', bufferM: 120.5, geometry: { type: 'MultiLineString', coordinates: [[[119.0, 25.44], [119.1, 25.441]], [[119.1, 25.441], [119.2, 25.439]]] } })
}

describeEachEngine(
  'GeoJSON import and export',
  (ctx) => {
    const call = async (database: Database, method: string, path: string, body?: unknown) => {
      const res = await testApp(database, {}, 'admin').request(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      })
      const text = await res.text()
      const json = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null
      return { status: res.status, headers: res.headers, text, body: json as any }
    }
    const api = (method: string, path: string, body?: unknown) => call(ctx.database, method, path, body)

    /** A fresh database with the reference data (units, taxonomy) and no regions or areas. */
    async function withEmptyDatabase(fn: (database: Database) => Promise<void>) {
      const empty = await openTestDatabase(ctx.engine)
      try {
        await empty.database.db.transaction((tx) => seedReference(empty.database, tx).then(() => undefined))
        await fn(empty.database)
      } finally {
        await empty.dispose()
      }
    }

    it('exports regions as a FeatureCollection keyed by code, by level or all', async () => {
      const res = await api('GET', '/api/regions/export')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('application/geo+json')
      expect(res.headers.get('content-disposition')).toContain('regions.geojson')
      expect(res.body.features).toHaveLength(23)
      expect(res.body.features.map((f: any) => f.properties.level).slice(0, 4)).toEqual(['district', 'street', 'street', 'community'])
      expect(res.body.features[1]).toEqual({
        type: 'Feature',
        id: '350303001000',
        geometry: { type: 'MultiPolygon', coordinates: [[[[119, 25.4], [119.1, 25.4], [119.1, 25.5], [119, 25.5], [119, 25.4]]]] },
        properties: { code: '350303001000', name: '涵东街道', level: 'street', parentCode: '350303000000' },
      })
      const grids = await api('GET', '/api/regions/export?level=grid')
      expect(grids.body.features).toHaveLength(16)
      expect((await api('GET', '/api/regions/export?level=town')).status).toBe(400)
    })

    it('round-trips regions exactly: export → import into an empty database → export is byte-identical', async () => {
      const exported = (await api('GET', '/api/regions/export')).text
      const grids = (await api('GET', '/api/regions/export?level=grid')).text
      await withEmptyDatabase(async (empty) => {
        expect(JSON.parse((await call(empty, 'GET', '/api/regions/export')).text).features).toEqual([])
        // Grids alone cannot go in: their communities are neither in the database nor in the file.
        const orphans = await call(empty, 'POST', '/api/regions/import', grids)
        expect(orphans.status).toBe(422)
        expect(orphans.body.issues).toHaveLength(16)
        expect(orphans.body.issues.every((i: any) => i.code === 'parent_not_found')).toBe(true)

        const imported = await call(empty, 'POST', '/api/regions/import', exported)
        expect(imported.status).toBe(200)
        expect(imported.body).toMatchObject({ dryRun: false, created: 23, updated: 0, unchanged: 0 })
        expect(imported.body.features[0]).toEqual({ index: 0, code: '350303000000', action: 'created', version: 1 })
        expect((await call(empty, 'GET', '/api/regions/export')).text).toBe(exported)
        // Importing the same file again changes nothing.
        const again = await call(empty, 'POST', '/api/regions/import', exported)
        expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 23 })
        expect((await call(empty, 'GET', '/api/regions/350303001001001')).body.version).toBe(1)
      })
    })

    it('round-trips areas exactly, ids included, and new areas get ids after the imported ones', async () => {
      const res = await api('GET', '/api/areas/export')
      expect(res.status).toBe(200)
      const exported = res.text
      const parsed = JSON.parse(exported)
      // The deleted area (id 2) is not exported; ids keep their gap.
      expect(parsed.features.map((f: any) => f.id)).toEqual([1, 3, 4])
      expect(parsed.features[0].properties).toEqual({ name: '涵江公园景区', unitCode: 'tourism', classCode: '02', bufferM: null })
      expect(parsed.features[1].geometry.coordinates[0][0][0]).toEqual([119.0123456789012, 25.4012345678901])
      expect(parsed.features[2].properties.bufferM).toBe(120.5)

      await withEmptyDatabase(async (empty) => {
        const imported = await call(empty, 'POST', '/api/areas/import', exported)
        expect(imported.status).toBe(200)
        expect(imported.body).toMatchObject({ created: 3, updated: 0, unchanged: 0 })
        expect((await call(empty, 'GET', '/api/areas/export')).text).toBe(exported)
        const again = await call(empty, 'POST', '/api/areas/import', exported)
        expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 })
        const created = await call(empty, 'POST', '/api/areas', { name: '新区域', unitCode: 'tourism', classCode: '02', geometry: rect(119.1, 25.41, 119.11, 25.42) })
        expect(created.status).toBe(201)
        expect(created.body.id).toBe(5)
      })
    })

    it('imports an edit of parent and children together, which single PATCHes could not do in either order', async () => {
      // Move the boundary between the two 涵西 communities from 25.45 to 25.46 N, with their grids.
      const north = '350303002001'
      const south = '350303002002'
      const file = fc([
        feature({ code: north, name: '涵西北社区', level: 'community', parentCode: '350303002000' }, rect(119.1, 25.46, 119.2, 25.5)),
        feature({ code: `${north}003`, name: '网格3', level: 'grid', parentCode: north }, rect(119.1, 25.46, 119.15, 25.475)),
        feature({ code: `${north}004`, name: '网格4', level: 'grid', parentCode: north }, rect(119.15, 25.46, 119.2, 25.475)),
        feature({ code: south, name: '涵西南社区', level: 'community', parentCode: '350303002000' }, rect(119.1, 25.4, 119.2, 25.46)),
        feature({ code: `${south}001`, name: '网格1', level: 'grid', parentCode: south }, rect(119.1, 25.425, 119.15, 25.46)),
        feature({ code: `${south}002`, name: '网格2', level: 'grid', parentCode: south }, rect(119.15, 25.425, 119.2, 25.46)),
      ])
      const alone = await api('PATCH', `/api/regions/${south}`, { geometry: rect(119.1, 25.4, 119.2, 25.46) })
      expect(alone.status).toBe(422)
      expect(alone.body.code).toBe('sibling_overlap')

      const dry = await api('POST', '/api/regions/import?dryRun=true', file)
      expect(dry.status).toBe(200)
      expect(dry.body).toMatchObject({ dryRun: true, created: 0, updated: 6, unchanged: 0 })
      expect((await api('GET', `/api/regions/${south}`)).body.version).toBe(1)

      const res = await api('POST', '/api/regions/import', file)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ dryRun: false, updated: 6 })
      expect(res.body.features.every((f: any) => f.version === 2)).toBe(true)
      for (const code of [north, south, '350303002000']) {
        expect((await api('GET', `/api/regions/${code}/coverage`)).body.gapCount, code).toBe(0)
      }
    })

    it('refuses an import with per-feature problems and writes nothing', async () => {
      const community = '350303001002'
      const n = 100_001
      const circle = Array.from({ length: n }, (_, i) => {
        const t = (2 * Math.PI * (i % (n - 1))) / (n - 1)
        return [119.05 + 0.001 * Math.cos(t), 25.44 + 0.001 * Math.sin(t)]
      })
      const file = fc([
        // 0: a valid rename, which must not be applied
        feature({ code: `${community}001`, name: '改名', level: 'grid', parentCode: community }, rect(119.0, 25.425, 119.05, 25.45)),
        // 1: bow-tie
        feature({ code: `${community}005`, name: 'x', level: 'grid', parentCode: community },
          { type: 'Polygon', coordinates: [[[119.01, 25.41], [119.03, 25.42], [119.03, 25.41], [119.01, 25.42], [119.01, 25.41]]] }),
        // 2: a grid code that is not the community's
        feature({ code: '350303002002006', name: 'x', level: 'grid', parentCode: community }, rect(119.0, 25.4, 119.01, 25.41)),
        // 3: no name, unknown level
        feature({ code: `${community}007`, level: 'cell', parentCode: community }, rect(119.0, 25.4, 119.01, 25.41)),
        // 4: unclosed ring
        feature({ code: `${community}008`, name: 'x', level: 'grid', parentCode: community }, { type: 'Polygon', coordinates: [[[119.0, 25.4], [119.01, 25.4], [119.01, 25.41]]] }),
        // 5: too many vertices
        feature({ code: `${community}009`, name: 'x', level: 'grid', parentCode: community }, { type: 'Polygon', coordinates: [circle] }),
        // 6: not a feature
        { type: 'Point', coordinates: [119, 25] },
        // 7: the same code twice
        feature({ code: `${community}001`, name: '改名', level: 'grid', parentCode: community }, rect(119.0, 25.425, 119.05, 25.45)),
        // 8: parent missing
        feature({ code: '350303001009001', name: 'x', level: 'grid', parentCode: '350303001009' }, rect(119.0, 25.4, 119.01, 25.41)),
      ])
      const res = await api('POST', '/api/regions/import', file)
      expect(res.status).toBe(422)
      expect(res.body.code).toBe('import_invalid')
      expect(res.body.detail).toContain('8 of 9 features')
      const byFeature = (i: number) => res.body.issues.filter((x: any) => x.feature === i)
      expect(byFeature(0)).toEqual([])
      expect(byFeature(1)[0]).toMatchObject({ code: 'invalid_geometry', reason: 'Self-intersection', location: { type: 'Point', coordinates: [119.02, 25.415] } })
      expect(byFeature(2)[0]).toMatchObject({ code: 'invalid_code', path: 'properties.code' })
      expect(byFeature(3).map((x: any) => x.path).sort()).toEqual(['properties.level', 'properties.name'])
      expect(byFeature(4)[0]).toMatchObject({ code: 'invalid_geometry', reason: 'Too few points in ring' })
      expect(byFeature(5)[0]).toMatchObject({ code: 'geometry_too_large', actual: n, limit: 100_000 })
      expect(byFeature(6)[0]).toMatchObject({ code: 'validation_failed', path: 'type' })
      expect(byFeature(7)[0]).toMatchObject({ code: 'duplicate_code' })
      expect(byFeature(8)[0]).toMatchObject({ code: 'parent_not_found' })
      expect(res.body.errors.find((e: any) => e.path.startsWith('features.1.'))).toMatchObject({ path: 'features.1.geometry' })
      expect((await api('GET', `/api/regions/${community}001`)).body).toMatchObject({ name: '网格1', version: 1 })
    })

    it('refuses an import whose result would overlap or stick out, listing each offending area', async () => {
      const community = '350303001002' // 119.00–119.10 × 25.40–25.45, grids 001–004
      const file = fc([
        feature({ code: `${community}001`, name: '网格1', level: 'grid', parentCode: community }, rect(119.0, 25.425, 119.06, 25.45)),
        feature({ code: `${community}003`, name: '网格3', level: 'grid', parentCode: community }, rect(119.0, 25.399, 119.05, 25.425)),
      ])
      const res = await api('POST', '/api/regions/import', file)
      expect(res.status).toBe(422)
      expect(res.body.issues).toHaveLength(2)
      const [overlap, outside] = res.body.issues
      expect(overlap).toMatchObject({ feature: 0, code: 'sibling_overlap', regionCode: `${community}001`, siblingCode: `${community}002` })
      expect(overlap.geometry.type).toBe('MultiPolygon')
      expect(overlap.areaM2 / 1e6).toBeCloseTo(2.79, 1)
      expect(outside).toMatchObject({ feature: 1, code: 'outside_parent', regionCode: `${community}003`, parentCode: community })
      expect(res.body.errors.map((e: any) => e.path)).toEqual(['features.0.geometry', 'features.1.geometry'])
      expect((await api('GET', `/api/regions/${community}001`)).body.version).toBe(1)
    })

    it('checks and measures children whose shared edges carry many intermediate vertices (robust overlays on both engines)', async () => {
      // The floating-point overlay of such edges needs GEOS' internal retry, which PGlite turns into an
      // empty result; the checks use a snap-rounding overlay instead (see OVERLAY_GRID_DEG).
      const community = '350303001001' // 119.00–119.10 × 25.45–25.50
      for (const g of ['001', '002', '003', '004']) expect((await api('DELETE', `/api/regions/${community}${g}`)).status).toBe(204)
      const wiggly = (w: number, s: number, e: number, n: number, dx = 0): GeoJSON.Polygon => {
        const ring: number[][] = []
        const side = (x0: number, y0: number, x1: number, y1: number) => {
          for (let q = 0; q < 40; q++) ring.push([x0 + ((x1 - x0) * q) / 40 + dx, y0 + ((y1 - y0) * q) / 40])
        }
        side(w, s, e, s); side(e, s, e, n); side(e, n, w, n); side(w, n, w, s)
        ring.push(ring[0]!)
        return { type: 'Polygon', coordinates: [ring] }
      }
      const cell = (i: number, j: number, dx = 0) =>
        feature({ code: `${community}00${i * 3 + j + 1}`, name: `网格${i * 3 + j + 1}`, level: 'grid', parentCode: community },
          wiggly(119 + (0.1 * i) / 3, 25.45 + (0.05 * j) / 3, 119 + (0.1 * (i + 1)) / 3, 25.45 + (0.05 * (j + 1)) / 3, dx))
      const cells = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => cell(i, j)))
      const res = await api('POST', '/api/regions/import', fc(cells))
      expect(res.status).toBe(200)
      expect(res.body.created).toBe(9)
      const cov = await api('GET', `/api/regions/${community}/coverage`)
      expect(cov.status).toBe(200)
      expect(cov.body).toMatchObject({ childCount: 9, gapCount: 0 })
      // Shift the middle cell 0.0005° (≈ 50 m) east: it overlaps its east neighbour and leaves a gap.
      const shifted = await api('POST', '/api/regions/import', fc([cell(1, 1, 0.0005)]))
      expect(shifted.status).toBe(422)
      expect(shifted.body.issues.map((i: any) => [i.code, i.siblingCode])).toEqual([['sibling_overlap', `${community}008`]])
      expect(shifted.body.issues[0].areaM2).toBeCloseTo(50.3 * 1850, -3)
    })

    it('refuses areas imports with per-feature problems; upserts by id', async () => {
      const bad = fc([
        feature({ name: 'a', unitCode: 'ghost', classCode: '02' }, rect(119.1, 25.41, 119.11, 25.42)),
        feature({ name: 'b', unitCode: 'transport', classCode: '0105' }, { type: 'LineString', coordinates: [[119, 25.4], [119.1, 25.4]] }),
        feature({ name: 'c', unitCode: 'transport', classCode: '0105', bufferM: 10 }, { type: 'LineString', coordinates: [[119, 25.4], [119.1, 25.4]] }, 7),
        feature({ name: 'd', unitCode: 'transport', classCode: '0105', bufferM: 10 }, { type: 'LineString', coordinates: [[119, 25.4], [119.1, 25.4]] }, 7),
        feature({ name: 'e', unitCode: 'tourism', classCode: '02' }, rect(119.1, 25.41, 119.11, 25.42), 'abc'),
      ])
      const res = await api('POST', '/api/areas/import', bad)
      expect(res.status).toBe(422)
      expect(res.body.code).toBe('import_invalid')
      expect(res.body.issues.map((i: any) => [i.feature, i.code])).toEqual([
        [0, 'unknown_unit'], [1, 'validation_failed'], [3, 'duplicate_id'], [4, 'validation_failed'],
      ])
      expect((await api('GET', '/api/areas/7')).status).toBe(404)

      // Upsert: rename area 1 by id, reactivate area 2, add one without id.
      const before = JSON.parse((await api('GET', '/api/areas/export')).text)
      const park = before.features[0]
      const gone = await api('GET', '/api/areas/2')
      const ok = await api('POST', '/api/areas/import', fc([
        { ...park, properties: { ...park.properties, name: '涵江公园' } },
        feature({ name: gone.body.properties.name, unitCode: 'transport', classCode: '0105' }, gone.body.geometry, 2),
        feature({ name: '新增', unitCode: 'tourism', classCode: '02' }, rect(119.1, 25.41, 119.11, 25.42)),
      ]))
      expect(ok.status).toBe(200)
      expect(ok.body.features.map((f: any) => [f.id, f.action])).toEqual([[1, 'updated'], [2, 'updated'], [5, 'created']])
      expect((await api('GET', '/api/areas/2')).body.properties.active).toBe(true)
      expect((await api('GET', '/api/areas/1')).body.properties).toMatchObject({ name: '涵江公园', version: 2 })
    })

    it('answers a body that is not a FeatureCollection with 400', async () => {
      for (const path of ['/api/regions/import', '/api/areas/import']) {
        const res = await api('POST', path, { type: 'Feature', properties: {}, geometry: null })
        expect(res.status, path).toBe(400)
        expect(res.body.code).toBe('validation_failed')
        expect((await api('POST', path, '[1,')).status).toBe(400)
      }
      const empty = await api('POST', '/api/regions/import', fc([]))
      expect(empty.body).toMatchObject({ created: 0, updated: 0, unchanged: 0, features: [] })
    })
  },
  setup,
)
