import { expect, it } from 'vitest'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

/**
 * The six ways bad input used to answer 500, each now a 4xx problem that names what is wrong: NUL / unpaired
 * surrogates in text (body, query, path, file names), a non-JSON body to the assignment API, malformed geometry
 * from a grid admin (the scope check read it first), a whole-world polygon, a year-1 deadline preview.
 */
describeEachEngine(
  'bad input: 4xx problems, never 500',
  (ctx) => {
    const as = (role: string, username = role) => testApp(ctx.database, {}, { role: role as 'admin', username })
    const expectProblem = async (res: Response, status: number, match?: RegExp) => {
      const body = (await res.json()) as { status: number; code: string; detail: string; errors?: { path: string }[] }
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(body.status).toBe(status)
      if (match) expect(body.detail).toMatch(match)
      expect(body.detail).not.toMatch(/SELECT|INSERT|UPDATE|ST_|postgres|pglite/i)
      return body
    }
    const json = (method: string, body: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) })
    const incident = { channel: 'hotline_12345', requestType: 'complaint', description: '路边垃圾堆积', location: { lng: 119.05, lat: 25.45 } }

    it('NUL or an unpaired surrogate anywhere in the text: a 400 naming the field', async () => {
      const seat = as('dispatcher')
      const nul = await expectProblem(await seat.request('/api/incidents', json('POST', { ...incident, description: 'a\u0000b' })), 400, /NUL/)
      expect(nul.errors?.[0]?.path).toBe('body.description')
      await expectProblem(await seat.request('/api/incidents', json('POST', { ...incident, address: 'x\ud800' })), 400, /surrogate/)
      await expectProblem(await seat.request('/api/incidents', json('POST', '{"description":"\\ud800"}')), 400, /surrogate/)
      await expectProblem(await testApp(ctx.database).request('/api/public/reports', json('POST', { description: '路灯不亮\u0000三天', phone: '13700001234' })), 400, /NUL/)
      await expectProblem(await as('admin').request('/api/regions', json('POST', { code: '350303001009', name: '社\u0000区', level: 'community', parentCode: '350303001000', geometry: { type: 'Polygon', coordinates: [[[119.01, 25.41], [119.02, 25.41], [119.02, 25.42], [119.01, 25.41]]] } })), 400, /NUL/)
      await expectProblem(await seat.request('/api/incidents?q=%00'), 400, /query parameter q/)
      await expectProblem(await seat.request('/api/incidents/%00'), 400, /path/)
      await expectProblem(await seat.request('/api/incidents/%ED%A0%80'), 400, /path/)
      await expectProblem(await seat.request('/api/places?q=%ED%A0%80'), 400, /query parameter q/)
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])]), 'a\u0000.jpg')
      const upload = await as('inspector').request('/api/photos', { method: 'POST', body: form })
      expect(upload.status).toBeGreaterThanOrEqual(400)
      expect(upload.status).toBeLessThan(500)
    })

    it('POST /api/assign with a body that is not JSON: 400 (malformed) or 415 (not declared JSON)', async () => {
      const viewer = as('viewer')
      await expectProblem(await viewer.request('/api/assign', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'lng=1' }), 400, /not valid JSON/)
      await expectProblem(await viewer.request('/api/assign', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'lng=1' }), 415)
    })

    it('malformed geometry from a grid admin is refused by validation before the scope check reads it', async () => {
      const grid = testApp(ctx.database, {}, { role: 'grid_admin', username: 'bad-input-grid' })
      const area = (geometry: unknown) => json('POST', { name: '责任区', unitCode: 'city_admin', classCode: '02', geometry })
      await expectProblem(await grid.request('/api/areas', area({ type: 'Polygon', coordinates: 'x' })), 400)
      await expectProblem(await grid.request('/api/areas', area({ type: 'Polygon', coordinates: [[[119.01, 25.41], [119.02, 25.41], [119.02, 25.42]]] })), 422, /not closed|at least 4/)
      await expectProblem(await grid.request('/api/areas', area({ type: 'Polygon', coordinates: [[['NaN', 25.41], [119.02, 25.41], [119.02, 25.42], ['NaN', 25.41]]] })), 400)
      await expectProblem(await grid.request('/api/areas', area(null)), 400)
    })

    it('a whole-world polygon (import and single write) is refused as outside China, not a PostGIS error', async () => {
      const world = { type: 'Polygon', coordinates: [[[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]] }
      const imported = await as('admin').request(
        '/api/areas/import',
        json('POST', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '全球', unitCode: 'city_admin', classCode: '02' }, geometry: world }] }),
      )
      const body = await expectProblem(imported, 422)
      expect(JSON.stringify(body)).toContain('Outside China')
      await expectProblem(await as('admin').request('/api/areas', json('POST', { name: '全球', unitCode: 'city_admin', classCode: '02', geometry: world })), 422, /outside China/)
      await expectProblem(await as('admin').request('/api/regions/import', json('POST', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '350303001009', name: '全球', level: 'community' }, geometry: world }] })), 422)
    })

    it('GET /api/deadlines/preview with a start in year 1 or 9999: 400 naming start', async () => {
      const seat = as('dispatcher')
      for (const start of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
        const p = await expectProblem(await seat.request(`/api/deadlines/preview?type=complaint&start=${encodeURIComponent(start)}`), 400, /start/)
        expect(p.errors?.[0]?.path).toBe('start')
      }
      expect((await seat.request('/api/deadlines/preview?type=complaint&start=2026-11-26T09:00:00%2B08:00')).status).toBe(200)
    })
  },
  seedFixture,
)
