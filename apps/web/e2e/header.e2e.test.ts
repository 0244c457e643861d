import type { Browser, BrowserContext, Page } from 'playwright-core'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { animationsDone, CHROMIUM, launchChromium, screenshot, startApp, type RunningApp } from './support/app.ts'
import { login } from './support/auth.ts'

const hasChromium = fs.existsSync(CHROMIUM)
if (!hasChromium && process.env.CI === 'true') throw new Error(`Chromium is required in CI (${CHROMIUM})`)

describe.runIf(hasChromium)('compact header in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  const contexts: BrowserContext[] = []

  async function open(width: number, height: number, locale: 'zh-CN' | 'en', role: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height }, locale })
    contexts.push(context)
    await context.addInitScript((l) => {
      try {
        localStorage.setItem('hj.locale', l)
      } catch {
        /* about:blank has no storage */
      }
    }, locale)
    const page = await context.newPage()
    await login(page, role, { url: app.url })
    return page
  }

  const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

  beforeAll(async () => {
    app = await startApp()
    browser = await launchChromium()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await app?.close()
  })

  it('at 360×640 the entries live in a drawer and nothing scrolls sideways', async () => {
    const page = await open(360, 640, 'zh-CN', 'dispatcher')
    await page.goto(`${app.url}/#/map`)
    await page.getByTestId('user-menu').waitFor({ state: 'visible', timeout: 30_000 })
    const toggle = page.getByTestId('nav-menu-toggle')
    await toggle.waitFor({ state: 'visible' })
    expect(await page.locator('.app-nav').isVisible()).toBe(false)
    expect(await page.getByTestId('notification-bell').isVisible()).toBe(true)
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360)

    await toggle.click()
    const drawer = page.getByTestId('nav-drawer')
    await drawer.waitFor({ state: 'visible' })
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    const names = (await drawer.locator('nav a').allInnerTexts()).map((s) => s.trim())
    expect(names).toEqual(expect.arrayContaining(['区域地图', '派遣台', '关于']))
    expect(names).not.toContain('用户管理')
    // Focus is inside the drawer.
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=nav-drawer]'))).toBe(true)
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360)
    await screenshot(page, 'header-drawer-360-zh-CN')

    // Esc closes and returns focus to the button.
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('nav-menu-toggle')

    // Navigating from the drawer closes it.
    await toggle.click()
    await drawer.locator('nav a', { hasText: '派遣台' }).click()
    await page.waitForURL(/#\/dispatch/)
    await drawer.waitFor({ state: 'detached' })
    await page.waitForLoadState('networkidle').catch(() => {})
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360)
    await screenshot(page, 'header-dispatch-360-zh-CN')
  })

  it('at 1280 px in English the admin sees every entry, none cut', async () => {
    const page = await open(1280, 800, 'en', 'admin')
    await page.goto(`${app.url}/#/map`)
    await page.getByTestId('user-menu').waitFor({ state: 'visible', timeout: 30_000 })
    // Measured once the fonts are in and nothing is still sliding.
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    await animationsDone(page)
    const nav = page.locator('.app-nav')
    if (await nav.isVisible()) {
      // Inline: every entry wholly inside the navigation's box.
      const cut = await nav.evaluate((n) => {
        const box = n.getBoundingClientRect()
        return [...n.querySelectorAll('a')].filter((a) => a.getBoundingClientRect().right > box.right + 0.5).length
      })
      expect(cut).toBe(0)
    } else {
      await page.getByTestId('nav-menu-toggle').click()
      expect(await page.getByTestId('nav-drawer').locator('nav a', { hasText: 'Audit log' }).count()).toBe(1)
      await page.keyboard.press('Escape')
    }
    expect(await scrollWidth(page)).toBeLessThanOrEqual(1280)
    await screenshot(page, 'header-1280-en')
  })
})
