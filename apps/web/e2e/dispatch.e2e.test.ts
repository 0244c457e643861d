import fs from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { e2eEngines } from './support/postgis.ts'
import { CHROMIUM, launchChromium, mapIdle, screenshot as takeScreenshot, startApp, type RunningApp } from './support/app.ts'
import { withTest } from './support/url.ts'

/**
 * The command center's common path against the real server and its demo seed: a hotline seat registers a call
 * (place search, fine class, deadline preview) → it appears on the dispatcher's desk over SSE, without a reload →
 * the dispatcher dispatches it with the suggested unit (key `d`) → the incident page shows the dispatch event.
 */

const hasChromium = fs.existsSync(CHROMIUM)
const DESCRIPTION = '涵东街道宁海路口垃圾堆积多日无人清运，异味明显'

for (const engine of e2eEngines()) describe.runIf(hasChromium)(`dispatch desk in Chromium [${engine}]`, () => {
  let app: RunningApp
  let browser: Browser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  const outside: string[] = []

  /** A signed-in dispatcher's page (the session cookie and its CSRF cookie come from the API's sign-in). */
  async function dispatcherPage(locale: string, hash: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale, reducedMotion: 'reduce' })
    contexts.push(context)
    await context.addInitScript((l) => localStorage.setItem('hj.locale', l), locale)
    const login = await context.request.post(`${app.url}/api/auth/login`, { data: { username: 'dispatcher', password: 'hanjiang-demo' } })
    // Before sign-in exists the API has no such route; the desk then works without a session.
    expect([200, 404]).toContain(login.status())
    const page = await context.newPage()
    const origin = new URL(app.url).origin
    page.on('request', (r) => {
      const u = r.url()
      if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u)
    })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('response', (r) => {
      if (r.status() >= 500) pageErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`)
    })
    await page.goto(withTest(app.url, hash))
    return page
  }

  async function deskReady(page: Page): Promise<void> {
    await page.getByTestId('dispatch-desk').waitFor({ timeout: 60_000 })
    await page.waitForFunction(() => document.querySelector('[data-testid=live-state]')?.getAttribute('data-state') === 'open', null, {
      timeout: 60_000,
    })
    await page.waitForFunction(() => !document.querySelector('[data-testid=queue]')?.getAttribute('aria-busy')?.includes('true'), null, {
      timeout: 60_000,
    })
    await mapIdle(page)
  }

  beforeAll(async () => {
    app = await startApp(engine)
    browser = await launchChromium()
  }, 240_000)

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await app?.close()
  })

  it('a seat enters a call → it appears on the desk live → dispatched with the suggested unit → the record shows it', async () => {
    // On the second engine the path is what is checked; screens and the English pass are the embedded run's.
    const screenshot = engine === 'embedded' ? takeScreenshot : async () => ''
    const desk = await dispatcherPage('zh-CN', '/dispatch')
    await deskReady(desk)
    const before = await desk.getByTestId('queue-row').count()
    await screenshot(desk, 'dispatch-desk-zh-CN')

    // The seat: the intake form (its own page, as another seat at another desk).
    const seat = await dispatcherPage('zh-CN', '/dispatch?intake=1')
    await deskReady(seat)
    await seat.getByTestId('intake-form').waitFor()
    // Validation first: nothing typed.
    await seat.getByTestId('intake-submit').click()
    await expect(seat.getByTestId('intake-description-error').textContent()).resolves.toContain('请填写反映内容')
    await seat.getByTestId('intake-name').fill('李先生')
    await seat.getByTestId('intake-phone').fill('12')
    await seat.getByTestId('intake-phone-error').waitFor()
    await seat.getByTestId('intake-phone').fill('13812345678')
    await seat.getByTestId('intake-description').fill(DESCRIPTION)
    // Fine class 020602 积存垃圾渣土 (territorial: the street office owns it).
    const fc = seat.getByTestId('fine-class-input')
    await fc.focus()
    await fc.fill('020602')
    await seat.getByTestId('fine-class-list').waitFor()
    await seat.keyboard.press('Enter')
    // Location by place search.
    await seat.getByTestId('place-input').fill('涵东')
    await seat.getByTestId('place-list').waitFor()
    await seat.getByTestId('place-input').press('Enter')
    await seat.waitForFunction(() => document.querySelector('[data-testid=intake-location]')?.textContent?.includes('涵东街道'))
    await seat.waitForFunction(() => (document.querySelector('[data-testid=deadline-preview]')?.textContent ?? '').includes('办结时限'))
    await mapIdle(seat)
    await screenshot(seat, 'dispatch-intake-zh-CN')

    // The searched place is marked on the map, which moved to it.
    const mark = await seat.evaluate(() => {
      const m = window.__hjMap!
      return { zoom: m.getZoom(), marks: m.querySourceFeatures('desk-marks').map((f) => f.properties.kind) }
    })
    expect(mark.zoom).toBeGreaterThanOrEqual(14.9)
    expect(mark.marks).toContain('intake')

    await seat.getByTestId('intake-submit').click()
    await seat.waitForSelector('[data-testid=incident-panel], [data-testid=intake-error]', { timeout: 30_000 })
    expect(await seat.getByTestId('intake-error').count(), (await seat.getByTestId('intake-error').textContent().catch(() => '')) ?? '').toBe(0)
    const code = (await seat.locator('[data-testid=incident-panel] h2').textContent())!.trim()
    expect(code).toMatch(/\S+/)

    // The dispatcher's desk got it over SSE, without a reload.
    const row = desk.locator(`[data-queue-code="${code}"]`)
    await row.waitFor({ timeout: 15_000 })
    expect(await desk.getByTestId('queue-row').count()).toBe(before + 1)
    await expect(row.locator('.new-badge').count()).resolves.toBe(1)

    // Select it, check the suggestion, dispatch with `d`.
    await row.click()
    await desk.getByTestId('suggested-unit').waitFor()
    const unit = (await desk.getByTestId('suggested-unit').textContent())!.trim()
    expect(unit).toContain('涵东街道')
    await desk.waitForFunction(() => !!document.querySelector('[data-testid=explanation] li'))
    if (engine === 'embedded') await mapIdle(desk)
    await screenshot(desk, 'dispatch-panel-zh-CN')
    await desk.locator('body').click({ position: { x: 700, y: 500 } }).catch(() => {})
    await desk.locator('[data-testid=queue]').focus()
    await desk.keyboard.press('d')
    await desk.getByTestId('action-done').waitFor({ timeout: 20_000 })
    await desk.waitForFunction(() => document.querySelector('[data-testid=panel-state]')?.textContent?.includes('已派遣'))
    await desk.locator(`[data-queue-code="${code}"]`).waitFor({ state: 'detached', timeout: 10_000 })

    // The incident page: the timeline has the intake, registration and dispatch events.
    await desk.goto(withTest(app.url, `/incidents/${encodeURIComponent(code)}`))
    await desk
      .getByTestId('timeline')
      .waitFor({ timeout: 60_000 })
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\npage: ${(await desk.locator('main').textContent())?.slice(0, 400)}\nerrors: ${pageErrors.join('; ')}`)
      })
    const actions = await desk.locator('[data-testid=timeline] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))
    expect(actions).toEqual(['create', 'register', 'dispatch'])
    expect(await desk.getByTestId('incident-unit').textContent()).toContain(unit)
    await expect(desk.getByTestId('incident-state').textContent()).resolves.toContain('已派遣')
    if (engine === 'embedded') await mapIdle(desk)
    await screenshot(desk, 'dispatch-detail-zh-CN')

    // 回访 from the incident page: the reporter was not reached, with a note → the timeline shows the result.
    await desk.getByTestId('callback-open').click()
    await desk.getByTestId('work-dialog').waitFor()
    await desk.getByTestId('callback-reached-no').check()
    await desk.getByTestId('callback-note').fill('来电人未接听，稍后再拨')
    await screenshot(desk, 'dispatch-callback-dialog-zh-CN')
    await desk.getByTestId('callback-submit').click()
    await desk.getByTestId('callback-notice').waitFor({ timeout: 20_000 })
    await desk.locator('[data-testid=timeline] li[data-action=callback]').waitFor({ timeout: 20_000 })
    await expect(desk.locator('[data-testid=timeline] li[data-action=callback]').textContent()).resolves.toContain('未接通反映人')
    await screenshot(desk, 'dispatch-callback-done-zh-CN')

    expect(pageErrors).toEqual([])
    expect(outside).toEqual([])
    if (engine !== 'embedded') return

    // The same screens in English.
    const en = await dispatcherPage('en', `/dispatch?code=${encodeURIComponent(code)}`)
    await deskReady(en)
    await screenshot(en, 'dispatch-desk-en')
    // Keyboard: ? shows the shortcuts, Esc closes them, j moves to the queue's first incident.
    await en.locator('[data-testid=queue]').focus()
    await en.keyboard.press('?')
    await en.getByTestId('shortcut-help').waitFor()
    await screenshot(en, 'dispatch-shortcuts-en')
    await en.keyboard.press('Escape')
    await en.getByTestId('shortcut-help').waitFor({ state: 'detached' })
    await en.locator('[data-testid=queue]').focus()
    await en.keyboard.press('j')
    await en.waitForFunction(() => document.querySelector('[data-testid=queue-row]')?.getAttribute('aria-selected') === 'true')
    await en.getByTestId('new-call').click()
    await en.getByTestId('intake-form').waitFor()
    await en.getByTestId('intake-submit').click()
    await en.getByTestId('intake-description-error').waitFor()
    await screenshot(en, 'dispatch-intake-en')
    await en.goto(withTest(app.url, `/incidents/${encodeURIComponent(code)}`))
    await en.getByTestId('timeline').waitFor({ timeout: 60_000 })
    await expect(en.locator('[data-testid=timeline]').textContent()).resolves.toContain('Dispatched')
    await mapIdle(en)
    await screenshot(en, 'dispatch-detail-en')

    expect(pageErrors).toEqual([])
    expect(outside).toEqual([])
  }, 300_000)
})
