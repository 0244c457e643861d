import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { toMapLngLat } from '@hanjiang/shared'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, launchChromium, mapIdle, screenshot, startApp, type RunningApp } from './support/app.ts'
import { login } from './support/auth.ts'
import { latticeTile } from './support/png.ts'

const hasChromium = fs.existsSync(CHROMIUM)

/** A point in 涵东街道 (WGS84), where the district's own layers are drawn. */
const P = { lng: 119.105, lat: 25.455 }

/**
 * Basemaps (docs/BASEMAPS.md) against a local tile fixture: a GCJ-02 XYZ basemap under which our layers are
 * drawn shifted and clicks are converted back to WGS84; switching to a WGS84 basemap and dimming it in the layer
 * panel; and the quiet "no basemap" chip without one. No request leaves the machine.
 */
describe.runIf(hasChromium)('basemaps in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext | null = null
  /** The desk page the first two tests share (one sign-in, one map load). */
  let desk: Page | undefined
  let tiles: http.Server
  let tileOrigin = ''
  const served = { gcj: 0, wgs: 0 }
  const outside: string[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    const warm = latticeTile([236, 226, 200], [196, 170, 120])
    const cool = latticeTile([214, 228, 240], [150, 180, 210])
    tiles = http.createServer((req, res) => {
      const m = /^\/(gcj|wgs)\/\d+\/\d+\/\d+\.png$/.exec(req.url ?? '')
      if (!m) return res.writeHead(404).end()
      served[m[1] as 'gcj' | 'wgs']++
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(m[1] === 'gcj' ? warm : cool)
    })
    await new Promise<void>((r) => tiles.listen(0, '127.0.0.1', r))
    tileOrigin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`
    ;[app, browser] = await Promise.all([
      startApp('embedded', {
        TILE_SOURCE: `测试底图=xyz+gcj02:${tileOrigin}/gcj/{z}/{x}/{y}.png; xyz:${tileOrigin}/wgs/{z}/{x}/{y}.png`,
        TILE_ATTRIBUTION: '© 测试瓦片',
      }),
      launchChromium(),
    ])
  }, 180_000)

  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await app?.close()
    await new Promise((r) => tiles?.close(r))
    expect(outside).toEqual([])
    expect(pageErrors).toEqual([])
  })

  async function openMap(width: number, height: number, path = '/map?test'): Promise<Page> {
    await context?.close()
    context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', reducedMotion: 'reduce' })
    const p = await context.newPage()
    await login(p, 'dispatcher', { url: app.url })
    const origin = new URL(app.url).origin
    p.on('request', (r) => {
      const u = r.url()
      if (![origin, tileOrigin, 'data:', 'blob:'].some((o) => u.startsWith(o))) outside.push(u)
    })
    p.on('pageerror', (e) => pageErrors.push(e.message))
    await p.goto(app.url + path)
    // The district is drawn at every zoom (a phone shows the whole district, below the streets' zoom).
    await p.waitForFunction(() => (window.__hjMap?.queryRenderedFeatures({ layers: ['region-district-fill'] }).length ?? 0) > 0, null, { timeout: 90_000, polling: 250 })
    await mapIdle(p)
    return p
  }

  /** The first vertex of the district outline as the map holds it, and as the API stores it. */
  async function districtVertex(p: Page): Promise<{ drawn: number[]; stored: number[] }> {
    return p.evaluate(async () => {
      const first = (fc: GeoJSON.FeatureCollection) => (fc.features[0]!.geometry as GeoJSON.MultiPolygon).coordinates[0]![0]![0]!
      const src = window.__hjMap!.getSource('regions-district') as unknown as { getData(): Promise<GeoJSON.FeatureCollection> }
      const stored = (await (await fetch('/api/regions?level=district')).json()) as GeoJSON.FeatureCollection
      return { drawn: first(await src.getData()), stored: first(stored) }
    })
  }

  it('draws our layers shifted onto a GCJ-02 basemap and stores a click in WGS84', async () => {
    const page = (desk = await openMap(1440, 900))
    expect(served.gcj).toBeGreaterThan(0)
    expect(served.wgs).toBe(0)
    expect(await page.evaluate(() => window.__hjMap!.getLayer('basemap:xyz')?.type)).toBe('raster')
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('© 测试瓦片')
    expect(await page.getByTestId('no-basemap').count()).toBe(0)

    // The district outline is drawn at the GCJ-02 position of its stored vertex: ~490 m east, ~290 m south.
    const v = await districtVertex(page)
    const expected = toMapLngLat({ lng: v.stored[0]!, lat: v.stored[1]! }, 'gcj02')
    expect(v.drawn[0]).toBeCloseTo(expected.lng, 9)
    expect(v.drawn[1]).toBeCloseTo(expected.lat, 9)
    await page.evaluate((p) => window.__hjMap!.jumpTo({ center: [p.lng, p.lat], zoom: 15 }), P)
    await mapIdle(page)
    const px = await page.evaluate(
      ({ a, b }) => {
        const m = window.__hjMap!
        return { stored: m.project([a.lng, a.lat]), drawn: m.project([b.lng, b.lat]) }
      },
      { a: { lng: v.stored[0]!, lat: v.stored[1]! }, b: expected },
    )
    // At zoom 15 (~2.2 m per CSS pixel here) the shift is about 225 px right and 135 px down on the screen.
    expect(px.drawn.x - px.stored.x).toBeGreaterThan(180)
    expect(px.drawn.x - px.stored.x).toBeLessThan(270)
    expect(px.drawn.y - px.stored.y).toBeGreaterThan(100)
    expect(px.drawn.y - px.stored.y).toBeLessThan(170)

    // Probe mode: a tap on the basemap where P appears on it asks about P itself (WGS84).
    await page.getByTestId('probe-toggle').click()
    await page.getByTestId('probe-panel').waitFor()
    const onBasemap = toMapLngLat(P, 'gcj02')
    const xy = await page.evaluate((at) => {
      const m = window.__hjMap!
      const q = m.project([at.lng, at.lat])
      const r = m.getCanvas().getBoundingClientRect()
      return { x: r.left + q.x, y: r.top + q.y }
    }, onBasemap)
    const asked = page.waitForRequest((r) => r.url().includes('/api/assign?'))
    await page.mouse.click(xy.x, xy.y)
    const q = new URL((await asked).url()).searchParams
    expect(q.get('crs')).toBe('wgs84')
    expect(Number(q.get('lng'))).toBeCloseTo(P.lng, 4)
    expect(Number(q.get('lat'))).toBeCloseTo(P.lat, 4)
    // … and its marker is drawn where the tap was, on the basemap.
    await page.waitForFunction(() => (window.__hjMap?.queryRenderedFeatures({ layers: ['probe-dot'] }).length ?? 0) > 0, null, { timeout: 30_000 })
    const dot = await page.evaluate(() => (window.__hjMap!.queryRenderedFeatures({ layers: ['probe-dot'] })[0]!.geometry as GeoJSON.Point).coordinates)
    expect(dot[0]).toBeCloseTo(onBasemap.lng, 4)
    expect(dot[1]).toBeCloseTo(onBasemap.lat, 4)
    await page.getByTestId('probe-toggle').click()
    await page.evaluate((p) => window.__hjMap!.jumpTo({ center: [p.lng, p.lat], zoom: 12.5 }), P)
    await mapIdle(page)
    await screenshot(page, 'basemap-gcj02-1440x900')
  }, 240_000)

  it('switches basemap and dims it from the layer panel, and remembers the choice', async () => {
    const page = desk ?? (await openMap(1440, 900))
    await page.evaluate((p) => window.__hjMap!.jumpTo({ center: [p.lng, p.lat], zoom: 11 }), P)
    const wgs = page.getByRole('radio', { name: '栅格瓦片' })
    expect(await page.getByRole('radio', { name: /测试底图/ }).isChecked()).toBe(true)
    await wgs.check()
    await page.waitForFunction(() => JSON.stringify(window.__hjMap!.getStyle().sources['basemap:xyz']).includes('/wgs/'), null, { timeout: 30_000 })
    await mapIdle(page)
    expect(served.wgs).toBeGreaterThan(0)
    // On the WGS84 basemap our data is drawn as stored.
    const v = await districtVertex(page)
    expect(v.drawn).toEqual(v.stored)
    await page.getByTestId('basemap-dim').fill('0.6')
    expect(await page.evaluate(() => window.__hjMap!.getPaintProperty('basemap:dim', 'background-opacity'))).toBe(0.6)
    await mapIdle(page)
    await screenshot(page, 'basemap-switched-dimmed-1440x900')

    await page.reload()
    await page.getByRole('radio', { name: '栅格瓦片' }).waitFor()
    expect(await page.getByRole('radio', { name: '栅格瓦片' }).isChecked()).toBe(true)
    expect(await page.getByTestId('basemap-dim').inputValue()).toBe('0.6')

    await page.getByRole('radio', { name: '不显示底图' }).check()
    await page.getByTestId('no-basemap').waitFor()
    expect(await page.getByTestId('no-basemap').textContent()).toBe('底图已关闭')
    expect(await page.evaluate(() => Object.keys(window.__hjMap!.getStyle().sources).filter((s) => s.startsWith('basemap:')))).toEqual([])
    // Back to the GCJ-02 one for the phone.
    await page.getByRole('radio', { name: /测试底图/ }).check()
    await page.getByTestId('no-basemap').waitFor({ state: 'detached' })
  }, 240_000)

  it('shows the map on a phone over the basemap, and says discreetly when there is none', async () => {
    const page = await openMap(360, 640)
    expect(await page.evaluate(() => window.__hjMap!.getLayer('basemap:xyz')?.type)).toBe('raster')
    await screenshot(page, 'basemap-gcj02-360x640')
    await page.route('**/api/config', async (r) => {
      const res = await r.fetch()
      return r.fulfill({ response: res, json: { ...((await res.json()) as object), basemaps: [] } })
    })
    await page.goto(app.url + '/map?test')
    const chip = page.getByTestId('no-basemap')
    await chip.waitFor()
    expect(await chip.textContent()).toBe('无底图')
    expect(await chip.getAttribute('title')).toContain('TILE_SOURCE')
    await page.waitForFunction(() => (window.__hjMap?.queryRenderedFeatures({ layers: ['region-district-fill'] }).length ?? 0) > 0, null, { timeout: 90_000 })
    await mapIdle(page)
    await screenshot(page, 'basemap-none-360x640')
    await page.setViewportSize({ width: 1440, height: 900 })
    await mapIdle(page)
    expect(await page.getByTestId('basemap-section').textContent()).toContain('未配置底图')
    await screenshot(page, 'basemap-none-1440x900')
  }, 240_000)
})
