import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, incidentApi } from './incidents-helpers.ts'
import { getTile, insertGridOfIncidents, tileAt } from './tiles-helpers.ts'

/**
 * GET /api/tiles/{layer}/{z}/{x}/{y}.mvt on both engines: decoded features and properties, gzip, ETag/304, exactly
 * which layers a write invalidates, row scope of incidents and routes, and RFC 9457 errors. The two engines'
 * tiles are compared feature by feature in tiles-agreement.test.ts.
 */

// The fixture district is 119.0–119.2 E × 25.40–25.50 N (test/fixtures/regions.ts).
const DISTRICT_TILE = tileAt(119.1, 25.45, 10)
const EAST = tileAt(119.15, 25.475, 13)
const tilePath = (layer: string, t: { z: number; x: number; y: number }, query = '') => `/api/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt${query}`
const GRID1 = '350303001001001'
/** Synthetic incidents inside DISTRICT_TILE, every 4th in a knot at the box's centre (test/tiles-helpers.ts). */
const INCIDENT_BOX: [number, number, number, number] = [119.01, 25.41, 119.17, 25.475]
const KNOT_TILE = tileAt(119.09, 25.4425, 15)

describeEachEngine(
  'vector tiles',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const get = (path: string, who: Parameters<typeof getTile>[2] = 'viewer', headers: Record<string, string> = {}) => getTile(ctx.database, path, who, headers)

    it('answers a region level as a vector tile with its properties, gzip when asked', async () => {
      const r = await get(tilePath('streets', DISTRICT_TILE), null, { 'accept-encoding': 'gzip' })
      expect(r.status).toBe(200)
      expect(r.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile')
      expect(r.headers.get('content-encoding')).toBe('gzip')
      expect(r.headers.get('etag')).toMatch(/^"streets\.\d+\.[\w-]+"$/)
      expect(Object.keys(r.layers)).toEqual(['streets'])
      const streets = r.layers.streets!.map((f) => f.properties).sort((a, b) => String(a.code).localeCompare(String(b.code)))
      expect(streets).toEqual([
        { code: '350303001000', name: '涵东街道', level: 'street', parentCode: '350303000000' },
        { code: '350303002000', name: '涵西街道', level: 'street', parentCode: '350303000000' },
      ])
      expect(r.layers.streets!.every((f) => f.type === 'Polygon' && typeof f.id === 'number')).toBe(true)

      // Without Accept-Encoding: the same tile, not compressed.
      const plain = await get(tilePath('streets', DISTRICT_TILE), null)
      expect(plain.headers.get('content-encoding')).toBeNull()
      expect(Buffer.from(plain.bytes).equals(Buffer.from(r.bytes))).toBe(true)

      const grids = await get(tilePath('grids', EAST), null)
      expect(grids.layers.grids!.length).toBeGreaterThan(0)
      expect(grids.layers.grids!.every((f) => f.properties.level === 'grid' && String(f.properties.code).length === 15)).toBe(true)
      // A tile the district does not meet is empty (and still a tile).
      const far = await get(tilePath('communities', tileAt(100, 40, 10)), null)
      expect(far.status).toBe(200)
      expect(far.bytes.length).toBe(0)
      expect(far.layers).toEqual({})
    })

    it('answers 304 to a current ETag, and a new tile only for the layer a write touched', async () => {
      const paths = { grids: tilePath('grids', EAST), streets: tilePath('streets', DISTRICT_TILE), communities: tilePath('communities', DISTRICT_TILE), incidents: tilePath('incidents', DISTRICT_TILE) }
      const tags: Record<string, string> = {}
      for (const [k, p] of Object.entries(paths)) {
        const r = await get(p)
        expect(r.status).toBe(200)
        tags[k] = r.headers.get('etag')!
        const again = await get(p, 'viewer', { 'if-none-match': tags[k] })
        expect(again.status, k).toBe(304)
        expect(again.bytes.length).toBe(0)
      }
      // A grid's new version: the grid tiles change, no other layer's.
      const before = new Date().toISOString()
      await new Promise((r) => setTimeout(r, 5))
      const edit = await api.call('PATCH', `/api/regions/${GRID1}`, { geometry: { type: 'MultiPolygon', coordinates: [[[[119.0, 25.48], [119.04, 25.48], [119.04, 25.5], [119.0, 25.5], [119.0, 25.48]]]] } }, {}, 'admin')
      expect(edit.status).toBe(200)
      const status = async (k: keyof typeof paths) => (await get(paths[k], 'viewer', { 'if-none-match': tags[k]! })).status
      expect(await status('grids')).toBe(200)
      expect(await status('streets')).toBe(304)
      expect(await status('communities')).toBe(304)
      expect(await status('incidents')).toBe(304)
      // The version valid before the edit is still there, at its own time.
      const west = tilePath('grids', tileAt(119.02, 25.48, 13))
      const now = (await get(west)).layers.grids!.find((f) => f.properties.code === GRID1)!
      const then = (await get(`${west}?asOf=${encodeURIComponent(before)}`)).layers.grids!.find((f) => f.properties.code === GRID1)!
      expect(now.id).not.toBe(then.id)
      const ys = (f: typeof now) => f.geometry.flat().map((p) => p.y)
      expect(Math.max(...ys(now))).toBeLessThan(Math.max(...ys(then)))

      // An incident write: the incident tiles change, the region tiles do not.
      const grids = (await get(paths.grids)).headers.get('etag')!
      expect((await api.create(complaint({ location: { lng: 119.15, lat: 25.47 } }))).status).toBe(201)
      expect(await status('incidents')).toBe(200)
      expect((await get(paths.grids, 'viewer', { 'if-none-match': grids })).status).toBe(304)
      expect(await status('streets')).toBe(304)
    })

    it('sends incident cluster cells zoomed out and single incidents from street zoom on, with the map filters', async () => {
      await ctx.database.rows(sql`TRUNCATE incident CASCADE`)
      await insertGridOfIncidents(ctx.database, 400, INCIDENT_BOX)
      const cells = (await get(tilePath('incidents', DISTRICT_TILE))).layers.incidents!
      const total = cells.reduce((s, f) => s + Number(f.properties.count), 0)
      expect(total).toBe(400)
      const clusters = cells.filter((f) => f.properties.kind === 'cluster')
      expect(clusters.length).toBeGreaterThan(0)
      const knot = clusters.reduce((a, b) => (Number(a.properties.count) > Number(b.properties.count) ? a : b))
      expect(Number(knot.properties.count)).toBeGreaterThanOrEqual(100)
      expect(knot.properties.label).toBe(String(knot.properties.count))
      expect(Number(knot.properties.urgent)).toBeGreaterThan(0)
      expect(knot.properties.id).toMatch(/^10\/\d+\/\d+\/\d\/\d$/)

      // Filters: the tile holds only what the map's filter asks for.
      const count = async (q: string) => (await get(tilePath('incidents', DISTRICT_TILE, `?${q}`))).layers.incidents?.reduce((s, f) => s + Number(f.properties.count), 0) ?? 0
      expect(await count('state=closed')).toBe(57)
      expect(await count('state=reported,registered')).toBe(115)
      expect(await count('fineClass=0105')).toBe(100)
      expect(await count('unit=tourism')).toBe(133)
      expect(await count('street=350303001000')).toBe(200)
      expect(await count('from=2026-01-01T01:00:00%2B00:00&to=2026-01-01T02:00:00%2B00:00')).toBe(60)

      // Street zoom: points with the point properties, one per incident.
      const street = KNOT_TILE
      const pts = (await get(tilePath('incidents', street))).layers.incidents!
      expect(pts.length).toBeGreaterThan(0)
      expect(pts.every((f) => f.type === 'Point' && f.properties.kind === 'point' && f.properties.count === 1)).toBe(true)
      const [one] = pts
      expect(one!.properties).toEqual(
        expect.objectContaining({ id: expect.stringMatching(/^HJT-\d{6}$/), state: expect.any(String), track: expect.any(String), fineClass: expect.any(String), unitCode: expect.any(String) }),
      )
      expect([0, 1]).toContain(one!.properties.urgent)
      expect([0, 1]).toContain(one!.properties.overdue)
    })

    it("never widens what a role sees: a unit's user gets its incidents, an inspector its areas, handlers no routes", async () => {
      const units = async (who: Parameters<typeof get>[1]) => {
        const r = await get(tilePath('incidents', KNOT_TILE), who)
        expect(r.status).toBe(200)
        return new Set((r.layers.incidents ?? []).map((f) => f.properties.unitCode))
      }
      expect(await units('viewer')).toEqual(new Set(['transport', 'city_admin', 'tourism']))
      expect(await units({ role: 'handler', unit: 'transport' })).toEqual(new Set(['transport']))
      const cells = (await get(tilePath('incidents', DISTRICT_TILE), { role: 'handler', unit: 'tourism' })).layers.incidents!
      expect(cells.reduce((s, f) => s + Number(f.properties.count), 0)).toBe(133)
      // The same URL for another caller is another tile: the ETag says whose.
      const a = (await get(tilePath('incidents', DISTRICT_TILE), { role: 'handler', unit: 'tourism' })).headers.get('etag')!
      expect((await get(tilePath('incidents', DISTRICT_TILE), { role: 'handler', unit: 'transport' }, { 'if-none-match': a })).status).toBe(200)
      // An inspector of 涵西 sees the incidents in its grids only.
      const inspector = await get(tilePath('incidents', DISTRICT_TILE), { role: 'inspector', areas: ['350303002'] })
      expect(inspector.layers.incidents!.reduce((s, f) => s + Number(f.properties.count), 0)).toBe(200)

      // Routes: the patrol view's scope (handlers have none).
      await ctx.database.rows(sql`INSERT INTO patrol_route (grid_code, geom) VALUES
        ('350303001001001', ST_GeomFromText('LINESTRING(119.005 25.476, 119.045 25.476, 119.045 25.496, 119.005 25.496)', 4326)),
        ('350303002002004', ST_GeomFromText('LINESTRING(119.155 25.405, 119.195 25.405, 119.195 25.42)', 4326))`)
      const routes = async (who: Parameters<typeof get>[1]) => (await get(tilePath('routes', DISTRICT_TILE), who)).layers.routes?.map((f) => f.properties.gridCode).sort()
      expect(await routes('dispatcher')).toEqual(['350303001001001', '350303002002004'])
      expect(await routes({ role: 'inspector', areas: ['350303002'] })).toEqual(['350303002002004'])
      const handler = await get(tilePath('routes', DISTRICT_TILE), { role: 'handler', unit: 'transport' })
      expect(handler.status).toBe(403)
      // Incidents need a session; region levels do not.
      expect((await get(tilePath('incidents', DISTRICT_TILE), null)).status).toBe(401)
      expect((await get(tilePath('areas', DISTRICT_TILE), null)).status).toBe(401)
    })

    it('answers areas with their unit and class', async () => {
      const made = await api.call('POST', '/api/areas', { name: '涵江公园景区', unitCode: 'tourism', classCode: '02', geometry: { type: 'Polygon', coordinates: [[[119.15, 25.46], [119.15, 25.48], [119.17, 25.48], [119.17, 25.46], [119.15, 25.46]]] } }, {}, 'admin')
      expect(made.status).toBe(201)
      const r = await get(tilePath('areas', EAST))
      expect(r.layers.areas!.map((f) => f.properties)).toEqual([
        { id: made.body.id, name: '涵江公园景区', unitCode: 'tourism', classCode: '02', geometryKind: 'polygon' },
      ])
    })

    it('refuses what is not a tile with a problem that says why', async () => {
      const bad = async (path: string, status: number, code: string, detail?: RegExp) => {
        const r = await get(path)
        expect(r.status, path).toBe(status)
        expect(r.headers.get('content-type')).toContain('application/problem+json')
        expect(r.problem, path).toMatchObject({ code })
        if (detail) expect(String(r.problem!.detail)).toMatch(detail)
      }
      await bad('/api/tiles/rivers/10/851/441.mvt', 404, 'tile_layer_not_found', /layers: streets, communities, grids, areas, routes, incidents/)
      await bad('/api/tiles/grids/23/0/0.mvt', 400, 'tile_out_of_range', /z must be an integer from 0 to 22/)
      await bad('/api/tiles/grids/2/4/0.mvt', 400, 'tile_out_of_range', /x must be an integer from 0 to 3 at zoom 2/)
      await bad('/api/tiles/grids/2/0/9.mvt', 400, 'tile_out_of_range', /y must/)
      await bad('/api/tiles/grids/2/0/x.mvt', 400, 'validation_failed')
      await bad('/api/tiles/grids/10/851/441.mvt?asOf=yesterday', 400, 'validation_failed', /asOf/)
      await bad('/api/tiles/incidents/10/851/441.mvt?state=lost', 400, 'validation_failed', /state/)
      await bad('/api/tiles/incidents/10/851/441.mvt?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 400, 'validation_failed', /from must be before to/)
    })

    it('keeps gzip and the raw tile the same bytes', async () => {
      const path = tilePath('incidents', DISTRICT_TILE)
      const packed = await getTile(ctx.database, path, 'viewer', { 'accept-encoding': 'gzip, br' })
      const plain = await getTile(ctx.database, path, 'viewer')
      expect(packed.headers.get('content-encoding')).toBe('gzip')
      expect(packed.headers.get('vary')).toContain('accept-encoding')
      expect(Buffer.from(packed.bytes).equals(Buffer.from(plain.bytes))).toBe(true)
    })
  },
  seedFixture,
)
