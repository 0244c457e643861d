import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import type { Browser } from 'playwright-core'
import { startServer, type RunningServer } from '../apps/api/src/server.ts'
import { ensureWebBuilt } from '../scripts/build-web.mjs'
import { signInHeaders, type Figure } from './lib.ts'
import { fillBenchIncidents } from './map.ts'

const CHROMIUM = '/usr/bin/chromium'
const RUNS = Number(process.env.BENCH_DESK_RUNS ?? 3)

/**
 * Time to first render of the dispatch desk: a signed-in dispatcher opens /dispatch in a fresh Chromium
 * context (empty cache); the page notes when the queue has its rows, then when the map has drawn everything it
 * loaded (MapLibre `loaded()`). Headless Chromium here draws WebGL in software (SwiftShader), so the map stage is
 * an upper bound of what a wall PC with a GPU sees. Measured on the demo database, then again after adding 100,000
 * incidents. Same-run baseline: the same app's About page (shell, fonts, no data). Also the bytes the desk
 * downloaded (all responses, as sent) and the map data's share.
 */
interface Render {
  /** Milliseconds from navigation start until each stage's condition held, in order. */
  ms: number[]
  bytes: number
  mapBytes: number
  rows: number
}

async function firstRender(browser: Browser, base: string, hash: string, session: Record<string, string>, stages: string[]): Promise<Render> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce', locale: 'zh-CN' })
  try {
    const cookie = session.cookie ?? ''
    await context.addCookies(
      cookie.split(/;\s*/).filter(Boolean).map((kv) => {
        const i = kv.indexOf('=')
        return { name: kv.slice(0, i), value: kv.slice(i + 1), url: base }
      }),
    )
    const page = await context.newPage()
    const sizes: Promise<{ url: string; bytes: number }>[] = []
    // A request that finishes while the context closes (a late refresh) has no sizes any more: count it as 0.
    page.on('requestfinished', (r) =>
      sizes.push(
        r.sizes().then(
          (s) => ({ url: r.url(), bytes: s.responseBodySize + s.responseHeadersSize }),
          () => ({ url: r.url(), bytes: 0 }),
        ),
      ),
    )
    await page.goto(`${base}/?test#${hash}`)
    const ms: number[] = []
    for (const stage of stages) {
      // The page notes the time itself when the condition first holds (polled every 20 ms).
      const at = await page.waitForFunction(new Function(`return (${stage})() && performance.now()`) as () => number, null, {
        timeout: 120_000,
        polling: 20,
      })
      ms.push((await at.jsonValue()) as number)
    }
    const rows = await page.evaluate(() => document.querySelectorAll('[data-testid=queue-row]').length)
    const all = await Promise.all(sizes)
    return {
      ms,
      rows,
      bytes: all.reduce((a, s) => a + s.bytes, 0),
      mapBytes: all.filter((s) => s.url.includes('/api/incidents/map')).reduce((a, s) => a + s.bytes, 0),
    }
  } finally {
    await context.close()
  }
}

/** The desk in two stages: the queue listed (a dispatcher can start), then the map drawn with all it loaded. */
const DESK_STAGES = [
  `() => { const q = document.querySelector('[data-testid=queue]'); return !!q && q.getAttribute('aria-busy') !== 'true' && document.querySelectorAll('[data-testid=queue-row]').length > 0 }`,
  `() => { const m = window.__hjMap; return !!m && m.loaded() && m.isStyleLoaded() }`,
]
const ABOUT_STAGES = [`() => !!document.querySelector('main h1, main h2') && document.fonts.status === 'loaded'`]

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function measure(browser: Browser, s: RunningServer, session: Record<string, string>, label: string, engine: string): Promise<Figure[]> {
  const about: Render[] = []
  const desk: Render[] = []
  // Warm the server (plans, caches) once; every measured run is a new browser context (cold browser cache).
  await firstRender(browser, s.url, '/dispatch', session, DESK_STAGES)
  for (let i = 0; i < RUNS; i++) {
    about.push(await firstRender(browser, s.url, '/about', session, ABOUT_STAGES))
    desk.push(await firstRender(browser, s.url, '/dispatch', session, DESK_STAGES))
  }
  const baseline = { name: `${engine} About page (app shell)`, value: median(about.map((r) => r.ms[0]!)) }
  const d = desk[0]!
  return [
    { name: `${engine} About page first render (baseline)`, value: baseline.value, unit: 'ms' },
    { name: `${engine} desk first render: queue listed, ${label}`, value: median(desk.map((r) => r.ms[0]!)), unit: 'ms', baseline },
    { name: `${engine} desk first render: map drawn, ${label}`, value: median(desk.map((r) => r.ms[1]!)), unit: 'ms', baseline },
    { name: `${engine} desk download, ${label} (${d.rows} queue rows)`, value: d.bytes, unit: `B (map data ${d.mapBytes} B)` },
  ]
}

async function suite(engine: string, env: Record<string, string>, browser: Browser, web: string): Promise<Figure[]> {
  const s = await startServer({ PORT: '0', HOST: '127.0.0.1', DEMO: 'true', LOG_LEVEL: 'silent', WEB_DIST: web, TIMER_WORKER: 'off', ...env })
  try {
    const session = await signInHeaders(s.url, 'dispatcher', process.env.DEMO_PASSWORD ?? 'hanjiang-demo')
    const out = await measure(browser, s, session, 'demo data', engine)
    await fillBenchIncidents(s.database)
    out.push(...(await measure(browser, s, session, '+100,000 incidents', engine)))
    return out
  } finally {
    await s.close()
  }
}

export async function benchDesk(): Promise<Figure[]> {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`  (desk: skipped, no ${CHROMIUM})`)
    return []
  }
  const web = ensureWebBuilt()
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const figures: Figure[] = []
  try {
    const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
    const name = `hj_bench_desk_${Date.now().toString(36)}`
    try {
      await admin.unsafe(`CREATE DATABASE ${name}`)
      const u = new URL(adminUrl)
      u.pathname = `/${name}`
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-desk-pg-'))
      figures.push(...(await suite('PostGIS', { DATABASE_URL: u.toString(), DATA_DIR: dir }, browser, web)))
      fs.rmSync(dir, { recursive: true, force: true })
    } catch (e) {
      console.log(`  (desk: PostGIS part skipped: ${(e as Error).message})`)
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
      await admin.end()
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-desk-'))
    try {
      figures.push(...(await suite('PGlite', { DATABASE_URL: '', DATA_DIR: dir }, browser, web)))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  } finally {
    await browser.close()
  }
  return figures
}
