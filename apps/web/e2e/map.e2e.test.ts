import fs from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CHROMIUM,
  launchChromium,
  mapIdle,
  renderedCodes,
  renderedLabels,
  screenshot,
  startApp,
  type RunningApp,
} from './support/app.ts'
import { login } from './support/auth.ts'

const hasChromium = fs.existsSync(CHROMIUM)
const inCI = process.env.CI === 'true'
const HAN = /[\u4e00-\u9fff]/

if (!hasChromium && !inCI) {
  console.warn(`[browser tests] skipped: no Chromium at ${CHROMIUM} (apt-get install chromium to run them)`)
}

describe.runIf(!hasChromium && inCI)('browser test prerequisites', () => {
  it(`has Chromium at ${CHROMIUM}`, () => {
    throw new Error(`Chromium is missing at ${CHROMIUM}; CI must run the browser tests`)
  })
})

describe.runIf(hasChromium)('map page in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const outside: string[] = []
  const glyphWarnings: string[] = []
  const pageErrors: string[] = []
  /** What the server's Content-Security-Policy made Chromium refuse (the app must need none of it). */
  const cspRefusals: string[] = []
  let documentCsp: string | null = null

  async function openPage(width: number, height: number, path = '/map?test'): Promise<Page> {
    context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Europe/Berlin', reducedMotion: 'reduce' })
    const p = await context.newPage()
    await login(p, 'dispatcher', { url: app.url })
    const origin = new URL(app.url).origin
    p.on('request', (r) => {
      const u = r.url()
      if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u)
    })
    p.on('console', (m) => {
      if (/glyph/i.test(m.text())) glyphWarnings.push(m.text())
      if (/Content Security Policy/i.test(m.text())) cspRefusals.push(m.text())
    })
    p.on('pageerror', (e) => pageErrors.push(e.message))
    documentCsp = (await p.goto(app.url + path))?.headers()['content-security-policy'] ?? null
    return p
  }

  /** Waits until the streets are drawn (data loaded, tiles placed) and the map is idle. */
  async function streetsDrawn(p: Page): Promise<void> {
    await p.waitForFunction(
      () => {
        const m = window.__hjMap
        return !!m && m.getLayer('region-street-fill') && m.queryRenderedFeatures({ layers: ['region-street-fill'] }).length > 0
      },
      null,
      { timeout: 90_000, polling: 250 },
    )
    await mapIdle(p)
  }

  beforeAll(async () => {
    app = await startApp()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('draws the district, its streets/towns and their Chinese names, offline, fitted to the district', async () => {
    page = await openPage(1280, 800)
    await streetsDrawn(page)
    expect(await page.title()).toContain('涵江区“马上就办”数字城管平台')
    expect(await page.locator('.brand-name').textContent()).toBe('涵江区“马上就办”数字城管平台')

    expect(await renderedCodes(page, 'region-district-line')).toEqual(['350303000000'])
    const streets = await renderedCodes(page, 'region-street-fill')
    expect(streets.length).toBeGreaterThanOrEqual(12)
    for (const c of streets) expect(c).toMatch(/^350303\d{6}$/)
    const labels = await renderedLabels(page, 'region-street-label')
    expect(labels.length).toBeGreaterThanOrEqual(8)
    for (const name of labels) expect(name).toMatch(HAN)

    // Fitted to the district: the whole outline is in view, around Hanjiang.
    const view = await page.evaluate(() => {
      const m = window.__hjMap!
      const c = m.getCenter()
      return { lng: c.lng, lat: c.lat, zoom: m.getZoom() }
    })
    expect(view.lng).toBeGreaterThan(118.9)
    expect(view.lng).toBeLessThan(119.3)
    expect(view.lat).toBeGreaterThan(25.3)
    expect(view.lat).toBeLessThan(25.6)
    expect(view.zoom).toBeGreaterThan(9)
    expect(view.zoom).toBeLessThan(11.5)

    // Layer panel: counts once loaded; the licence line is on the map.
    await page.locator('[data-level=street] .status-count').waitFor()
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain(
      '边界: Vonng/adcode, CC BY 4.0 · 区划代码: AdministrativeDivisionCn, MIT · 街镇/社区/网格为演示用合成数据',
    )
    await screenshot(page, 'map-1280x800')
  })

  it('hides a level when its checkbox is cleared and shows it again', async () => {
    const box = page.getByRole('checkbox', { name: '街道/乡镇' })
    expect(await box.isChecked()).toBe(true)
    await box.uncheck()
    await mapIdle(page)
    expect(await renderedCodes(page, 'region-street-fill')).toEqual([])
    expect(await renderedLabels(page, 'region-street-label')).toEqual([])
    await box.check()
    await mapIdle(page)
    expect((await renderedCodes(page, 'region-street-fill')).length).toBeGreaterThanOrEqual(12)
  })

  it('opens the region panel on click with the name, code and parent chain; Esc closes it', async () => {
    // Signed in, the map also draws incidents, whose clusters take clicks of their own: this test is about regions.
    const incidents = page.getByTestId('incidents-visible')
    if (await incidents.count()) {
      await incidents.uncheck()
      await mapIdle(page)
    }
    // Click where a street's label sits: inside that street, away from its boundary.
    const target = await page.evaluate(() => {
      const m = window.__hjMap!
      const f = m.queryRenderedFeatures({ layers: ['region-street-label'] })[0]!
      const [lng, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number]
      const p = m.project([lng, lat])
      const r = m.getCanvas().getBoundingClientRect()
      return { x: r.left + p.x, y: r.top + p.y, code: String(f.properties.code), name: String(f.properties.name) }
    })
    await page.mouse.click(target.x, target.y)
    const panel = page.getByTestId('region-panel')
    await panel.waitFor()
    await page.getByTestId('region-code').waitFor()
    expect(await page.getByTestId('region-name').textContent()).toBe(target.name)
    expect(await page.getByTestId('region-code').textContent()).toBe(target.code)
    expect(await page.getByTestId('region-parents').textContent()).toContain('涵江区')
    expect(await page.getByTestId('region-area').textContent()).toMatch(/平方公里|平方米/)
    expect(page.url()).toContain(`region=${target.code}`)
    await mapIdle(page)
    expect(
      await page.evaluate(() => JSON.stringify(window.__hjMap!.getFilter('region-street-selected'))),
    ).toContain(target.code)
    await screenshot(page, 'map-panel-1280x800')

    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    expect(page.url()).not.toContain('region=')
  })

  it('shows communities and grids with their labels when zoomed in', async () => {
    await page.evaluate(() => window.__hjMap!.jumpTo({ center: [119.113, 25.458], zoom: 15.6 }))
    await page.waitForFunction(
      () => window.__hjMap!.queryRenderedFeatures({ layers: ['region-grid-fill'] }).length > 0,
      null,
      { timeout: 60_000, polling: 250 },
    )
    await mapIdle(page)
    const grids = await renderedCodes(page, 'region-grid-fill')
    expect(grids.length).toBeGreaterThan(0)
    for (const c of grids) expect(c).toMatch(/^350303\d{9}$/)
    expect((await renderedCodes(page, 'region-community-fill')).length).toBeGreaterThan(0)
    const gridLabels = await renderedLabels(page, 'region-grid-label')
    expect(gridLabels.length).toBeGreaterThan(0)
    await screenshot(page, 'map-grids-1280x800')
    await context.close()
  })

  it('draws the planned patrol routes of the view when their layer is switched on', async () => {
    page = await openPage(1280, 800)
    await streetsDrawn(page)
    const asked: string[] = []
    page.on('request', (r) => r.url().includes('/api/patrol/routes') && asked.push(r.url()))
    expect(await page.evaluate(() => window.__hjMap!.getLayoutProperty('patrol-route-line', 'visibility'))).toBe('none')
    await page.evaluate(() => window.__hjMap!.jumpTo({ center: [119.113, 25.458], zoom: 14.2 }))
    await page.getByTestId('patrol-routes-visible').check()
    await page.waitForFunction(
      () => window.__hjMap!.queryRenderedFeatures({ layers: ['patrol-route-line'] }).length > 0,
      null,
      { timeout: 30_000, polling: 250 },
    )
    await mapIdle(page)
    const grids = await page.evaluate(() => [
      ...new Set(window.__hjMap!.queryRenderedFeatures({ layers: ['patrol-route-line'] }).map((f) => String(f.properties.gridCode))),
    ])
    expect(grids.length).toBeGreaterThan(0)
    for (const c of grids) expect(c).toMatch(/^350303\d{9}$/)
    // Only the view was asked for, at its whole zoom level.
    const q = new URL(asked[0]!).searchParams
    expect(q.get('zoom')).toBe('14')
    const [w, s, e, n] = q.get('bbox')!.split(',').map(Number)
    expect(e! - w!).toBeLessThan(0.2)
    expect(n! - s!).toBeLessThan(0.1)
    expect(await page.getByTestId('patrol-routes-status').textContent()).toMatch(/\d+ 个/)
    expect(await page.getByTestId('legend-patrol').isVisible()).toBe(true)
    await screenshot(page, 'map-patrol-routes-1280x800')
    await page.getByTestId('patrol-routes-visible').uncheck()
    expect(await page.evaluate(() => window.__hjMap!.getLayoutProperty('patrol-route-line', 'visibility'))).toBe('none')
    await context.close()
  })

  it('fits a wall display (1920×1080) and switches to English', async () => {
    page = await openPage(1920, 1080)
    await streetsDrawn(page)
    await screenshot(page, 'map-1920x1080')
    await page.getByTestId('locale-select').selectOption('en')
    await page.getByRole('checkbox', { name: 'Street / town' }).waitFor()
    expect(await page.locator('.brand-name').textContent()).toBe('Hanjiang “Do It Now” Digital City Management Platform')
    expect(await page.evaluate(() => localStorage.getItem('hj.locale'))).toBe('en')
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Boundary: Vonng/adcode, CC BY 4.0')
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('Zoom in')
    // Region names stay Chinese (they are data, not interface text).
    const target = await page.evaluate(() => {
      const m = window.__hjMap!
      const f = m.queryRenderedFeatures({ layers: ['region-street-label'] })[0]!
      const p = m.project((f.geometry as GeoJSON.Point).coordinates as [number, number])
      const r = m.getCanvas().getBoundingClientRect()
      return { x: r.left + p.x, y: r.top + p.y }
    })
    await page.mouse.click(target.x, target.y)
    await page.getByTestId('region-code').waitFor()
    expect(await page.getByTestId('region-panel').textContent()).toContain('Division code')
    await mapIdle(page)
    await screenshot(page, 'map-en-1920x1080')
    // The choice survives a reload.
    await page.reload()
    await page.getByRole('checkbox', { name: 'Street / town' }).waitFor()
    await context.close()
  })

  it('shows an error banner when the API fails and an empty state when a level has no data', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', reducedMotion: 'reduce' })
    page = await context.newPage()
    await login(page, 'dispatcher', { url: app.url })
    // Communities and grids draw their polygons from vector tiles: their labels are the level's data.
    await page.route('**/api/regions/labels?level=community*', (r) =>
      r.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'https://hanjiang.example/problems/database_unavailable',
          title: 'Service unavailable',
          status: 503,
          detail: '数据库暂时不可用，请稍后重试。',
          code: 'database_unavailable',
        }),
      }),
    )
    await page.route('**/api/regions/labels?level=grid*', (r) =>
      r.fulfill({ status: 200, contentType: 'application/geo+json', body: '{"type":"FeatureCollection","features":[]}' }),
    )
    await page.goto(app.url + '/map?test')
    await streetsDrawn(page)
    await page.evaluate(() => window.__hjMap!.jumpTo({ center: [119.113, 25.458], zoom: 13.2 }))
    const banner = page.getByTestId('error-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('社区/村图层加载失败')
    expect(await banner.textContent()).toContain('数据库暂时不可用，请稍后重试。')
    await page.getByTestId('layer-empty').waitFor()
    expect(await page.locator('[data-level=grid]').textContent()).toContain('暂无数据')
    await mapIdle(page)
    await screenshot(page, 'map-error-1280x800')
    await context.close()
  })

  it('shows the data licences on the about page', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', reducedMotion: 'reduce' })
    page = await context.newPage()
    await login(page, 'dispatcher', { url: app.url })
    await page.goto(app.url + '/about')
    await page.getByRole('heading', { name: '关于本平台' }).waitFor()
    expect(await page.getByTestId('about-attribution').first().textContent()).toBe(
      '边界: Vonng/adcode, CC BY 4.0 · 区划代码: AdministrativeDivisionCn, MIT · 街镇/社区/网格为演示用合成数据',
    )
    await page.locator('.facts').waitFor()
    await screenshot(page, 'about-1280x800')
    // Back to the map through the header: a new map, drawn from the data already loaded.
    await page.getByRole('link', { name: '区域地图' }).click()
    await page.goto(app.url + '/map?test')
    await streetsDrawn(page)
    await context.close()
  })

  it('opens a shared link to a community: panel open, community level loaded, map moved to it', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', reducedMotion: 'reduce' })
    page = await context.newPage()
    await login(page, 'dispatcher', { url: app.url })
    await page.goto(app.url + '/map?region=350303001001&test')
    await page.getByTestId('region-code').waitFor()
    expect(await page.getByTestId('region-code').textContent()).toBe('350303001001')
    expect(await page.getByTestId('region-name').textContent()).toContain('新区')
    expect(await page.getByTestId('region-parents').textContent()).toContain('涵东街道')
    await page.waitForFunction(() => (window.__hjMap?.getZoom() ?? 0) > 11.5, null, { timeout: 30_000 })
    await mapIdle(page)
    expect(await renderedCodes(page, 'region-community-selected')).toEqual(['350303001001'])
    await screenshot(page, 'map-deeplink-1280x800')
    await context.close()
  })

  it('asked nothing of the outside network, and drew every label locally', () => {
    expect(outside).toEqual([])
    expect(glyphWarnings).toEqual([])
    expect(pageErrors).toEqual([])
  })

  it('ran under the server\'s Content-Security-Policy (no framing) without a single refusal', () => {
    expect(documentCsp).toContain("frame-ancestors 'none'")
    expect(cspRefusals).toEqual([])
  })
})
