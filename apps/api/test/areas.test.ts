import { expect, it } from 'vitest'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

// Units and taxonomy come from seed/taxonomy.json: transport owns subclass 0105 (roads), tourism exists,
// 02 is the class 市容环境. The tests run in order on one database.
const rectCw = (w: number, s: number, e: number, n: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[w, s], [w, n], [e, n], [e, s], [w, s]]],
})
const road: GeoJSON.LineString = { type: 'LineString', coordinates: [[119.0, 25.43], [119.1, 25.43], [119.2, 25.43]] }

describeEachEngine(
  'responsibility areas API',
  (ctx) => {
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await testApp(ctx.database, {}, 'admin').request(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as any }
    }
    const ids: Record<string, number> = {}

    it('creates a polygon area, stored as a counter-clockwise MultiPolygon', async () => {
      const res = await call('POST', '/api/areas', { name: '涵江公园景区', unitCode: 'tourism', classCode: '02', geometry: rectCw(119.15, 25.46, 119.17, 25.48) })
      expect(res.status).toBe(201)
      expect(res.headers.get('content-type')).toContain('application/geo+json')
      expect(res.body.type).toBe('Feature')
      expect(res.headers.get('location')).toBe(`/api/areas/${res.body.id}`)
      expect(res.body.geometry.type).toBe('MultiPolygon')
      const ring = res.body.geometry.coordinates[0][0]
      expect(ring[1]).toEqual([119.17, 25.46]) // was [119.15, 25.48]: the ring now runs counter-clockwise
      expect(res.body.properties).toMatchObject({
        name: '涵江公园景区', unitCode: 'tourism', classCode: '02', className: '市容环境', geometryKind: 'polygon',
        bufferM: null, active: true, version: 1, lengthM: null,
      })
      expect(res.body.properties.unitName).toEqual(expect.any(String))
      // 0.02° × 0.02° at 25.47° N ≈ 2.01 km × 2.22 km
      expect(res.body.properties.areaM2 / 1e6).toBeCloseTo(4.46, 1)
      ids.park = res.body.id
    })

    it('creates a line area with a buffer, stored as a MultiLineString', async () => {
      const res = await call('POST', '/api/areas', { name: '县道 X201', unitCode: 'transport', classCode: '0105', geometry: road, bufferM: 50 })
      expect(res.status).toBe(201)
      expect(res.body.geometry.type).toBe('MultiLineString')
      expect(res.body.properties).toMatchObject({ geometryKind: 'line', bufferM: 50, areaM2: null })
      expect(res.body.properties.lengthM / 1000).toBeCloseTo(20.1, 0)
      ids.road = res.body.id
    })

    it('checks kind and buffer: lines need bufferM 1–5000, polygons take none', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ geometry: road }, 'bufferM'],
        [{ geometry: road, bufferM: 0.5 }, 'bufferM'],
        [{ geometry: road, bufferM: 5001 }, 'bufferM'],
        [{ geometry: rectCw(119.15, 25.46, 119.17, 25.48), bufferM: 10 }, 'bufferM'],
        [{ geometry: { type: 'Point', coordinates: [119.1, 25.43] } }, 'geometry.type'],
        [{ geometry: undefined }, 'geometry'],
      ]
      for (const [extra, path] of cases) {
        const res = await call('POST', '/api/areas', { name: 'x', unitCode: 'transport', classCode: '0105', ...extra })
        expect(res.status, JSON.stringify(extra)).toBe(400)
        expect(res.body, JSON.stringify(extra)).toMatchObject({ code: 'validation_failed' })
        expect(res.body.errors[0].path, JSON.stringify(extra)).toBe(path)
      }
      const edge = await call('POST', '/api/areas', { name: '河道', unitCode: 'water_resources', classCode: '010502', geometry: { type: 'MultiLineString', coordinates: [[[119.0, 25.41], [119.05, 25.42]], [[119.05, 25.42], [119.08, 25.41]]] }, bufferM: 5000 })
      expect(edge.status).toBe(201)
      ids.river = edge.body.id
    })

    it('checks the unit exists and classCode is a class, subclass or fine class', async () => {
      const base = { name: 'x', geometry: rectCw(119.15, 25.46, 119.17, 25.48) }
      const unit = await call('POST', '/api/areas', { ...base, unitCode: 'no_such_unit', classCode: '02' })
      expect(unit.status).toBe(422)
      expect(unit.body).toMatchObject({ code: 'unknown_unit', path: 'unitCode' })
      for (const classCode of ['0199', '1', '99', '0105029']) {
        const res = await call('POST', '/api/areas', { ...base, unitCode: 'tourism', classCode })
        expect(res.status, classCode).toBe(422)
        expect(res.body, classCode).toMatchObject({ code: 'unknown_class', path: 'classCode' })
      }
      // Both problems at once are both listed.
      const both = await call('POST', '/api/areas', { ...base, unitCode: 'nobody', classCode: '77' })
      expect(both.body.errors.map((e: any) => e.path)).toEqual(['unitCode', 'classCode'])
    })

    it('refuses invalid geometry with PostGIS’ reason and location, and broken rings by ring', async () => {
      const base = { name: 'x', unitCode: 'tourism', classCode: '02' }
      const bowTie = await call('POST', '/api/areas', {
        ...base,
        geometry: { type: 'Polygon', coordinates: [[[119.15, 25.46], [119.17, 25.48], [119.17, 25.46], [119.15, 25.48], [119.15, 25.46]]] },
      })
      expect(bowTie.status).toBe(422)
      expect(bowTie.body).toMatchObject({ code: 'invalid_geometry', reason: 'Self-intersection' })
      expect(bowTie.body.location.coordinates[0]).toBeCloseTo(119.16, 9)
      expect(bowTie.body.location.coordinates[1]).toBeCloseTo(25.47, 9)

      const unclosed = await call('POST', '/api/areas', { ...base, geometry: { type: 'Polygon', coordinates: [[[119.15, 25.46], [119.17, 25.46], [119.17, 25.48], [119.15, 25.48]]] } })
      expect(unclosed.status).toBe(422)
      expect(unclosed.body).toMatchObject({ code: 'invalid_geometry', reason: 'Ring not closed', path: 'geometry.coordinates.0' })

      const shortLine = await call('POST', '/api/areas', { ...base, geometry: { type: 'LineString', coordinates: [[119.1, 25.43]] }, bufferM: 10 })
      expect(shortLine.status).toBe(422)
      expect(shortLine.body.reason).toBe('Too few points in line')
      const degenerate = await call('POST', '/api/areas', { ...base, geometry: { type: 'LineString', coordinates: [[119.1, 25.43], [119.1, 25.43]] }, bufferM: 10 })
      expect(degenerate.status).toBe(422)
      expect(degenerate.body.code).toBe('invalid_geometry')

      const n = 100_001
      const long = { type: 'LineString', coordinates: Array.from({ length: n }, (_, i) => [119 + (0.2 * i) / n, 25.43]) }
      const big = await call('POST', '/api/areas', { ...base, geometry: long, bufferM: 10 })
      expect(big.status).toBe(413)
      expect(big.body).toMatchObject({ code: 'geometry_too_large', actual: n })
    })

    it('lists areas as a FeatureCollection, filtered by unit or by the class they apply to', async () => {
      const all = await call('GET', '/api/areas')
      expect(all.status).toBe(200)
      expect(all.body.type).toBe('FeatureCollection')
      expect(all.body.features.map((f: any) => f.id)).toEqual([ids.park, ids.road, ids.river])
      const transport = await call('GET', '/api/areas?unitCode=transport')
      expect(transport.body.features.map((f: any) => f.id)).toEqual([ids.road])
      // 010502 is in 0105 (the road) and is the river's own class; the park is class 02.
      const forFine = await call('GET', '/api/areas?classCode=010502')
      expect(forFine.body.features.map((f: any) => f.id)).toEqual([ids.road, ids.river])
      expect((await call('GET', '/api/areas?classCode=7')).status).toBe(400)
    })

    it('gets one area; 404 and 400 for unknown and malformed ids', async () => {
      const res = await call('GET', `/api/areas/${ids.road}`)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ type: 'Feature', id: ids.road, properties: { name: '县道 X201', className: '道路交通设施' } })
      const missing = await call('GET', '/api/areas/99999')
      expect(missing.status).toBe(404)
      expect(missing.body.code).toBe('area_not_found')
      expect((await call('GET', '/api/areas/abc')).status).toBe(400)
      expect((await call('GET', '/api/areas/-1')).status).toBe(400)
    })

    it('updates with version checks; changing the kind re-checks the buffer', async () => {
      const renamed = await call('PATCH', `/api/areas/${ids.road}`, { name: '县道 X201 涵江段', version: 1 })
      expect(renamed.status).toBe(200)
      expect(renamed.headers.get('x-change')).toBe('updated')
      expect(renamed.body.properties).toMatchObject({ name: '县道 X201 涵江段', version: 2, bufferM: 50 })
      const same = await call('PATCH', `/api/areas/${ids.road}`, { name: '县道 X201 涵江段' })
      expect(same.headers.get('x-change')).toBe('unchanged')
      expect(same.body.properties.version).toBe(2)
      const stale = await call('PATCH', `/api/areas/${ids.road}`, { name: 'x', version: 1 })
      expect(stale.status).toBe(409)
      expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: 2 })

      // polygon → line needs a buffer; line → polygon drops it.
      const noBuffer = await call('PATCH', `/api/areas/${ids.park}`, { geometry: road })
      expect(noBuffer.status).toBe(400)
      expect(noBuffer.body.errors[0].path).toBe('bufferM')
      const toLine = await call('PATCH', `/api/areas/${ids.park}`, { geometry: road, bufferM: 30 })
      expect(toLine.body.properties).toMatchObject({ geometryKind: 'line', bufferM: 30, version: 2 })
      const toPolygon = await call('PATCH', `/api/areas/${ids.park}`, { geometry: rectCw(119.15, 25.46, 119.17, 25.48) })
      expect(toPolygon.body.properties).toMatchObject({ geometryKind: 'polygon', bufferM: null, version: 3 })
      const buffer = await call('PATCH', `/api/areas/${ids.road}`, { bufferM: 9000 })
      expect(buffer.status).toBe(400)
      const unit = await call('PATCH', `/api/areas/${ids.road}`, { unitCode: 'ghost' })
      expect(unit.status).toBe(422)
      expect(unit.body.code).toBe('unknown_unit')
      expect((await call('PATCH', `/api/areas/${ids.road}`, {})).status).toBe(400)
      expect((await call('PATCH', '/api/areas/99999', { name: 'x' })).status).toBe(404)
    })

    it('deletes by deactivating (idempotent); inactive areas leave the list unless asked for', async () => {
      const del = await call('DELETE', `/api/areas/${ids.river}`)
      expect(del.status).toBe(204)
      expect((await call('DELETE', `/api/areas/${ids.river}`)).status).toBe(204)
      const one = await call('GET', `/api/areas/${ids.river}`)
      expect(one.body.properties).toMatchObject({ active: false, version: 2 })
      const list = await call('GET', '/api/areas')
      expect(list.body.features.map((f: any) => f.id)).toEqual([ids.park, ids.road])
      const withInactive = await call('GET', '/api/areas?includeInactive=true')
      expect(withInactive.body.features).toHaveLength(3)
      expect((await call('DELETE', '/api/areas/99999')).status).toBe(404)
    })
  },
  seedFixture,
)
