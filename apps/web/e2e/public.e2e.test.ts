import fs from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, launchChromium, screenshot, startApp, type RunningApp } from './support/app.ts'
import { openContext, watch } from './support/work.ts'

/**
 * The citizens' pages: /report and /track work without signing in, show no internal chrome
 * (no navigation, no status, no bell), validate clearly, speak zh-CN and English, fit a 360×640 phone.
 */

const hasChromium = fs.existsSync(CHROMIUM)

describe.runIf(hasChromium)('public report and tracking pages in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[] = []
  const outside: string[] = []

  const open = async (locale: 'zh-CN' | 'en', phone: boolean, hash: string): Promise<Page> => {
    const ctx = await openContext(browser, app.url, { locale, phone, at: { lng: 119.0953, lat: 25.4588 } })
    contexts.push(ctx)
    const p = watch(await ctx.newPage(), new URL(app.url).origin, errors, outside)
    await p.goto(`${app.url}/#${hash}`)
    return p
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

  it('report: no sign-in, no internal chrome, clear validation, a tracking code; zh-CN and English, phone and desktop', async () => {
    for (const [locale, phone] of [['zh-CN', true], ['en', true], ['zh-CN', false], ['en', false]] as const) {
      const p = await open(locale, phone, '/report')
      await p.getByTestId('report-description').waitFor()
      expect(await p.locator('header.app-header, nav.app-nav, [data-testid=notification-bell], [data-testid=api-status]').count()).toBe(0)
      expect(p.url()).toContain('/report') // not sent to the sign-in page
      await screenshot(p, `public-report-${locale}-${phone ? 'phone' : 'desktop'}`)
      if (phone) expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    }

    const p = await open('zh-CN', true, '/report')
    await p.getByTestId('report-submit').click()
    await expect(p.getByTestId('report-error').textContent()).resolves.toContain('请描述问题')
    await p.getByTestId('report-description').fill('公园长椅损坏，有钉子露出')
    await p.getByTestId('report-phone').fill('12345')
    await p.getByTestId('report-submit').click()
    await expect(p.getByTestId('report-error').textContent()).resolves.toContain('手机号格式不正确')
    await screenshot(p, 'public-report-invalid-zh-CN-phone')
    await p.getByTestId('report-phone').fill('')
    // Location by a tap on the map (the project's own layers, no tiles).
    await p.locator('[data-testid=report-map][data-ready=true] canvas').waitFor()
    await p.getByTestId('report-map').click({ position: { x: 160, y: 110 } })
    await expect(p.getByTestId('report-located').textContent()).resolves.toMatch(/119\.\d+, 25\.\d+/)
    await screenshot(p, 'public-report-map-zh-CN-phone')
    await p.getByTestId('report-submit').click()
    const code = (await p.getByTestId('tracking-code').textContent())!.trim()
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/)

    // Follow the link: the tracking page, still without signing in.
    await p.getByTestId('track-link').click()
    await p.getByTestId('track-result').waitFor()
    await expect(p.getByTestId('track-state').textContent()).resolves.toContain('已上报')
    expect(await p.locator('[data-testid=track-rate]').count()).toBe(0) // not closed yet: nothing to rate
    await screenshot(p, 'public-track-zh-CN-phone')

    const en = await open('en', false, `/track/${code.toLowerCase()}`)
    await en.getByTestId('track-result').waitFor()
    await expect(en.getByTestId('track-timeline').textContent()).resolves.toContain('Report received')
    await screenshot(en, 'public-track-en-desktop')
    const enPhone = await open('en', true, `/track/${code}`)
    await enPhone.getByTestId('track-result').waitFor()
    await screenshot(enPhone, 'public-track-en-phone')
  })

  it('track: an unknown code says so; lookup by typing', async () => {
    const p = await open('zh-CN', true, '/track')
    await p.getByTestId('track-input').fill('abcd-efgh-jkmn')
    await p.getByTestId('track-input').press('Enter')
    await expect(p.getByTestId('track-error').textContent()).resolves.toContain('没有找到这个查询码')
    expect(p.url()).toContain('/track/ABCDEFGHJKMN')
    await screenshot(p, 'public-track-not-found-zh-CN-phone')
    expect(errors.filter((e) => !/404/.test(e))).toEqual([])
    expect(outside).toEqual([])
  })
})
