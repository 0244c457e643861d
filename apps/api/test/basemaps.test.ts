import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { loadConfig } from '../src/config.ts'
import { parseRange } from '../src/routes/basemaps.ts'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

/** Basemaps in /api/config, and a local PMTiles archive served in byte ranges (docs/BASEMAPS.md). */
describeEachEngine(
  'basemaps',
  (ctx) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-basemap-'))
    const file = path.join(dir, 'hanjiang.pmtiles')
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251))
    fs.writeFileSync(file, bytes)
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      WEB_DIST: '/nonexistent',
      TILE_SOURCE: `pmtiles:${file};高德镜像=xyz+gcj02:http://amap.intranet:8080/{z}/{x}/{y}.png;tianditu:vec`,
      TIANDITU_TOKEN: '0123456789abcdef0123456789abcdef',
    })
    const app = () => testApp(ctx.database, config)

    it('lists the basemaps with their CRS, never the server path of a local file', async () => {
      const res = await app().request('/api/config')
      expect(res.status).toBe(200)
      const body = (await res.json()) as { basemaps: Record<string, unknown>[] }
      expect(body.basemaps.map((b) => [b.id, b.type, b.crs, b.label])).toEqual([
        ['pmtiles-1', 'pmtiles', 'wgs84', ''],
        ['xyz-2', 'xyz', 'gcj02', '高德镜像'],
        ['tianditu-vec', 'xyz', 'wgs84', ''],
      ])
      expect(body.basemaps[0]!.url).toBe('/api/basemaps/pmtiles-1.pmtiles')
      expect(JSON.stringify(body)).not.toContain(dir)
      expect((body.basemaps[2]!.labelTiles as string[])[0]).toContain('LAYER=cva')
      const csp = res.headers.get('content-security-policy')!
      expect(csp).toMatch(/img-src [^;]*http:\/\/amap\.intranet:8080/)
      expect(csp).toMatch(/img-src [^;]*https:\/\/t7\.tianditu\.gov\.cn/)
    })

    it('serves the archive whole and in byte ranges, without a session', async () => {
      const whole = await app().request('/api/basemaps/pmtiles-1.pmtiles')
      expect(whole.status).toBe(200)
      expect(whole.headers.get('accept-ranges')).toBe('bytes')
      expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes)
      const part = await app().request('/api/basemaps/pmtiles-1.pmtiles', { headers: { range: 'bytes=100-199' } })
      expect(part.status).toBe(206)
      expect(part.headers.get('content-range')).toBe('bytes 100-199/1000')
      expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(100, 200))
      const bad = await app().request('/api/basemaps/pmtiles-1.pmtiles', { headers: { range: 'bytes=5000-' } })
      expect(bad.status).toBe(416)
      expect(bad.headers.get('content-range')).toBe('bytes */1000')
      expect(((await bad.json()) as { code: string }).code).toBe('range_not_satisfiable')
      const missing = await app().request('/api/basemaps/other.pmtiles')
      expect(missing.status).toBe(404)
      expect(((await missing.json()) as { code: string }).code).toBe('basemap_not_found')
    })

    it('reads single ranges only', () => {
      expect(parseRange('bytes=0-', 10)).toEqual({ start: 0, end: 9 })
      expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 })
      expect(parseRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 })
      expect(parseRange('bytes=0-1,4-5', 10)).toBeNull()
      expect(parseRange('bytes=6-2', 10)).toBeNull()
    })
  },
  seedFixture,
)
