import fs from 'node:fs'
import { fromWgs84 } from '@hanjiang/shared/geo/crs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { animationsDone, CHROMIUM, launchChromium, mapIdle, screenshot, startApp, type RunningApp } from './support/app.ts'
import { login } from './support/auth.ts'

/**
 * The assignment probe ("派遣试算 / who owns this point?") and the responsibility-area layer, against the real
 * server and its demo seed: 江萩公路 is a county road owned (0105) by the highway maintenance centre with a 30 m
 * buffer; 020602 积存垃圾渣土 is territorial.
 */

const hasChromium = fs.existsSync(CHROMIUM)

/** A point on 江萩公路 (the line passes through it) and one inside 涵东街道 (2.7 m from a community boundary). */
const ROAD = { lng: 119.14, lat: 25.515 }
const HANDONG = { lng: 119.1168, lat: 25.4619 }

describe.runIf(hasChromium)('assignment probe and responsibility areas in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const pageErrors: string[] = []
  const outside: string[] = []

  async function openPage(width: number, height: number, locale = 'zh-CN'): Promise<Page> {
    context = await browser.newContext({ viewport: { width, height }, locale, reducedMotion: 'reduce' })
    const p = await context.newPage()
    await login(p, 'dispatcher', { url: app.url })
    const origin = new URL(app.url).origin
    p.on('request', (r) => {
      const u = r.url()
      if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u)
    })
    p.on('pageerror', (e) => pageErrors.push(e.message))
    await p.goto(app.url + '/?test#/map')
    await p.waitForFunction(
      () => {
        const m = window.__hjMap
        return !!m && m.queryRenderedFeatures({ layers: ['region-street-fill'] }).length > 0
      },
      null,
      { timeout: 90_000, polling: 250 },
    )
    await mapIdle(p)
    return p
  }

  /** Moves the map so that a point sits at `offset` pixels from the centre, and waits until it is drawn. */
  async function showPoint(p: Page, at: { lng: number; lat: number }, zoom: number, offset: [number, number]): Promise<void> {
    await p.evaluate(
      ({ at, zoom, offset }) => window.__hjMap!.easeTo({ center: [at.lng, at.lat], zoom, offset, duration: 0 }),
      { at, zoom, offset },
    )
    await mapIdle(p)
  }

  /** Clicks the map at a lng/lat, through the map's own projection. */
  async function clickLngLat(p: Page, at: { lng: number; lat: number }): Promise<void> {
    const xy = await p.evaluate((at) => {
      const m = window.__hjMap!
      const q = m.project([at.lng, at.lat])
      const r = m.getCanvas().getBoundingClientRect()
      return { x: r.left + q.x, y: r.top + q.y }
    }, at)
    await p.mouse.click(xy.x, xy.y)
  }

  /** Picks a fine class with the keyboard: type, then Enter on the first match. */
  async function chooseFineClass(p: Page, query: string): Promise<void> {
    const input = p.getByTestId('probe-panel').getByTestId('fine-class-input')
    await input.focus()
    await input.fill(query)
    await p.getByTestId('probe-panel').getByTestId('fine-class-list').waitFor()
    await p.keyboard.press('Enter')
  }

  async function unitIs(p: Page, name: string): Promise<void> {
    await p.waitForFunction((name) => document.querySelector('[data-testid=probe-unit]')?.textContent?.trim() === name, name, {
      timeout: 30_000,
    })
  }

  beforeAll(async () => {
    app = await startApp()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('probe mode: 010501 on 江萩公路 goes to the highway maintenance centre by its responsibility area, explained', async () => {
    page = await openPage(1280, 800)
    const toggle = page.getByTestId('probe-toggle')
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    await toggle.click()
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    await page.getByTestId('probe-panel').waitFor()
    expect(await page.getByTestId('probe-answer').textContent()).toContain('在地图上点击一个位置')

    await chooseFineClass(page, '010501')
    expect(await page.getByTestId('probe-panel').getByTestId('fine-class-input').inputValue()).toBe('010501 道路破损坑洼')

    // Keep the point clear of the panel on the right.
    await showPoint(page, ROAD, 15, [-220, 0])
    await clickLngLat(page, ROAD)
    await unitIs(page, '区交通运输局公路养护中心')
    expect(await page.getByTestId('probe-rule').textContent()).toBe('责任区')
    expect(await page.getByTestId('probe-review').count()).toBe(0)
    expect(await page.getByTestId('probe-location').textContent()).toContain('萩芦镇')
    const steps = await page.getByTestId('probe-explanation').locator('li').allTextContents()
    expect(steps.length).toBeGreaterThanOrEqual(3)
    expect(steps.join('\n')).toContain('江萩公路（县道）')
    expect(steps.join('\n')).toMatch(/[\u4e00-\u9fff]/)
    const beaten = await page.getByTestId('probe-candidates').textContent()
    expect(beaten).toContain('区交通运输局')
    expect(beaten).toContain('更具体')

    // The marker sits at the WGS84 point that was asked about.
    await mapIdle(page)
    const marker = await page.evaluate(() =>
      window.__hjMap!.queryRenderedFeatures({ layers: ['probe-dot'] }).map((f) => (f.geometry as GeoJSON.Point).coordinates),
    )
    expect(marker).toHaveLength(1)
    expect(marker[0]![0]).toBeCloseTo(ROAD.lng, 4)
    expect(marker[0]![1]).toBeCloseTo(ROAD.lat, 4)
    // The deciding area is outlined although the area layer is off.
    expect(await page.evaluate(() => window.__hjMap!.getLayoutProperty('area-line', 'visibility'))).toBe('none')
    await page.waitForFunction(() => window.__hjMap!.queryRenderedFeatures({ layers: ['area-winner'] }).length > 0, null, { timeout: 30_000 })
    await mapIdle(page)
    expect(
      await page.evaluate(() => [...new Set(window.__hjMap!.queryRenderedFeatures({ layers: ['area-winner', 'area-winner-buffer'] }).map((f) => String(f.properties.name)))]),
    ).toEqual(['江萩公路（县道）'])
    await screenshot(page, 'probe-road-1280x800')
  })

  it('probe mode: 020602 in 涵东街道 is territorial, with the near-boundary warning', async () => {
    await chooseFineClass(page, '积存垃圾')
    expect(await page.getByTestId('probe-panel').getByTestId('fine-class-input').inputValue()).toBe('020602 积存垃圾渣土')
    // Changing the class asks again for the same point: on the road in 萩芦镇 it is now the town's business.
    await page.waitForFunction(() => document.querySelector('[data-testid=probe-rule]')?.textContent === '属地', null, { timeout: 30_000 })

    await showPoint(page, HANDONG, 17, [-220, 0])
    await clickLngLat(page, HANDONG)
    await unitIs(page, '涵东街道办事处')
    expect(await page.getByTestId('probe-rule').textContent()).toBe('属地')
    expect(await page.getByTestId('probe-location').textContent()).toContain('涵东街道')
    const near = await page.getByTestId('probe-near').textContent()
    expect(near).toContain('新区社区居委会')
    expect(near).toMatch(/\d(\.\d)? 米/)
    expect((await page.getByTestId('probe-explanation').locator('li').count())).toBeGreaterThanOrEqual(3)
    await mapIdle(page)
    await screenshot(page, 'probe-territorial-1280x800')
  })

  it('asks for typed GCJ-02 coordinates (from a phone map) and shows problems readably', async () => {
    const gcj = fromWgs84(HANDONG, 'gcj02')
    await page.getByText('输入坐标', { exact: true }).click()
    await page.getByTestId('probe-crs').selectOption('gcj02')
    await page.getByTestId('probe-lng').fill(gcj.lng.toFixed(7))
    await page.getByTestId('probe-lat').fill(gcj.lat.toFixed(7))
    await page.getByTestId('probe-locate').click()
    await page.waitForFunction(() => document.querySelector('[data-testid=probe-point]')?.textContent?.includes('GCJ') === false, null)
    await page.waitForFunction(() => (document.querySelector('[data-testid=probe-answer]') as HTMLElement | null)?.dataset.status === 'ready')
    await unitIs(page, '涵东街道办事处')
    const point = (await page.getByTestId('probe-point').textContent()) ?? ''
    const [lng, lat] = point.match(/\d+\.\d+/g)!.map(Number)
    expect(lng).toBeCloseTo(HANDONG.lng, 4)
    expect(lat).toBeCloseTo(HANDONG.lat, 4)
    expect(await page.getByTestId('probe-answer').textContent()).toContain('输入 GCJ-02')

    await page.getByTestId('probe-lng').fill('200')
    await page.getByTestId('probe-locate').click()
    const err = page.getByTestId('probe-error')
    await err.waitFor()
    expect(await err.textContent()).toContain('out of range')
    expect(await err.textContent()).toContain('查询失败')
  })

  it('Esc leaves probe mode and removes the marker', async () => {
    await page.getByTestId('probe-lng').press('Escape')
    await page.getByTestId('probe-panel').waitFor({ state: 'detached' })
    expect(await page.getByTestId('probe-toggle').getAttribute('aria-pressed')).toBe('false')
    // Focus was in the panel that went away: it returns to the toggle.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('probe-toggle')
    await mapIdle(page)
    expect(await page.evaluate(() => window.__hjMap!.queryRenderedFeatures({ layers: ['probe-dot'] }).length)).toBe(0)
  })

  it('draws responsibility areas when switched on, and a click shows the area, its unit and buffer', async () => {
    const box = page.getByRole('checkbox', { name: '责任区' })
    expect(await box.isChecked()).toBe(false)
    expect(await page.evaluate(() => window.__hjMap!.getLayoutProperty('area-buffer', 'visibility'))).toBe('none')
    await box.check()
    await page.locator('[data-layer=areas] .status-count').waitFor()
    await showPoint(page, ROAD, 14, [-200, 0])
    const drawn = await page.evaluate(() => {
      const m = window.__hjMap!
      const names = (layer: string) => [...new Set(m.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.name)))]
      return { lines: names('area-line'), buffers: names('area-buffer'), polygons: names('area-fill') }
    })
    expect(drawn.lines).toContain('江萩公路（县道）')
    expect(drawn.buffers).toContain('江萩公路（县道）')
    expect(drawn.polygons.length).toBeGreaterThan(0)

    await clickLngLat(page, ROAD)
    const panel = page.getByTestId('area-panel')
    await panel.waitFor()
    const first = panel.locator('li.area').first()
    expect(await first.textContent()).toContain('江萩公路（县道）')
    expect(await first.getByTestId('area-unit').textContent()).toBe('区交通运输局公路养护中心')
    expect(await first.getByTestId('area-buffer').textContent()).toBe('中线两侧各 30 米')
    expect(await first.textContent()).toContain('0105 道路交通设施')
    // The area took the click: no region was selected.
    expect(await page.getByTestId('region-panel').count()).toBe(0)
    await mapIdle(page)
    await screenshot(page, 'probe-areas-1280x800')
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    await context.close()
  })

  it('works on a phone (390×844): layer drawer, probe panel as a bottom sheet', async () => {
    page = await openPage(390, 844)
    await page.getByTestId('probe-toggle').click()
    await chooseFineClass(page, '010501')
    // The sheet covers the lower half: keep the point in the upper part of the map.
    await showPoint(page, ROAD, 15, [0, -200])
    await clickLngLat(page, ROAD)
    await unitIs(page, '区交通运输局公路养护中心')
    const sheet = await page.getByTestId('probe-panel').boundingBox()
    expect(sheet!.width).toBeGreaterThan(350)
    expect(sheet!.y).toBeGreaterThan(300)
    await mapIdle(page)
    await screenshot(page, 'probe-phone-390x844')
    // The layer panel is a drawer.
    await page.getByTestId('drawer-toggle').click()
    await page.getByRole('checkbox', { name: '责任区' }).waitFor({ state: 'visible' })
    await animationsDone(page)
    await screenshot(page, 'probe-phone-drawer-390x844')
    await context.close()
  })

  it('explains in English when the interface is English', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en', reducedMotion: 'reduce' })
    await context.addInitScript(() => localStorage.setItem('hj.locale', 'en'))
    page = await context.newPage()
    await login(page, 'dispatcher', { url: app.url })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(app.url + '/?test#/map')
    // Not `map.loaded()`: signed in, the live incident layer keeps a source busy; wait for the streets instead.
    await page.waitForFunction(
      () => !!window.__hjMap && window.__hjMap.queryRenderedFeatures({ layers: ['region-street-fill'] }).length > 0,
      null,
      { timeout: 90_000 },
    )
    await mapIdle(page)
    await page.getByTestId('probe-toggle').click()
    await chooseFineClass(page, 'pothole')
    expect(await page.getByTestId('probe-panel').getByTestId('fine-class-input').inputValue()).toBe('010501 Damaged or potholed road')
    await showPoint(page, ROAD, 15, [-220, 0])
    await clickLngLat(page, ROAD)
    await unitIs(page, '区交通运输局公路养护中心')
    expect(await page.getByTestId('probe-rule').textContent()).toBe('Responsibility area')
    const steps = (await page.getByTestId('probe-explanation').locator('li').allTextContents()).join('\n')
    expect(steps).toContain('Responsibility area “江萩公路（县道）”')
    expect(await page.getByTestId('probe-candidates').textContent()).toContain('more specific')
    await mapIdle(page)
    await screenshot(page, 'probe-en-1280x800')
    await context.close()
  })

  it('raised no page errors and asked nothing of the outside network', () => {
    expect(pageErrors).toEqual([])
    expect(outside).toEqual([])
  })
})
