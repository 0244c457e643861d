import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { expect, it } from 'vitest'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { client, DISPATCHER, SUPERVISOR } from './workbench-helpers.ts'

/* eslint-disable @typescript-eslint/no-explicit-any */

const FULL_PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/

/**
 * Reads a streamed body chunk by chunk without keeping it (the test must not hold the file either), counting
 * rows and looking for unmasked phones per chunk (a chunk is a batch of whole rows), sampling resident memory.
 */
async function drain(res: Response, rowMark: RegExp) {
  const reader = res.body!.getReader()
  const dec = new TextDecoder()
  let bytes = 0
  let chunks = 0
  let rows = 0
  let fullPhones = 0
  let head = ''
  let tail = ''
  let peakRss = process.memoryUsage().rss
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    bytes += value.byteLength
    chunks++
    const text = dec.decode(value, { stream: true })
    if (head.length < 2000) head += text.slice(0, 2000 - head.length)
    tail = (tail + text).slice(-200)
    rows += text.match(rowMark)?.length ?? 0
    if (FULL_PHONE.test(text)) fullPhones++
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }
  return { bytes, chunks, rows, fullPhones, head, tail, peakRss }
}

describeEachEngine(
  'incident exports: CSV, XLSX, GeoJSON — filtered, scoped, masked, streamed',
  (ctx) => {
    const api = client(() => ctx.database)
    const exportAs = async (who: any, query: string) => {
      const app = who === null ? testApp(ctx.database) : testApp(ctx.database, {}, who)
      const res = await app.request(`/api/incidents/export?${query}`)
      return { status: res.status, headers: res.headers, body: res }
    }
    let codes: string[] = []

    it('exports the list in three formats with masked reporter data', async () => {
      codes = [await api.registered(), await api.registered({ description: '=HYPERLINK("x") 公式注入' })]
      const csv = await exportAs(DISPATCHER, 'format=csv')
      expect(csv.status).toBe(200)
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="incidents-\d{4}-\d\d-\d\d\.csv"/)
      const bytes = new Uint8Array(await csv.body.arrayBuffer())
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const text = new TextDecoder().decode(bytes)
      expect(text.startsWith('编号,状态')).toBe(true)
      const lines = text.trim().split('\r\n')
      expect(lines).toHaveLength(3)
      expect(lines[1]).toContain(codes[1])
      expect(text).toContain('138****1234')
      expect(text).toContain('张*')
      expect(text).not.toMatch(FULL_PHONE)
      expect(text).toContain(`"'=HYPERLINK(""x"") 公式注入"`)

      const geo = await exportAs(DISPATCHER, 'format=geojson')
      expect(geo.headers.get('content-type')).toBe('application/geo+json; charset=utf-8')
      const fc = JSON.parse(await geo.body.text())
      expect(fc.type).toBe('FeatureCollection')
      expect(fc.features.map((f: any) => f.id).sort()).toEqual([...codes].sort())
      expect(fc.features[0].geometry.type).toBe('Point')
      expect(fc.features[0].properties.reporterPhone).toBe('138****1234')

      const xlsx = await exportAs(DISPATCHER, 'format=xlsx&state=registered')
      expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(await xlsx.body.arrayBuffer())
      const sheet = wb.worksheets[0]!
      expect(sheet.getRow(1).getCell(1).value).toBe('编号')
      const cells = [2, 3].map((i) => String(sheet.getRow(i).getCell(1).value)).sort()
      expect(cells).toEqual([...codes].sort())
      expect(String(sheet.getRow(2).getCell(16).value)).toBe('138****1234')
    })

    it('applies the filters and the caller\'s scope; refuses bad input and roles without export', async () => {
      const none = await exportAs(DISPATCHER, 'format=csv&state=closed')
      expect((await none.body.text()).trim().split('\r\n')).toHaveLength(1)
      // A unit supervisor of city_admin sees only their unit's (nothing dispatched to it yet).
      const sup = await exportAs(SUPERVISOR, 'format=geojson')
      expect(sup.status).toBe(200)
      expect(JSON.parse(await sup.body.text()).features).toEqual([])
      expect((await exportAs(DISPATCHER, 'format=pdf')).status).toBe(400)
      expect((await exportAs(DISPATCHER, '')).status).toBe(400)
      expect((await exportAs(DISPATCHER, 'format=csv&class=1')).status).toBe(400)
      expect((await exportAs({ role: 'handler', unit: 'city_admin', username: 'h-exp' }, 'format=csv')).status).toBe(403)
      expect((await exportAs(null, 'format=csv')).status).toBe(401)
    })

    it('streams 100,000 incidents as CSV and GeoJSON with bounded memory and masked phones', async () => {
      const N = 100_000
      const t0 = performance.now()
      await ctx.database.rows(sql`
        INSERT INTO incident (code, tracking_code, channel, request_type, track, fine_class, location, location_crs, address, description,
                              reporter_name, reporter_phone, state, suggested_unit_code, street_code, created_at, updated_at)
        SELECT 'HJ20260101-' || lpad(g::text, 6, '0'), 'X' || lpad(g::text, 11, '0'), 'hotline_12345', 'complaint', 'normal', '020602',
               ST_SetSRID(ST_MakePoint(119.0 + (g % 1000) * 0.0002, 25.4 + (g / 1000) * 0.0009), 4326), 'wgs84',
               '涵西街道 某路 ' || g || ' 号', '批量生成的事件 ' || g || '，路边垃圾堆积，请尽快处理',
               '王' || (g % 100), '138' || lpad(g::text, 8, '0'), 'registered', 'city_admin', '350303002000',
               now() - g * interval '5 minutes', now() - g * interval '5 minutes'
        FROM generate_series(1, ${N}) g`)
      const insertMs = Math.round(performance.now() - t0)
      const total = N + codes.length
      const figures: Record<string, unknown> = { engine: ctx.engine, rows: total, insertMs }
      for (const format of ['csv', 'geojson'] as const) {
        ;(globalThis as any).gc?.()
        const base = process.memoryUsage().rss
        const t = performance.now()
        const res = await exportAs(DISPATCHER, `format=${format}`)
        expect(res.status).toBe(200)
        const out = await drain(res.body, format === 'csv' ? /\r\n/g : /"type":"Feature",/g)
        expect(format === 'csv' ? out.rows - 1 : out.rows).toBe(total)
        expect(out.fullPhones).toBe(0)
        expect(out.head).toMatch(/138\*\*\*\*\d{4}/)
        if (format === 'geojson') {
          expect(out.head.startsWith('{"type":"FeatureCollection","features":[{')).toBe(true)
          expect(out.tail.endsWith('}}]}')).toBe(true)
        }
        // The whole file held at once would be ~2-3× its size in JS strings on top; the stream stays far below.
        const peakMb = (out.peakRss - base) / 2 ** 20
        figures[format] = { mb: +(out.bytes / 2 ** 20).toFixed(1), chunks: out.chunks, peakRssDeltaMb: +peakMb.toFixed(1), ms: Math.round(performance.now() - t) }
        expect(out.chunks).toBeGreaterThan(40)
        // RSS measures the export only on a database server: the embedded engine runs in this process, and its
        // WebAssembly heap grows with the rows it scans and never shrinks (its figure is printed, not bounded).
        if (ctx.engine === 'server') expect(peakMb).toBeLessThan(400)
      }
      console.log('[export figures]', JSON.stringify(figures))
    }, 600_000)
  },
  seedFixture,
)
