import fs from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WALL_TYPE } from '../src/wall/type-scale.ts'
import { CHROMIUM, launchChromium, mapIdle, screenshot, startApp, type RunningApp } from './support/app.ts'
import { login } from './support/auth.ts'
import { withTest } from './support/url.ts'

/**
 * The wall read from across the room: at 1920×1080 and 3840×2160, with the app's header (not kiosk), every visible
 * text node on the screen is measured (computed font size of its parent, times any CSS zoom) against the wall's type
 * scale (src/wall/type-scale.ts) × the viewport scale, and none is cut off (ellipsis or clipped by its panel).
 * Canvas text is checked where it is configured: the ECharts options of every panel and the MapLibre symbol layers
 * drawn at the wall's zoom; every street/town name is placed on the map (not hidden under incident clusters).
 */

const hasChromium = fs.existsSync(CHROMIUM)
/** The app header's smallest type on a desk (11 px badges): on the wall it grows with the screen. */
const CHROME_MIN_PX = 11
/** Street/town offices of the demo district: each has a name on the wall's map. */
const STREETS = 13

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any

interface TextSample {
  text: string
  px: number
  where: 'wall' | 'chrome'
  kpi: boolean
  cut: boolean
}

describe.runIf(hasChromium)('wall legibility in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  async function openWall(width: number, height: number, locale: 'zh-CN' | 'en'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height }, locale, timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' })
    contexts.push(context)
    await context.addInitScript((l) => localStorage.setItem('hj.locale', l), locale)
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await login(page, 'viewer', { url: app.url })
    await page.goto(withTest(app.url, '/wall'))
    await page.getByTestId('feed-item').first().waitFor({ timeout: 60_000 })
    await page.waitForFunction(() => Object.keys(window.__hjWallCharts ?? {}).length === 4, null, { timeout: 60_000 })
    await page.waitForFunction(
      () => {
        const m = window.__hjMap
        return !!m && !!m.getLayer('incident-cluster') && m.queryRenderedFeatures({ layers: ['incident-cluster', 'incident-point'] }).length > 0
      },
      null,
      { timeout: 90_000, polling: 250 },
    )
    await mapIdle(page)
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid^="chart-"]')].every((c) => c.getAttribute('data-rendered') === 'true'), null, {
      timeout: 30_000,
      polling: 100,
    })
    return page
  }

  /** Every visible, non-empty text node in the viewport with its effective font size, and whether it is cut off. */
  function textSamples(page: Page): Promise<TextSample[]> {
    return page.evaluate(() => {
      const out: TextSample[] = []
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = (n.textContent ?? '').trim()
        const el = n.parentElement
        if (!text || !el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue
        const range = document.createRange()
        range.selectNodeContents(n)
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0)
        const r = rects[0]
        if (!r || r.right <= 0 || r.bottom <= 0 || r.left >= window.innerWidth || r.top >= window.innerHeight) continue
        const style = getComputedStyle(el)
        const zoom = (el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1
        // Cut off: an ellipsis in use, or text partly outside an ancestor that clips it (an item wholly outside —
        // one that did not fit and is not shown — is not cut off, only hidden).
        let clip: DOMRect | null = null
        for (let a = el.parentElement; a && !clip; a = a.parentElement) {
          if (getComputedStyle(a).overflow !== 'visible') clip = a.getBoundingClientRect()
        }
        const ellipsis = [el, el.parentElement].some((x) => x && getComputedStyle(x).textOverflow === 'ellipsis' && x.scrollWidth > x.clientWidth + 1)
        const outside = (q: DOMRect, b: DOMRect) => q.right <= b.left || q.left >= b.right || q.bottom <= b.top || q.top >= b.bottom
        if (clip && rects.every((q) => outside(q, clip))) continue
        // Glyph boxes run a little past a tight line box: a quarter of the line is slack vertically.
        const clipped = !!clip && rects.some((q) => q.right > clip.right + 1 || q.left < clip.left - 1 || q.bottom - clip.bottom > q.height / 4 || clip.top - q.top > q.height / 4)
        out.push({
          text: text.slice(0, 40),
          px: parseFloat(style.fontSize) * zoom,
          where: el.closest('[data-testid=wall]') ? 'wall' : 'chrome',
          kpi: !!el.closest('[data-testid^=total-]'),
          cut: ellipsis || clipped,
        })
      }
      return out
    })
  }

  /** Every `fontSize` in a chart option with its path (e.g. `yAxis.axisLabel.fontSize`). */
  function fontSizes(option: unknown, path = ''): { path: string; px: number }[] {
    if (Array.isArray(option)) return option.flatMap((o, i) => fontSizes(o, `${path}.${i}`))
    if (!option || typeof option !== 'object') return []
    return Object.entries(option).flatMap(([k, v]) => (k === 'fontSize' && typeof v === 'number' ? [{ path, px: v }] : fontSizes(v, path ? `${path}.${k}` : k)))
  }

  /** The smallest size a `text-size` can take (a number, or the stops of a zoom interpolation). */
  function smallest(size: unknown): number {
    if (typeof size === 'number') return size
    if (Array.isArray(size) && size[0] === 'interpolate') return Math.min(...size.slice(3).filter((_, i) => i % 2 === 1).map(smallest))
    return NaN
  }

  async function checkScale(page: Page, scale: number): Promise<TextSample[]> {
    const samples = await textSamples(page)
    const wall = samples.filter((s) => s.where === 'wall')
    expect(wall.length).toBeGreaterThan(30)
    const small = wall.filter((s) => s.px < (s.kpi ? WALL_TYPE.kpi : WALL_TYPE.label) * scale - 0.5)
    expect(small, 'wall text below the type scale').toEqual([])
    expect(wall.filter((s) => s.kpi).length).toBe(4)
    const chrome = samples.filter((s) => s.where === 'chrome' && s.px < CHROME_MIN_PX * scale - 0.5)
    expect(chrome, 'header text not scaled with the wall').toEqual([])
    expect(wall.filter((s) => s.cut), 'cut-off text').toEqual([])

    // ECharts: axis labels at the axis size, every other text at the label size, the figures at the KPI size.
    const charts = (await page.evaluate(() => window.__hjWallCharts)) as Record<string, unknown>
    for (const [name, option] of Object.entries(charts)) {
      const sizes = fontSizes(option)
      expect(sizes.length, name).toBeGreaterThan(0)
      for (const s of sizes) {
        const min = s.path.includes('axisLabel') ? WALL_TYPE.axis : WALL_TYPE.label
        expect(s.px, `${name} ${s.path}`).toBeGreaterThanOrEqual(Math.round(min * scale))
      }
    }
    const c = charts as Any
    expect(c.channels.title.textStyle.fontSize).toBeGreaterThanOrEqual(WALL_TYPE.kpi * scale)
    expect(c.onTime.title.textStyle.fontSize).toBeGreaterThanOrEqual(WALL_TYPE.kpi * scale)

    // MapLibre: every symbol layer drawn at this zoom, at least the axis size; street names and cluster counts at
    // the label size; and every street/town named on the map.
    const map = await page.evaluate(() => {
      const m = window.__hjMap!
      const z = m.getZoom()
      const layers = m
        .getStyle()
        .layers.filter((l) => l.type === 'symbol' && (l.layout as Any)?.visibility !== 'none' && (l.minzoom ?? 0) <= z && z < (l.maxzoom ?? 24))
        .map((l) => ({ id: l.id, size: m.getLayoutProperty(l.id, 'text-size') as unknown, hasText: !!m.getLayoutProperty(l.id, 'text-field') }))
      const streets = new Set(m.queryRenderedFeatures({ layers: ['region-street-label'] }).map((f) => String(f.properties.name)))
      return { layers, streets: [...streets] }
    })
    const drawn = map.layers.filter((l) => l.hasText)
    expect(drawn.map((l) => l.id)).toEqual(expect.arrayContaining(['region-street-label', 'incident-cluster-count']))
    for (const l of drawn) expect(smallest(l.size), l.id).toBeGreaterThanOrEqual(WALL_TYPE.axis * scale)
    for (const id of ['region-street-label', 'incident-cluster-count']) {
      expect(smallest(map.layers.find((l) => l.id === id)!.size), id).toBeGreaterThanOrEqual(WALL_TYPE.label * scale)
    }
    expect(map.streets.length, `street names placed: ${map.streets.join(' ')}`).toBe(STREETS)
    return samples
  }

  beforeAll(async () => {
    app = await startApp()
    browser = await launchChromium()
  }, 300_000)

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await app?.close()
  })

  it('1920×1080: KPI figures ≥ 64 px, every other word ≥ 22 px, chart axes ≥ 18 px, nothing cut off (both languages)', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const page = await openWall(1920, 1080, locale)
      await screenshot(page, `wall-legibility-1920x1080-${locale}`)
      await checkScale(page, 1)
    }
  }, 300_000)

  it('3840×2160: everything twice as large, the header and map controls included', async () => {
    const page = await openWall(3840, 2160, 'en')
    await screenshot(page, 'wall-legibility-3840x2160-en')
    const samples = await checkScale(page, 2)
    expect(samples.some((s) => s.where === 'chrome')).toBe(true)
    // The map's zoom buttons grow too (icons, no text to measure).
    const button = await page.locator('.maplibregl-ctrl-zoom-in').boundingBox()
    expect(button!.width).toBeGreaterThanOrEqual(2 * 40 - 1)
  }, 300_000)

  it('made no page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
