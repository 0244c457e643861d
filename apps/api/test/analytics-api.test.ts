import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { incidentApi, type Json } from './incidents-helpers.ts'

/** GET /api/analytics/*: scoped like the incident list, numbers traceable to rows, bad input named. */

const DAY = '2026-11-10'
const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries({ from: '2026-11-01', to: '2026-11-30', ...params }).map(([k, v]): [string, string] => [k, String(v)])).toString()

describeEachEngine(
  'analytics API',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const get = (path: string, params: Record<string, string | number> = {}, who: Parameters<typeof api.call>[4] = 'viewer') =>
      api.call('GET', `/api/analytics/${path}?${q(params)}`, undefined, {}, who)

    it('seeds: a cluster of city_admin incidents in one corner, transport ones elsewhere', async () => {
      // 30 incidents in 涵东 around (119.02, 25.48) for city_admin, 6 in 涵西 for transport, all on DAY at 10:00 Shanghai.
      const rows = [
        ...Array.from({ length: 30 }, (_, i) => ({ code: `A${i}`, unit: 'city_admin', lng: 119.02 + (i % 5) * 0.001, lat: 25.48 + Math.floor(i / 5) * 0.001, overdue: i < 6 })),
        ...Array.from({ length: 6 }, (_, i) => ({ code: `B${i}`, unit: 'transport', lng: 119.15 + i * 0.005, lat: 25.42, overdue: false })),
      ]
      await ctx.database.rows(sql`INSERT INTO incident (code, tracking_code, channel, request_type, track, fine_class, description, state, unit_code,
          location, street_code, community_code, grid_code, created_at, overdue_at)
        SELECT x.code, 't' || x.code, 'patrol', 'report', 'normal', '020602', 'x', 'dispatched', x.unit, ST_SetSRID(ST_MakePoint(x.lng, x.lat), 4326),
          (SELECT code FROM region WHERE level = 'street' AND ST_Contains(geom, ST_SetSRID(ST_MakePoint(x.lng, x.lat), 4326))),
          (SELECT code FROM region WHERE level = 'community' AND ST_Contains(geom, ST_SetSRID(ST_MakePoint(x.lng, x.lat), 4326))),
          (SELECT code FROM region WHERE level = 'grid' AND ST_Contains(geom, ST_SetSRID(ST_MakePoint(x.lng, x.lat), 4326))),
          ${`${DAY}T10:00:00+08:00`}::timestamptz, CASE WHEN x.overdue THEN now() END
        FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(code text, unit text, lng float8, lat float8, overdue boolean)`)
      const r = await get('summary')
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ from: '2026-11-01', to: '2026-11-30', count: 36, overdue: 6 })
    })

    it('scopes every view to the caller: a unit supervisor sees their unit only', async () => {
      const sup = { role: 'unit_supervisor' as const, unit: 'transport' }
      expect((await get('summary', {}, sup)).body.count).toBe(6)
      const ch = await get('choropleth', { level: 'street' }, sup)
      expect(ch.status).toBe(200)
      expect(ch.body.regions.map((r: Json) => [r.name, r.count])).toEqual([['涵东街道', 0], ['涵西街道', 6]])
      const drill = await get('incidents', { limit: 100 }, sup)
      expect(drill.body.total).toBe(6)
      expect(drill.body.items.every((i: Json) => i.unitCode === 'transport')).toBe(true)
    })

    it('choropleth: counts, density, overdue rate and classes; the drill-down lists the incidents behind a region', async () => {
      const r = await get('choropleth', { level: 'street', metric: 'overdueRate', method: 'jenks' })
      const handong = r.body.regions.find((x: Json) => x.name === '涵东街道')
      expect(handong).toMatchObject({ count: 30, overdue: 6, value: 0.2 })
      expect(handong.areaKm2).toBeGreaterThan(100)
      expect(r.body.breaks.length).toBeGreaterThanOrEqual(2)
      const d = await get('incidents', { region: handong.code, limit: 5 })
      expect(d.body.total).toBe(30)
      expect(d.body.items).toHaveLength(5)
      expect(d.body.items[0]).toMatchObject({ state: 'dispatched', unitCode: 'city_admin', fineClass: '020602' })
      expect(d.body.items[0].createdAt).toBe(`${DAY}T10:00:00+08:00`)
      const d2 = await get('incidents', { region: handong.code, limit: 5, offset: 25 })
      expect(d2.body.items).toHaveLength(5)
    })

    it('heatmap bins, hex bins and their drill-downs add up to the same incidents', async () => {
      const h = await get('heatmap', { bbox: '119,25.4,119.2,25.5', zoom: 12 })
      expect(h.status).toBe(200)
      expect(h.body.bins.reduce((a: number, b: Json) => a + b.count, 0)).toBe(36)
      expect(h.body.bins.reduce((a: number, b: Json) => a + b.overdue, 0)).toBe(6)
      const x = await get('hexbins', { res: 8 })
      expect(x.body.cells.reduce((a: number, b: Json) => a + b.count, 0)).toBe(36)
      for (const cell of x.body.cells) {
        const d = await get('incidents', { h3: cell.h3, limit: 1 })
        expect(d.body.total).toBe(cell.count)
      }
      expect(x.body.cells[0].boundary.length).toBe(7)
    })

    it('hot spots over hexes find the cluster; time series and the hour × weekday matrix', async () => {
      const r = await get('hotspots', { over: 'hex', res: 7 })
      expect(r.status).toBe(200)
      const hot = r.body.features.filter((f: Json) => f.bin > 0)
      expect(hot.length).toBeGreaterThan(0)
      expect(hot.some((f: Json) => f.count > 0 && f.emerging === 'new')).toBe(true)
      const g = await get('hotspots', { over: 'grid' })
      const [withGrid] = await ctx.database.rows<Json>(sql`SELECT count(*)::int AS n FROM incident WHERE grid_code IS NOT NULL`)
      expect(g.body.features.reduce((a: number, f: Json) => a + f.count, 0)).toBe(withGrid.n)
      expect(g.body.neighbourhood.kind).toBe('distanceBand')
      const t = await get('timeseries')
      expect(t.body.weeks.reduce((a: number, w: Json) => a + w.count, 0)).toBe(36)
      expect(t.body.weeks.find((w: Json) => w.count > 0).week).toBe('2026-11-09')
      // 2026-11-10 is a Tuesday: dow 2, hour 10.
      expect(t.body.hourWeekday).toEqual([{ dow: 2, hour: 10, count: 36 }])
      expect((await get('incidents', { dow: 2, hour: 10 })).body.total).toBe(36)
      expect((await get('incidents', { week: '2026-11-09' })).body.total).toBe(36)
    })

    it('exports the table behind a view as CSV, XLSX and the choropleth as GeoJSON', async () => {
      const app = testApp(ctx.database, {}, 'viewer')
      const csv = await app.request(`/api/analytics/export?${q({ view: 'choropleth', format: 'csv', level: 'street' })}`)
      expect(csv.status).toBe(200)
      const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n')
      expect(lines[0]).toMatch(/^code,name,area_km2,count,/)
      expect(lines.slice(1).map((l) => l.split(',').slice(1, 2).concat(l.split(',')[3]!))).toEqual([['涵东街道', '30'], ['涵西街道', '6']])
      const xlsx = await app.request(`/api/analytics/export?${q({ view: 'timeseries', format: 'xlsx' })}`)
      expect(xlsx.status).toBe(200)
      expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])) // a zip
      const geo = await get('export', { view: 'choropleth', format: 'geojson', level: 'street' })
      expect(geo.body.features).toHaveLength(2)
      expect(geo.body.features[0].geometry.type).toBe('MultiPolygon')
    })

    it('an empty selection is an empty answer', async () => {
      const r = await get('choropleth', { level: 'street', from: '2025-01-01', to: '2025-01-31' })
      expect(r.status).toBe(200)
      expect(r.body.regions.every((x: Json) => x.count === 0)).toBe(true)
      expect((await get('heatmap', { bbox: '119,25.4,119.2,25.5', zoom: 12, from: '2025-01-01', to: '2025-01-31' })).body.bins).toEqual([])
      expect((await get('incidents', { from: '2025-01-01', to: '2025-01-31' })).body).toEqual({ total: 0, items: [] })
    })

    it('bad input is a 400 naming the parameter', async () => {
      const cases: [string, Record<string, string | number>, string][] = [
        ['summary', { class: '999999' }, 'class'],
        ['summary', { unit: 'no_such_unit' }, 'unit'],
        ['summary', { street: '350303099000' }, 'street'],
        ['summary', { from: '2026-12-01', to: '2026-11-01' }, 'from'],
        ['summary', { from: '2019-01-01', to: '2026-11-01' }, 'to'],
        ['summary', { from: '2026-02-30' }, 'from'],
        ['summary', { channel: 'fax' }, 'channel'],
        ['heatmap', { bbox: '100,10,101,11', zoom: 12 }, 'bbox'],
        ['hexbins', { res: 14 }, 'res'],
        ['hotspots', { over: 'hex', res: 10 }, 'res'],
        ['choropleth', { metric: 'beauty' }, 'metric'],
        ['incidents', { h3: 'zzz' }, 'h3'],
      ]
      for (const [path, params, name] of cases) {
        const r = await get(path, params)
        expect(r.status, `${path} ${JSON.stringify(params)}`).toBe(400)
        expect(r.body.errors.map((e: Json) => String(e.path).split('.')[0]), `${path} ${JSON.stringify(params)}`).toContain(name)
      }
    })
  },
  seedFixture,
)
