import fs from 'node:fs'
import { booleanPointInPolygon } from '@turf/turf'
import type { MultiPolygon, Position } from 'geojson'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, launchChromium, mapIdle, screenshot, startApp, type RunningApp } from './support/app.ts'
import { login } from './support/auth.ts'

/**
 * The grid editor (docs/GRID-EDITOR.md) driven with real mouse events on the map, as the demo grid admin of 涵东街道:
 * split a grid with a line, merge two neighbours, redraw a retired grid by clicking near its corners (snapping makes
 * the outline exact), see the overlap warning of a bad vertex drag (and topological editing avoid it). Screenshots at
 * 1440×900 in test-results/screenshots/editor-*.png.
 */
const hasChromium = fs.existsSync(CHROMIUM)
const HANDONG = '350303001'
const OPEN = (s: string) => !['closed', 'rejected', 'merged'].includes(s)

interface Grid {
  code: string
  name: string
  parentCode: string
  ring: Position[]
}

/** A grid that is a whole lattice square (an axis-aligned rectangle), as most demo grids are. */
function isSquare(g: Grid): boolean {
  return g.ring.length === 5 && new Set(g.ring.map((p) => p[0])).size === 2 && new Set(g.ring.map((p) => p[1])).size === 2
}
const key = (p: Position) => `${p[0]},${p[1]}`
function shared(a: Grid, b: Grid): number {
  const s = new Set(a.ring.slice(0, -1).map(key))
  return b.ring.slice(0, -1).filter((p) => s.has(key(p))).length
}
const center = (g: Grid): Position => {
  const xs = g.ring.map((p) => p[0]!)
  const ys = g.ring.map((p) => p[1]!)
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2]
}

