import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { startServer } from '../apps/api/src/server.ts'
import { ensureWebBuilt } from '../scripts/build-web.mjs'
import { signInHeaders, type Figure } from './lib.ts'

const CHROMIUM = '/usr/bin/chromium'

/**
 * The grid editor's vertex drag (docs/GRID-EDITOR.md): frame times (requestAnimationFrame deltas) while a vertex of
 * a grid is dragged 150 px in 60 mouse moves, with all ~3,000 demo grids drawn in view (the grid layers' zoom floor
 * lifted, the district in view). Same-run baseline: the same drag zoomed in on the grid (a few dozen grids in view).
 * Headless Chromium draws WebGL in software (SwiftShader): an upper bound of what a desk PC with a GPU sees.
 */
async function dragFrames(page: Page, zoom: number, allGrids: boolean): Promise<{ median: number; p95: number; frames: number; inView: number }> {
  // Back to a fresh edit of the same grid (tree pick → edit mode), then zoom out around the dragged vertex.
  await page.keyboard.press('Escape')
  await page.keyboard.press('e')
  const vertex = await page.evaluate(
    ([z, all]) => {
      const m = window.__hjMap!
      for (const id of ['region-grid-fill', 'region-grid-line']) m.setLayerZoomRange(id, all ? 0 : 13, 24)
      // The selected grid rides in the editor's draft source; its first corner is the vertex dragged.
      const sel = m.querySourceFeatures('editor-drafts').find((x) => x.properties.selected)
      const g = sel?.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon | undefined
      const ring = g ? (g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!) : null
      const c = ring ? ring[0]! : [m.getCenter().lng, m.getCenter().lat]
      m.jumpTo({ center: c as [number, number], zoom: z as number })
      return c
    },
    [zoom, allGrids] as const,
  )
  await page.evaluate(() => new Promise<void>((r) => window.__hjMap!.once('idle', () => r())))
  const inView = await page.evaluate(() => new Set(window.__hjMap!.queryRenderedFeatures({ layers: ['region-grid-line'] }).map((f) => f.properties.code)).size)
  const box = await page.evaluate((v) => {
    const m = window.__hjMap!
    const r = m.getCanvas().getBoundingClientRect()
    const s = m.project(v as [number, number])
    return { x: r.left + s.x, y: r.top + s.y }
  }, vertex)
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean }
    w.__frames = []
    w.__rec = true
    const tick = (t: number) => {
      w.__frames.push(t)
      if (w.__rec) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  await page.mouse.move(box.x, box.y)
  await page.mouse.down()
  await page.mouse.move(box.x + 150, box.y + 40, { steps: 60 })
  await page.mouse.up()
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean }
    w.__rec = false
    return w.__frames
  })
  await page.keyboard.press('Control+z')
  const deltas = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b)
  return {
    median: deltas[Math.floor(deltas.length / 2)] ?? NaN,
    p95: deltas[Math.floor(deltas.length * 0.95)] ?? NaN,
    frames: deltas.length,
    inView,
  }
}

export async function benchEditorDrag(): Promise<Figure[]> {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`  (editor-drag: skipped, no ${CHROMIUM})`)
    return []
  }
  const web = ensureWebBuilt()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-editor-'))
  const s = await startServer({ PORT: '0', HOST: '127.0.0.1', DEMO: 'true', LOG_LEVEL: 'silent', WEB_DIST: web, TIMER_WORKER: 'off', DATABASE_URL: '', DATA_DIR: dir })
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
  try {
    const session = await signInHeaders(s.url, 'admin', process.env.DEMO_PASSWORD ?? 'hanjiang-demo')
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    await context.addCookies(
      (session.cookie ?? '').split(/;\s*/).filter(Boolean).map((kv) => ({ name: kv.slice(0, kv.indexOf('=')), value: kv.slice(kv.indexOf('=') + 1), url: s.url })),
    )
    // tsx keeps function names with an `__name(fn, 'name')` helper, which also lands in the functions handed to
    // page.evaluate: the page needs the same (identity) helper.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
    const page = await context.newPage()
    await page.goto(`${s.url}/regions/edit?test`)
    await page.getByTestId('map-busy').waitFor({ state: 'detached', timeout: 300_000 })
    await page.getByTestId('tree-search').fill('新区社区020网格')
    await page.getByRole('button', { name: /新区社区020网格/ }).first().click()
    const few = await dragFrames(page, 17, false)
    const all = await dragFrames(page, 10.8, true)
    const baseline = { name: `drag with ${few.inView} grids in view (z17)`, value: few.median }
    return [
      { name: `editor vertex drag, ${few.inView} grids in view (z17): median frame (baseline)`, value: few.median, unit: 'ms' },
      { name: `editor vertex drag, ${few.inView} grids in view (z17): p95 frame`, value: few.p95, unit: 'ms' },
      { name: `editor vertex drag, ${all.inView} grids in view: median frame`, value: all.median, unit: 'ms', baseline },
      { name: `editor vertex drag, ${all.inView} grids in view: p95 frame (${all.frames} frames)`, value: all.p95, unit: 'ms', baseline },
    ]
  } finally {
    await browser.close()
    await s.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
