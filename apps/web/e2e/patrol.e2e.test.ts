import fs from 'node:fs'
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import { request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, launchChromium, mapIdle, screenshot, startApp, type RunningApp } from './support/app.ts'
import { DEMO_PASSWORD, login } from './support/auth.ts'
import { jpeg, openContext, watch } from './support/work.ts'

declare global {
  interface Window {
    __hjLastFix?: [number, number]
  }
}

/**
 * The patrol page at phone size against the real server and demo seed, signed in as the demo
 * `inspector` (涵西街道): the grid, its route and coverage; a report made OFFLINE is queued on the device and
 * arrives exactly once when the connection is back; a recorded track raises the grid's coverage; a resolved
 * incident is verified (pass). Screenshots in zh-CN and en.
 */

const hasChromium = fs.existsSync(CHROMIUM)
const TEXT = `巡查浏览器测试 ${Date.now().toString(36)}`

/** An API session as a demo user (cookie + X-CSRF-Token). */
async function apiAs(url: string, username: string) {
  const ctx: APIRequestContext = await request.newContext({ baseURL: url })
  const login = await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } })
  if (login.status() !== 200) throw new Error(`${username} sign-in: ${login.status()} ${await login.text()}`)
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const headers = { 'x-csrf-token': csrfToken }
  const get = async <T = any>(path: string): Promise<T> => (await ctx.get(path)).json() as Promise<T> // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    get,
    post: async (path: string, data: unknown, extra: Record<string, string> = {}) => {
      const r = await ctx.post(path, { data, headers: { ...headers, ...extra } })
      if (r.status() >= 300) throw new Error(`POST ${path}: ${r.status()} ${await r.text()}`)
      return r.json()
    },
    photo: async () => {
      const r = await ctx.post('/api/photos', { multipart: { file: await jpeg(40, 160, 60) }, headers })
      return ((await r.json()) as { id: string }).id
    },
    step: async (code: string, action: string, body: Record<string, unknown> = {}) => {
      const cur = await get<{ version: number }>(`/api/incidents/${code}`)
      const r = await ctx.post(`/api/incidents/${code}/actions/${action}`, { data: { version: cur.version, ...body }, headers })
      if (r.status() !== 200) throw new Error(`${action} ${code}: ${r.status()} ${await r.text()}`)
      return r.json()
    },
    dispose: () => ctx.dispose(),
  }
}