describe.runIf(hasChromium)('grid editor in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const pageErrors: string[] = []
  /** The grids the steps work on, picked apart from each other in one community of 涵东街道. */
  const pick = {} as { split: Grid; keep: Grid; merged: Grid; redraw: Grid; bad: Grid; badNeighbour: Grid; incident: { code: string; at: Position } }

  beforeAll(async () => {
    app = await startApp()
    browser = await launchChromium()
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' })
    await context.addInitScript(() => localStorage.setItem('hj.locale', 'zh-CN'))
    page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await login(page, 'grid_admin', { url: app.url })

    const fc = (await (await context.request.get(`${app.url}/api/regions?level=grid`)).json()) as {
      features: { geometry: MultiPolygon; properties: { code: string; name: string; parentCode: string } }[]
    }
    const grids: Grid[] = fc.features
      .filter((f) => f.properties.code.startsWith(HANDONG) && f.geometry.coordinates.length === 1 && f.geometry.coordinates[0]!.length === 1)
      .map((f) => ({ ...f.properties, ring: f.geometry.coordinates[0]![0]! }))
    const list = (await (await context.request.get(`${app.url}/api/incidents?street=${HANDONG}000&limit=200`)).json()) as {
      items: { code: string; state: string; location: { lng: number; lat: number } | null }[]
    }
    const open = list.items.filter((i) => OPEN(i.state) && i.location).map((i) => ({ code: i.code, at: [i.location!.lng, i.location!.lat] as Position }))
    const poly = (g: Grid) => ({ type: 'Polygon' as const, coordinates: [g.ring] })
    const neighbours = (g: Grid) => grids.filter((o) => o !== g && o.parentCode === g.parentCode && isSquare(o) && shared(g, o) === 2)
    // The merged grid holds an open incident (the impact preview must list it) and has a square neighbour.
    for (const g of grids.filter(isSquare)) {
      const inc = open.find((i) => booleanPointInPolygon(i.at, poly(g)))
      const n = inc && neighbours(g)[0]
      if (!inc || !n) continue
      const others = grids.filter((o) => o.parentCode === g.parentCode && isSquare(o))
      const used = [g, n]
      const apart = (o: Grid) => used.every((u) => u !== o && shared(u, o) === 0)
      const split = others.find(apart)
      if (!split) continue
      used.push(split)
      const redraw = others.find(apart)
      if (!redraw) continue
      used.push(redraw)
      const bad = others.find((o) => apart(o) && neighbours(o).some(apart))
      if (!bad) continue
      const badNeighbour = neighbours(bad).find(apart)!
      Object.assign(pick, { split, keep: n, merged: g, redraw, bad, badNeighbour, incident: inc })
      break
    }
    expect(pick.merged, 'a square grid with an open incident in 涵东街道').toBeTruthy()
  }, 300_000)

  afterAll(async () => {
    await context?.close().catch(() => {})
    await browser?.close()
    await app?.close()
  })

  /** Screen position (page pixels) of a map coordinate. */
  async function screen(p: Position): Promise<{ x: number; y: number }> {
    return page.evaluate(([lng, lat]) => {
      const m = window.__hjMap!
      const r = m.getCanvas().getBoundingClientRect()
      const s = m.project([lng!, lat!])
      return { x: r.left + s.x, y: r.top + s.y }
    }, p)
  }
  async function lookAt(g: Grid, zoom = 17): Promise<void> {
    await page.evaluate(([c, z]) => window.__hjMap!.jumpTo({ center: c as [number, number], zoom: z as number }), [center(g), zoom] as const)
    await mapIdle(page)
  }
  async function clickAt(p: Position, dx = 0, dy = 0): Promise<void> {
    const s = await screen(p)
    await page.mouse.click(s.x + dx, s.y + dy)
  }
  /** On a failed step: a picture of the page and the editor's last message, for the report. */
  async function onFail<T>(name: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step()
    } catch (e) {
      await page.screenshot({ path: `test-results/screenshots/${name}-failed.png` }).catch(() => {})
      const msg = await page.getByTestId('editor-message').textContent({ timeout: 1000 }).catch(() => null)
      throw new Error(`${(e as Error).message}\neditor message: ${msg}`, { cause: e })
    }
  }
  const draftItems = () => page.locator('[data-testid^=draft-item-]')
  const problems = () => page.locator('[data-testid^=problem-]')

  it('opens the editor from the navigation with the grids of the district', async () => {
    await page.goto(`${app.url}/map?test`)
    await page.getByRole('link', { name: '网格编辑' }).first().click()
    await page.waitForURL(/\/regions\/edit/)
    await page.goto(`${app.url}/regions/edit?test`)
    await page.waitForFunction(() => !!window.__hjMap?.getSource('editor-drafts'), null, { timeout: 60_000 })
    await page.getByTestId('map-busy').waitFor({ state: 'detached', timeout: 120_000 })
    await lookAt(pick.split, 16)
    await page.waitForFunction(() => window.__hjMap!.queryRenderedFeatures({ layers: ['region-grid-fill'] }).length > 0, null, { timeout: 60_000 })
    await expect.poll(() => page.getByTestId('draft-empty').isVisible()).toBe(true)
    await screenshot(page, 'editor-open')
  })

  it('splits a grid in two with a drawn line', () => onFail('editor-split', async () => {
    await lookAt(pick.split)
    await clickAt(center(pick.split))
    await page.getByTestId('selection').waitFor()
    await page.keyboard.press('s')
    const xs = pick.split.ring.map((p) => p[0]!)
    const w = Math.max(...xs) - Math.min(...xs)
    const [, cy] = center(pick.split) as [number, number]
    // A straight line across the middle, starting and ending well outside the grid.
    await clickAt([Math.min(...xs) - w * 0.2, cy])
    const end: Position = [Math.max(...xs) + w * 0.2, cy]
    await clickAt(end)
    await clickAt(end)
    await expect.poll(() => draftItems().count()).toBe(2)
    await expect(page.getByTestId(`draft-item-${pick.split.code}`)).toBeTruthy()
    expect(await page.getByTestId('draft-item-new:1').textContent()).toContain('新增')
    expect(await problems().count()).toBe(0)
    await screenshot(page, 'editor-split')
  }))

  it('merges two neighbouring grids', async () => {
    await lookAt(pick.keep)
    await page.keyboard.press('v')
    await clickAt(center(pick.keep))
    await page.keyboard.press('m')
    await clickAt(center(pick.merged))
    await expect.poll(() => draftItems().count()).toBe(4)
    expect(await page.getByTestId(`draft-item-${pick.merged.code}`).textContent()).toContain('注销')
    expect(await problems().count()).toBe(0)
    await screenshot(page, 'editor-merge')
  })

  it('redraws a retired grid by clicking near its corners: snapping makes it exact (no gap, no overlap)', async () => {
    await lookAt(pick.redraw)
    await clickAt(center(pick.redraw))
    await page.keyboard.press('Delete')
    await expect.poll(() => draftItems().count()).toBe(5)
    // Retiring it leaves a gap in the community, shown with its size.
    await expect.poll(() => page.getByTestId('problem-gap').count()).toBe(1)
    await page.keyboard.press('p')
    const c = center(pick.redraw)
    const corners = pick.redraw.ring.slice(0, 4)
    // 5 px inside each corner: without snapping the outline would leave a gap along every edge.
    for (const p of corners) {
      const s = await screen(p)
      const cs = await screen(c)
      await page.mouse.click(s.x + Math.sign(cs.x - s.x) * 5, s.y + Math.sign(cs.y - s.y) * 5)
    }
    const first = await screen(corners[0]!)
    await page.mouse.click(first.x, first.y)
    await expect.poll(() => draftItems().count()).toBe(6)
    await expect.poll(() => problems().count()).toBe(0)
    await screenshot(page, 'editor-redraw')
  })

  it('warns of the overlap a bad vertex drag makes, undoes it, and topological editing avoids it', async () => {
    await lookAt(pick.bad)
    await page.keyboard.press('v')
    await clickAt(center(pick.bad))
    await page.getByTestId('opt-topological').uncheck()
    await page.keyboard.press('e')
    const sharedCorner = pick.bad.ring.slice(0, 4).find((p) => pick.badNeighbour.ring.some((q) => key(q) === key(p)))!
    const from = await screen(sharedCorner)
    const into = await screen(center(pick.badNeighbour))
    const to = { x: from.x + (into.x - from.x) * 0.3, y: from.y + (into.y - from.y) * 0.3 }
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(to.x, to.y, { steps: 8 })
    await page.mouse.up()
    await expect.poll(() => page.getByTestId('problem-overlap').count()).toBeGreaterThan(0)
    await mapIdle(page)
    await screenshot(page, 'editor-overlap')
    await page.keyboard.press('Control+z')
    await expect.poll(() => problems().count()).toBe(0)
    await page.getByTestId('opt-topological').check()
    await page.keyboard.press('e')
    const again = await screen(sharedCorner)
    await page.mouse.move(again.x, again.y)
    await page.mouse.down()
    await page.mouse.move(to.x, to.y, { steps: 8 })
    await page.mouse.up()
    await expect.poll(() => page.getByTestId('editor-message').textContent()).toContain('相邻网格')
    expect(await problems().count()).toBe(0)
    await screenshot(page, 'editor-topological')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+z')
    await expect.poll(() => draftItems().count()).toBe(6)
  })

  let changeSetId = 0
  it('previews the impact (the incidents that change grid) and submits the change set', async () => {
    await page.getByTestId('preview').click()
    await page.getByTestId('impact').waitFor({ timeout: 60_000 })
    expect(Number((await page.getByTestId('impact-incident-count').textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(0)
    expect(await page.getByTestId('impact').textContent()).toContain(pick.incident.code)
    await screenshot(page, 'editor-preview')
    await page.getByTestId('submit').click()
    const done = await page.getByTestId('submitted').textContent({ timeout: 60_000 })
    changeSetId = Number(done?.match(/#(\d+)/)?.[1])
    expect(changeSetId).toBeGreaterThan(0)
    await expect.poll(() => page.getByTestId('draft-empty').isVisible()).toBe(true)
  })

  it('an admin approves; the assignment answers the new grids, the old incident keeps its grid', async () => {
    const admin = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' })
    try {
      const p = await admin.newPage()
      p.on('pageerror', (e) => pageErrors.push(e.message))
      await login(p, 'admin', { url: app.url })
      await p.goto(`${app.url}/regions/edit?test`)
      await p.getByTestId('tab-review').click()
      await p.getByTestId(`review-set-${changeSetId}`).click()
      await p.getByTestId('impact').waitFor()
      await p.getByTestId('review-comment').fill('同意调整')
      await screenshot(p, 'editor-review')
      await p.getByTestId('approve').click()
      await p.getByTestId('review-notice').waitFor({ timeout: 60_000 })
      const at = pick.incident.at
      const assign = (await (await admin.request.get(`${app.url}/api/assign?lng=${at[0]}&lat=${at[1]}`)).json()) as { grid: { code: string } | null }
      expect(assign.grid?.code).toBe(pick.keep.code)
      const detail = (await (await admin.request.get(`${app.url}/api/incidents/${pick.incident.code}`)).json()) as { grid?: { code: string } | null }
      expect(JSON.stringify(detail)).toContain(pick.merged.code)
    } finally {
      await admin.close()
    }
    expect(pageErrors).toEqual([])
  })
})
