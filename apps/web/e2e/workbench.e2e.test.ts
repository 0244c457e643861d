import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { request, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { e2eEngines } from './support/postgis.ts'
import { CHROMIUM, launchChromium, screenshot, startApp, type RunningApp } from './support/app.ts'
import { DEMO_PASSWORD, dispatcherApi, jpeg, openContext, watch } from './support/work.ts'

/**
 * The loop outside the command center, against the real server and demo seed:
 * a citizen reports on /report (phone) and gets a tracking code → the dispatcher dispatches it (API) → the
 * handler's workbench hears it live (bell + queue, no reload) → accept, arrive (the 200 m check warns), resolve
 * with an after-photo → the center verifies (API) → the citizen sees the public timeline and rates it.
 * Then the unit supervisor's ledger and its XLSX.
 */

const hasChromium = fs.existsSync(CHROMIUM)
const SITE = { lng: 119.0953, lat: 25.4588 }
/** ~560 m east of the site: the arrival check warns. */
const AWAY = { lng: SITE.lng + 0.0056, lat: SITE.lat }
const TEXT = `人行道井盖缺失，存在安全隐患（浏览器测试 ${Date.now().toString(36)}）`

for (const engine of e2eEngines()) describe.runIf(hasChromium)(`unit workbench and the citizen loop in Chromium [${engine}]`, () => {
  let app: RunningApp
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[] = []
  const outside: string[] = []
  let trackingCode = ''
  let code = ''

  const page = async (ctx: BrowserContext, hash: string): Promise<Page> => {
    contexts.push(ctx)
    const p = watch(await ctx.newPage(), new URL(app.url).origin, errors, outside)
    await p.goto(`${app.url}/#${hash}`)
    return p
  }

  beforeAll(async () => {
    app = await startApp(engine)
    browser = await launchChromium()
  }, 300_000)

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await app?.close()
  })

  it('citizen reports → dispatch → live on the workbench → accept, arrive, resolve → verified → the citizen rates', async () => {
    // 1. The citizen, on a phone, without signing in.
    const citizen = await page(await openContext(browser, app.url, { locale: 'zh-CN', phone: true, at: SITE }), '/report')
    await citizen.getByTestId('report-description').fill(TEXT)
    await citizen.getByTestId('report-locate').click()
    await citizen.getByTestId('report-located').waitFor()
    await citizen.getByTestId('report-photo').setInputFiles(await jpeg(180, 40, 40))
    await citizen.getByTestId('report-photos-public').check()
    await citizen.getByTestId('report-phone').fill('13905940001')
    const t0 = Date.now()
    await citizen.getByTestId('report-submit').click()
    trackingCode = (await citizen.getByTestId('tracking-code').textContent())!.trim()
    expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/)
    console.log(`[workbench e2e] citizen report answered in ${Date.now() - t0} ms, tracking code ${trackingCode}`)
    await screenshot(citizen, 'public-report-done-zh-CN-phone')

    // 2. The handler's workbench is open before the dispatch.
    const handler = await page(await openContext(browser, app.url, { locale: 'zh-CN', user: 'handler', at: AWAY }), '/workbench')
    await handler.getByTestId('notification-bell').waitFor({ timeout: 60_000 })
    await handler.locator('[data-testid=work-item], [data-testid=workbench-empty]').first().waitFor({ timeout: 60_000 })
    const unreadBefore = Number(await handler.getByTestId('notification-bell').getAttribute('data-count'))

    // 3. The center registers and dispatches it to 区城市管理局 (API).
    const center = await dispatcherApi(app.url)
    code = await center.codeByText(TEXT)
    await center.step(code, 'register', { incidentType: 'complaint' })
    const t1 = Date.now()
    await center.step(code, 'dispatch', { unitCode: 'city_admin' })

    // 4. Live: the bell counts it and the queue shows it, without a reload.
    await handler.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=notification-bell]')?.getAttribute('data-count')) > n,
      unreadBefore,
      { timeout: 30_000 },
    )
    const card = handler.locator(`[data-testid=work-item][data-code="${code}"]`)
    await card.waitFor({ timeout: 30_000 })
    console.log(`[workbench e2e] dispatch → bell + queue on the workbench in ${Date.now() - t1} ms`)
    await handler.getByTestId('notification-bell').click()
    await expect(handler.getByTestId('notification-list').textContent()).resolves.toContain(code)
    await screenshot(handler, 'workbench-bell-zh-CN-desktop')
    await handler.keyboard.press('Escape')

    // 5. Accept, arrive (560 m away: warned, confirmed anyway), resolve with an after-photo.
    await card.getByTestId('act-accept').click()
    await handler.waitForFunction((c) => document.querySelector(`[data-code="${c}"] [data-testid=work-state]`)?.textContent?.trim() === '已签收', code)
    await card.getByTestId('act-arrive').click()
    const status = handler.getByTestId('arrive-status')
    await handler.waitForFunction(() => /超过 200 米/.test(document.querySelector('[data-testid=arrive-status]')?.textContent ?? ''))
    expect(await status.textContent()).toMatch(/约 5\d\d 米/)
    await screenshot(handler, 'workbench-arrive-far-zh-CN-desktop')
    await handler.getByTestId('arrive-confirm').click()
    // The toast still shows the accept message until the arrival is answered: wait for the new one.
    await handler.getByTestId('workbench-toast').filter({ hasText: /距离 5\d\d 米已记录/ }).waitFor({ timeout: 15_000 })
    await handler.waitForFunction((c) => document.querySelector(`[data-code="${c}"] [data-testid=work-state]`)?.textContent?.trim() === '已到场', code)
    await card.getByTestId('act-resolve').click()
    await handler.getByTestId('resolve-submit').click()
    await handler.getByText('请至少上传一张处置后照片').waitFor()
    await handler.getByTestId('resolve-photo').setInputFiles(await jpeg(40, 160, 90))
    await handler.getByTestId('resolve-note').fill('已补装井盖并设置警示，现场清理完毕')
    await screenshot(handler, 'workbench-resolve-zh-CN-desktop')
    await handler.getByTestId('resolve-submit').click()
    await card.waitFor({ state: 'detached', timeout: 30_000 })
    const events = (await center.get(`/api/incidents/${code}/events`)) as { events: { action: string; data: { arrival?: { far: boolean; distanceM: number } } }[] }
    const arrive = events.events.find((e) => e.action === 'arrive')!
    expect(arrive.data.arrival).toMatchObject({ far: true })

    // 6. The center verifies (API); the citizen sees the public timeline and rates.
    await center.step(code, 'verifyPass')
    await citizen.goto(`${app.url}/#/track/${trackingCode}`)
    await citizen.getByTestId('track-result').waitFor()
    await expect(citizen.getByTestId('track-state').textContent()).resolves.toContain('已结案')
    const steps = await citizen.locator('[data-testid=track-timeline] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))
    expect(steps).toEqual(['received', 'registered', 'dispatched', 'accepted', 'on_site', 'resolved', 'closed'])
    const text = await citizen.getByTestId('track-result').textContent()
    for (const secret of ['13905940001', 'handler', '郑强', '已补装井盖']) expect(text).not.toContain(secret)
    // Two photos: the citizen's (allowed) and the after-photo.
    await citizen.waitForFunction(() => [...document.querySelectorAll('[data-testid=track-timeline] img')].every((i) => (i as HTMLImageElement).naturalWidth > 0))
    expect(await citizen.locator('[data-testid=track-timeline] img').count()).toBe(2)
    await screenshot(citizen, 'public-track-closed-zh-CN-phone')
    await citizen.getByTestId('rate-satisfied').click()
    await expect(citizen.getByTestId('track-rated').textContent()).resolves.toContain('满意')
    await screenshot(citizen, 'public-track-rated-zh-CN-phone')
    await center.dispose()
  })

  // Screens, English and the phone layout: the embedded run's (the second engine checks the loop).
  it.runIf(engine === 'embedded')('the unit supervisor: whole unit, ledger with XLSX download; English; phone layout', async () => {
    const sup = await page(await openContext(browser, app.url, { locale: 'zh-CN', user: 'unit_supervisor' }), '/workbench')
    await sup.locator('[data-testid=work-item], [data-testid=workbench-empty]').first().waitFor({ timeout: 60_000 })
    await screenshot(sup, 'workbench-queue-zh-CN-desktop')
    await sup.getByTestId('tab-ledger').click()
    await sup.getByTestId('ledger').waitFor()
    await screenshot(sup, 'workbench-ledger-zh-CN-desktop')
    const [download] = await Promise.all([sup.waitForEvent('download'), sup.getByTestId('ledger-download').click()])
    const file = await download.path()
    const bytes = fs.readFileSync(file!)
    expect(bytes.subarray(0, 2).toString()).toBe('PK') // an XLSX is a zip
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    await sup.getByTestId('tab-notices').click()
    await sup.getByTestId('notices').waitFor()

    // The unit's webhook: set in the UI, then a dispatch to the unit is POSTed, signed, to a local receiver.
    const got: { body: string; signature: string }[] = []
    const receiver = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        got.push({ body, signature: String(req.headers['x-hanjiang-signature']) })
        res.end('ok')
      })
    })
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()))
    try {
      await sup.getByTestId('webhook-url').fill(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`)
      await sup.getByTestId('webhook-url').press('Enter')
      const secret = (await sup.locator('[data-testid=webhook-secret] code').textContent())!.trim()
      await screenshot(sup, 'workbench-notices-webhook-zh-CN-desktop')
      const center = await dispatcherApi(app.url)
      const hooked = await center.dispatchNew('city_admin', `垃圾桶满溢（webhook 测试 ${Date.now().toString(36)}）`)
      await expect.poll(() => got.some((g) => g.body.includes(hooked)), { timeout: 30_000 }).toBe(true)
      const hit = got.find((g) => g.body.includes(hooked))!
      expect(JSON.parse(hit.body)).toMatchObject({ type: 'notification.assignment', unitCode: 'city_admin', incident: { code: hooked } })
      const [, t, mac] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(hit.signature)!
      expect(createHmac('sha256', secret).update(`${t}.${hit.body}`).digest('hex')).toBe(mac)
      await center.dispose()
    } finally {
      receiver.close()
    }

    // Assign to a colleague with the picker: search by name, pick with the keyboard (and a section), the card
    // names the colleague, whose bell rings.
    const desk = await dispatcherApi(app.url)
    const job = await desk.dispatchNew('city_admin', `路灯不亮（分派测试 ${Date.now().toString(36)}）`)
    await desk.dispose()
    await sup.getByTestId('tab-queue').click()
    await sup.getByTestId('workbench-refresh').click()
    const jobCard = sup.locator(`[data-testid=work-item][data-code="${job}"]`)
    await jobCard.waitFor({ timeout: 30_000 })
    await jobCard.getByTestId('act-assign').click()
    const search = sup.getByTestId('assign-search')
    await search.fill('李娜')
    await sup.locator('[data-testid=assign-colleague][data-username="handler.li"]').waitFor()
    expect(await sup.locator('[data-testid=assign-colleague]').count()).toBe(1)
    await search.press('Enter')
    await search.press('Escape') // clears the search, the dialog stays
    await sup.locator('[data-testid=assign-section][data-code=city_admin_sanitation]').waitFor()
    await search.fill('环卫')
    await search.press('Enter')
    await search.press('Escape')
    await expect(sup.getByTestId('assign-picked').textContent()).resolves.toBe('分派给：处置员 李娜 (城市管理局) · 区城市管理局环卫股')
    await screenshot(sup, 'workbench-assign-zh-CN-desktop')
    await search.press('Control+Enter')
    await sup.getByTestId('workbench-toast').filter({ hasText: '已分派给 处置员 李娜' }).waitFor({ timeout: 15_000 })
    await sup.waitForFunction((c) => /李娜/.test(document.querySelector(`[data-code="${c}"] [data-testid=work-assignee]`)?.textContent ?? ''), job)
    await expect(jobCard.getByTestId('act-assign').textContent()).resolves.toContain('改派')
    await jobCard.scrollIntoViewIfNeeded()
    await screenshot(sup, 'workbench-assigned-zh-CN-desktop')
    const li = await request.newContext({ baseURL: app.url })
    expect((await li.post('/api/auth/login', { data: { username: 'handler.li', password: DEMO_PASSWORD } })).status()).toBe(200)
    const bell = (await (await li.get('/api/notifications?unread=1')).json()) as { items: { incidentCode: string; data: { action: string } }[] }
    expect(bell.items.some((n) => n.incidentCode === job && n.data.action === 'assign')).toBe(true)
    await li.dispose()

    const en = await page(await openContext(browser, app.url, { locale: 'en', user: 'handler' }), '/workbench')
    await en.locator('[data-testid=work-item], [data-testid=workbench-empty]').first().waitFor({ timeout: 60_000 })
    await expect(en.locator('h1').textContent()).resolves.toBe('Unit workbench')
    await screenshot(en, 'workbench-queue-en-desktop')

    const phone = await page(await openContext(browser, app.url, { locale: 'zh-CN', user: 'handler', phone: true }), '/workbench')
    await phone.locator('[data-testid=work-item], [data-testid=workbench-empty]').first().waitFor({ timeout: 60_000 })
    await screenshot(phone, 'workbench-queue-zh-CN-phone')
    await phone.locator(`[data-testid=work-item][data-code="${job}"] [data-testid=act-assign]`).click()
    await phone.locator('[data-testid=assign-colleague][data-username="handler.li"][aria-selected=true]').waitFor()
    await screenshot(phone, 'workbench-assign-zh-CN-phone')
    await phone.getByTestId('dialog-cancel').click()
    // The workbench itself fits the phone (the shared header's navigation scrolls on its own).
    const width = await phone.evaluate(() => document.querySelector('.workbench .inner')!.scrollWidth)
    expect(width).toBeLessThanOrEqual(360)
    // The job's site on the phone: a small map around it, the report's photos, navigation in each app's coordinates,
    // and the way to the incident page.
    const card = phone.locator(`[data-testid=work-item][data-code="${job}"]`)
    await card.getByTestId('work-site-toggle').click()
    await card.locator('[data-testid=work-site-map] canvas').waitFor({ timeout: 30_000 })
    await card.locator('[data-testid=work-site-photo], [data-testid=work-site-no-photos]').first().waitFor({ timeout: 30_000 })
    await card.getByTestId('work-navigate').click()
    const apps = await card.locator('[data-testid=work-navigate-menu] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    expect(apps.map((h) => h.split(':')[0])).toEqual(['https', 'baidumap', 'qqmap', 'geo'])
    await screenshot(phone, 'workbench-site-zh-CN-phone')
    await card.getByTestId('work-navigate').click()
    await card.getByTestId('work-site').scrollIntoViewIfNeeded()
    await screenshot(phone, 'workbench-site-map-zh-CN-phone')
    await card.getByTestId('work-incident-link').click()
    await phone.getByTestId('incident-page').waitFor({ timeout: 30_000 })
    await phone.goBack()
    await phone.locator('[data-testid=work-item], [data-testid=workbench-empty]').first().waitFor({ timeout: 60_000 })
    const phoneEn = await page(await openContext(browser, app.url, { locale: 'en', user: 'handler', phone: true }), '/workbench')
    await phoneEn.locator('[data-testid=work-item], [data-testid=workbench-empty]').first().waitFor({ timeout: 60_000 })
    await screenshot(phoneEn, 'workbench-queue-en-phone')

    expect(errors).toEqual([])
    expect(outside).toEqual([])
  })
})