describe.runIf(hasChromium)('patrol page at 360×640 in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[] = []
  const outside: string[] = []
  let site = { lng: 0, lat: 0 }
  let gridCode = ''
  let route: number[][] = []

  async function open(locale: 'zh-CN' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await openContext(browser, app.url, { locale, phone: true, at: site })
    contexts.push(context)
    // Notes the last position handed to the page, so a test can wait until a fix it set has arrived.
    await context.addInitScript(() => {
      const geo = navigator.geolocation
      const watchPosition = geo.watchPosition.bind(geo)
      geo.watchPosition = (ok, fail, o) =>
        watchPosition((p) => {
          window.__hjLastFix = [p.coords.longitude, p.coords.latitude]
          ok(p)
        }, fail, o)
    })
    const page = watch(await context.newPage(), new URL(app.url).origin, errors, outside)
    await login(page, 'inspector', { url: app.url })
    await page.goto(`${app.url}/?test#/patrol`)
    await page.getByTestId('patrol-page').waitFor()
    await page.waitForFunction((code) => (document.querySelector('[data-testid=patrol-grid]') as HTMLSelectElement | null)?.value === code, gridCode, { timeout: 60_000 })
    await page.getByTestId('patrol-position').filter({ hasText: /±|Accuracy/ }).waitFor({ timeout: 30_000 })
    await mapIdle(page)
    return { context, page }
  }

  beforeAll(async () => {
    app = await startApp()
    browser = await launchChromium()
    // A routed grid of the inspector's area (not the first: the page must follow the position to it), and a
    // point on its route (the inspector stands there).
    const insp = await apiAs(app.url, 'inspector')
    const grids = await insp.get<{ grids: { code: string; hasRoute: boolean }[] }>('/api/patrol/grids')
    const routed = grids.grids.filter((g) => g.hasRoute)
    gridCode = routed[Math.min(6, routed.length - 1)]!.code
    const g = await insp.get<{ route: { geometry: { coordinates: number[][] } } }>(`/api/patrol/grids/${gridCode}`)
    route = g.route.geometry.coordinates
    site = { lng: route[0]![0]!, lat: route[0]![1]! }
    await insp.dispose()
  }, 300_000)

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await app?.close()
  })

  it('opens on the grid the inspector stands in, with its route and today’s coverage', async () => {
    const { page } = await open('zh-CN')
    await expect.poll(() => page.getByTestId('patrol-coverage').textContent()).toMatch(/今日覆盖 \d+%/)
    const rendered = (layer: string) => page.evaluate((id) => window.__hjMap!.queryRenderedFeatures({ layers: [id] }).length, layer)
    await expect.poll(() => rendered('patrol-route'), { timeout: 20_000 }).toBeGreaterThan(0)
    await expect.poll(() => rendered('patrol-me'), { timeout: 20_000 }).toBe(1)
    await mapIdle(page)
    await screenshot(page, 'patrol-360-zh')
  })

  it('offline: the report is queued on the device, then arrives exactly once when back online', async () => {
    const { context, page } = await open('zh-CN')
    const dispatcher = await apiAs(app.url, 'dispatcher')
    await context.setOffline(true)
    await expect.poll(() => page.getByTestId('patrol-net').textContent()).toBe('离线')

    const t0 = Date.now()
    let clicks = 0
    await page.getByTestId('patrol-tab-report').click(); clicks++
    await page.getByTestId('patrol-photo').locator('input').setInputFiles(await jpeg(200, 90, 30)); clicks++
    await page.getByTestId('patrol-class-020704').click(); clicks++
    await expect.poll(() => page.getByTestId('patrol-location').textContent()).toMatch(/WGS84/)
    await page.getByTestId('patrol-description').fill(TEXT)
    await screenshot(page, 'patrol-report-360-zh')
    await page.getByTestId('patrol-submit').click(); clicks++
    const seconds = (Date.now() - t0) / 1000
    console.log(`[patrol] offline report: ${clicks} taps + description typed, ${seconds.toFixed(1)} s in the test`)

    await page.getByTestId('patrol-queue-count').filter({ hasText: '1' }).waitFor()
    await page.getByTestId('patrol-tab-queue').click()
    const item = page.getByTestId('patrol-queue-item')
    await expect.poll(() => item.getAttribute('data-state')).toBe('queued')
    expect(await item.getAttribute('data-kind')).toBe('report')
    await screenshot(page, 'patrol-offline-queue-360-zh')

    // A reload while offline keeps the queue (IndexedDB), and still nothing reached the server.
    const find = async () => (await dispatcher.get<{ items: { code: string }[] }>(`/api/incidents?q=${encodeURIComponent(TEXT)}&limit=10`)).items
    expect(await find()).toEqual([])

    const tOnline = Date.now()
    await context.setOffline(false)
    await page.getByTestId('patrol-queue-empty').waitFor({ timeout: 30_000 })
    console.log(`[patrol] back online → queue empty in ${((Date.now() - tOnline) / 1000).toFixed(1)} s`)
    await expect.poll(find, { timeout: 15_000 }).toHaveLength(1)
    // Sending again (a second online event, a reload) adds nothing.
    await page.getByTestId('patrol-send-now').click({ trial: true }).catch(() => {})
    await page.reload()
    await page.getByTestId('patrol-page').waitFor()
    // Whatever the reloaded page would send has been sent: the network is quiet.
    await page.waitForLoadState('networkidle')
    const found = await find()
    expect(found).toHaveLength(1)
    const incident = await dispatcher.get<{ channel: string; fineClass: { code: string } | string; location: unknown; photos?: unknown[] }>(`/api/incidents/${found[0]!.code}`)
    expect(incident.channel).toBe('patrol')
    await dispatcher.dispose()
  })

  it('fixed on the spot: the report is closed at once with before and after photos (selfResolve)', async () => {
    const { page } = await open('zh-CN')
    const dispatcher = await apiAs(app.url, 'dispatcher')
    const text = `${TEXT} 当场处置`
    await page.getByTestId('patrol-tab-report').click()
    await page.getByTestId('patrol-photo').locator('input').setInputFiles(await jpeg(120, 120, 30))
    await page.getByTestId('patrol-class-020706').click()
    await page.getByTestId('patrol-description').fill(text)
    await page.getByTestId('patrol-self').check()
    await page.getByTestId('patrol-submit').click()
    await expect.poll(() => page.getByTestId('patrol-report-errors').textContent()).toContain('处置后照片')
    await page.getByTestId('patrol-after-photo').locator('input').setInputFiles(await jpeg(30, 160, 200))
    await page.getByTestId('patrol-submit').click()
    await page.getByTestId('patrol-toast').waitFor()
    const find = async () => (await dispatcher.get<{ items: { code: string; state: string }[] }>(`/api/incidents?q=${encodeURIComponent(text)}&limit=10`)).items
    await expect.poll(async () => (await find()).map((i) => i.state), { timeout: 20_000 }).toEqual(['closed'])
    const events = await dispatcher.get<{ events: { action: string; photos: { kind: string }[] | null }[] }>(`/api/incidents/${(await find())[0]!.code}/events`)
    const self = events.events.find((e) => e.action === 'selfResolve')!
    expect(self.photos!.map((p) => p.kind).sort()).toEqual(['after', 'before'])
    await dispatcher.dispose()
  })

  it('track recording: the walked part of the route counts towards today’s coverage', async () => {
    const { context, page } = await open('zh-CN')
    const before = Number((await page.getByTestId('patrol-coverage').textContent())!.match(/(\d+)%/)![1])
    await page.getByTestId('patrol-track-toggle').click()
    // Walk the first two legs of the route, a fix every ~15 m (the recorder keeps moves of 10 m or more).
    const pts: { lng: number; lat: number }[] = []
    for (let i = 0; i + 1 < Math.min(route.length, 3); i++) {
      const [a, b] = [route[i]!, route[i + 1]!]
      const m = Math.hypot((b[0]! - a[0]!) * 100_500, (b[1]! - a[1]!) * 111_320)
      const steps = Math.max(2, Math.ceil(m / 15))
      for (let k = 0; k <= steps; k++) pts.push({ lng: a[0]! + ((b[0]! - a[0]!) * k) / steps, lat: a[1]! + ((b[1]! - a[1]!) * k) / steps })
    }
    for (const p of pts) {
      await context.setGeolocation({ longitude: p.lng, latitude: p.lat, accuracy: 5 })
      // The page has this fix (recorded by the watchPosition wrapper of `open`) before the next one comes.
      await page.waitForFunction(([lng, lat]) => window.__hjLastFix?.[0] === lng && window.__hjLastFix?.[1] === lat, [p.lng, p.lat], { timeout: 10_000 })
    }
    await expect.poll(async () => Number((await page.getByTestId('patrol-recording').textContent())!.match(/(\d+)/)![1])).toBeGreaterThan(pts.length / 2)
    await mapIdle(page)
    await screenshot(page, 'patrol-track-360-zh')
    await page.getByTestId('patrol-track-toggle').click()
    await expect
      .poll(async () => Number((await page.getByTestId('patrol-coverage').textContent())!.match(/(\d+)%/)![1]), { timeout: 20_000 })
      .toBeGreaterThan(before)
  })

  it('verification: a resolved incident in the inspector’s area passes and closes', async () => {
    const dispatcher = await apiAs(app.url, 'dispatcher')
    const handler = await apiAs(app.url, 'handler')
    const created = (await dispatcher.post('/api/incidents', {
      channel: 'hotline_12345', requestType: 'complaint', fineClass: '020601', location: { ...site, crs: 'wgs84' },
      address: '巡查核查测试点', description: `${TEXT} 核查`,
    })) as { code: string }
    const code = created.code
    await dispatcher.step(code, 'register', { incidentType: 'complaint' })
    await dispatcher.step(code, 'dispatch', { unitCode: 'city_admin' })
    await handler.step(code, 'accept')
    await handler.step(code, 'arrive')
    await handler.step(code, 'resolve', { note: '已清理完毕', afterPhotos: [await handler.photo()] })

    const { page } = await open('zh-CN')
    await page.getByTestId('patrol-tab-verify').click()
    const card = page.getByTestId(`patrol-verify-${code}`)
    await card.waitFor()
    await expect.poll(() => card.textContent()).toContain('已清理完毕')
    await screenshot(page, 'patrol-verify-360-zh')
    await card.getByTestId('patrol-verify-pass').click()
    await expect.poll(async () => (await dispatcher.get<{ state: string }>(`/api/incidents/${code}`)).state, { timeout: 20_000 }).toBe('closed')
    await card.waitFor({ state: 'detached', timeout: 20_000 })
    await dispatcher.dispose()
    await handler.dispose()
  })

  it('English, and no page errors or outside requests', async () => {
    const { page } = await open('en')
    await expect.poll(() => page.getByTestId('patrol-coverage').textContent()).toMatch(/Today \d+%/)
    await screenshot(page, 'patrol-360-en')
    await page.getByTestId('patrol-tab-report').click()
    await screenshot(page, 'patrol-report-360-en')
    await page.getByTestId('patrol-submit').click()
    await expect.poll(() => page.getByTestId('patrol-report-errors').textContent()).toContain('Take a photo first')
    // Location by a tap on the map (WGS84, stated).
    await page.getByTestId('patrol-loc-map').click()
    await expect.poll(() => page.getByTestId('patrol-location').textContent()).toBe('Tap the map to place it')
    const box = (await page.getByTestId('patrol-map').boundingBox())!
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expect.poll(() => page.getByTestId('patrol-location').textContent()).toMatch(/^119\.\d{5}, 25\.\d{5} \(WGS84\)$/)
    await page.getByTestId('patrol-tab-queue').click()
    await screenshot(page, 'patrol-queue-360-en')
    expect(errors).toEqual([])
    expect(outside).toEqual([])
  })
})
