import fs from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { animationsDone, CHROMIUM, launchChromium, mapIdle, screenshot, startApp, type RunningApp } from './support/app.ts'
import { login } from './support/auth.ts'

/**
 * The analytics screen as the demo unit supervisor (城市管理局, city_admin) on the demo seed: sees only the unit's
 * incidents, switches heatmap → choropleth → hot spots, drills into a cell and opens an incident. Screenshots at
 * 1440×900 in test-results/screenshots/analytics-*.png.
 */
const hasChromium = fs.existsSync(CHROMIUM)

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any

describe.runIf(hasChromium)('analytics screen in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const pageErrors: string[] = []
  const analyticsCalls: string[] = []

  beforeAll(async () => {
    app = await startApp()
    browser = await launchChromium()
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' })
    await context.addInitScript(() => localStorage.setItem('hj.locale', 'zh-CN'))
    page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('response', (r) => r.url().includes('/api/analytics/') && analyticsCalls.push(`${r.status()} ${r.url()}`))
    await login(page, 'unit_supervisor', { url: app.url })
  }, 300_000)

  afterAll(async () => {
    await context?.close().catch(() => {})
    await browser?.close()
    await app?.close()
  })

  const summaryCount = async () => Number(((await page.getByTestId('an-summary').textContent()) ?? '').replace(/[,，]/g, '').match(/\d+/)?.[0] ?? NaN)

  it('opens analytics from the navigation and sees only the unit’s incidents (a year, heatmap)', async () => {
    await page.goto(`${app.url}/map?test`)
    await page.getByRole('link', { name: '空间分析' }).first().click()
    await page.waitForURL(/\/analytics\b/)
    await page.goto(`${app.url}/analytics?preset=year&test`)
    await page.getByTestId('an-summary').waitFor({ timeout: 60_000 })
    await page.waitForFunction(() => !!window.__hjMap?.getSource('an-points'), null, { timeout: 60_000 })
    await mapIdle(page)
    const shown = await summaryCount()
    expect(shown).toBeGreaterThan(0)
    // The same question asked of the API by the supervisor and the district (the viewer): the unit's count is smaller
    // and equals the district's count filtered to the unit (city_admin and its sections).
    const mine = (await (await page.context().request.get(`${app.url}/api/analytics/summary?from=2000-01-01&to=2000-01-02`)).json()) as Any
    expect(mine.count).toBe(0)
    const drill = (await (await page.context().request.get(`${app.url}/api/analytics/incidents?limit=100&${new URLSearchParams(await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.split('?')[1] ?? ''))))}`)).json()) as Any
    expect(drill.items.length).toBeGreaterThan(0)
    const units = new Set(drill.items.map((i: Any) => i.unitCode))
    expect([...units].every((u) => typeof u === 'string' && u.startsWith('city_admin'))).toBe(true)
    const heat = await page.evaluate(() => (window.__hjMap!.getSource('an-points') as Any)._data?.features?.length ?? (window.__hjMap!.getSource('an-points') as Any).serialize().data.features.length)
    expect(heat).toBeGreaterThan(0)
    expect(await page.getByTestId('an-legend').textContent()).toContain('热力')
    await screenshot(page, 'analytics-heatmap')
  }, 180_000)

  it('switches to the choropleth by grid with a legend of classes', async () => {
    await page.getByTestId('view-choropleth').click()
    await page.waitForURL(/view=choropleth/)
    await page.waitForFunction(() => ((window.__hjMap!.getSource('an-polys') as Any).serialize().data.features.length ?? 0) > 0, null, { timeout: 90_000 })
    await mapIdle(page)
    const legend = (await page.getByTestId('an-legend').textContent()) ?? ''
    expect(legend).toMatch(/件数.*分位数/)
    expect(await page.locator('[data-testid=an-legend] li').count()).toBeGreaterThanOrEqual(2)
    await screenshot(page, 'analytics-choropleth')
  }, 120_000)

  it('switches to hot spots (Gi* over grids) with confidence classes', async () => {
    await page.getByTestId('view-hotspots').click()
    await page.waitForURL(/view=hotspots/)
    await page.waitForFunction(() => (window.__hjMap!.getSource('an-polys') as Any).serialize().data.features.length > 0, null, { timeout: 90_000 })
    await mapIdle(page)
    const legend = (await page.getByTestId('an-legend').textContent()) ?? ''
    expect(legend).toContain('99%')
    expect(legend).toContain('Gi*')
    await screenshot(page, 'analytics-hotspots')
    // Back returns to the choropleth (the view is in the URL).
    await page.goBack()
    await page.waitForURL(/view=choropleth/)
    await page.goForward()
    await page.waitForURL(/view=hotspots/)
  }, 120_000)

  it('drills into a cell and opens an incident', async () => {
    await page.waitForFunction(() => (window.__hjMap!.getSource('an-polys') as Any).serialize().data.features.length > 0, null, { timeout: 60_000 })
    await mapIdle(page)
    // Click the rendered cell with the most incidents behind it.
    const pt = await page.evaluate(() => {
      const m = window.__hjMap!
      const fs = m.queryRenderedFeatures({ layers: ['an-fill'] })
      const canvas = m.getCanvas().getBoundingClientRect()
      for (const f of fs) {
        const g = f.geometry as Any
        const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0]
        const c = ring.reduce((a: number[], p: number[]) => [a[0]! + p[0]! / ring.length, a[1]! + p[1]! / ring.length], [0, 0])
        const px = m.project(c as [number, number])
        const hit = m.queryRenderedFeatures(px, { layers: ['an-fill'] })[0]
        if (hit && hit.properties.drill === f.properties.drill && px.x > 40 && px.y > 60 && px.x < canvas.width - 420 && px.y < canvas.height - 260) {
          return { x: canvas.left + px.x, y: canvas.top + px.y }
        }
      }
      return null
    })
    expect(pt).not.toBeNull()
    await page.mouse.click(pt!.x, pt!.y)
    await page.getByTestId('an-drill').waitFor()
    await page.locator('[data-testid=an-drill] .drill-item').first().waitFor({ timeout: 30_000 })
    await screenshot(page, 'analytics-drill')
    const code = (await page.locator('[data-testid=an-drill] .drill-item').first().textContent())!.trim()
    await page.locator('[data-testid=an-drill] .drill-item').first().click()
    await page.waitForURL(new RegExp(`/incidents/${code}`))
    await page.getByText(code).first().waitFor({ timeout: 30_000 })
    await screenshot(page, 'analytics-incident')
    expect(analyticsCalls.filter((c) => !c.startsWith('200'))).toEqual([])
    expect(pageErrors).toEqual([])
  }, 120_000)

  it('the time view: trend against the previous period and the hour × weekday matrix', async () => {
    await page.goto(`${app.url}/analytics?preset=year&view=time&test`)
    await page.getByTestId('an-time').waitFor({ timeout: 60_000 })
    await page.locator('[data-testid=an-matrix] canvas').first().waitFor({ timeout: 60_000 })
    await mapIdle(page)
    // Settled before the picture: no request in flight, no CSS transition running.
    await page.waitForLoadState('networkidle')
    await animationsDone(page)
    await screenshot(page, 'analytics-time')
  }, 120_000)
})
