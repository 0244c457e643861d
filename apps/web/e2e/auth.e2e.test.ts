import type { Browser, BrowserContext, Page } from 'playwright-core'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, launchChromium, screenshot, startApp, type RunningApp } from './support/app.ts'
import { DEMO_PASSWORD, login, loginWithForm } from './support/auth.ts'

const hasChromium = fs.existsSync(CHROMIUM)
if (!hasChromium && process.env.CI === 'true') throw new Error(`Chromium is required in CI (${CHROMIUM})`)

describe.runIf(hasChromium)('sign-in, accounts and audit in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  async function open(opts: { width?: number; height?: number; locale?: 'zh-CN' | 'en' } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 }, locale: opts.locale ?? 'zh-CN' })
    contexts.push(context)
    if (opts.locale === 'en') {
      await context.addInitScript(() => {
        try {
          localStorage.setItem('hj.locale', 'en')
        } catch {
          /* about:blank has no storage */
        }
      })
    }
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
    return page
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByTestId('user-menu').click()
    await page.getByTestId('logout').click()
    await page.getByTestId('login-form').waitFor({ state: 'visible' })
  }

  beforeAll(async () => {
    app = await startApp()
    browser = await launchChromium()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await app?.close()
  })

  it('sends a visitor to the sign-in page, explains a wrong password, signs in and out', async () => {
    const page = await open()
    await page.goto(`${app.url}/admin/users`)
    await page.getByTestId('login-form').waitFor({ state: 'visible', timeout: 30_000 })
    expect(page.url()).toContain('redirect=')
    // No header on the sign-in page.
    expect(await page.getByTestId('user-menu').count()).toBe(0)
    await screenshot(page, 'auth-login-zh-1280x800')

    await page.getByTestId('login-username').fill('dispatcher')
    await page.getByTestId('login-password').fill('not-the-password')
    await page.getByTestId('login-password').press('Enter')
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('用户名或密码错误。')
    await screenshot(page, 'auth-login-error-zh-1280x800')

    await page.getByTestId('login-password').fill(DEMO_PASSWORD)
    await page.getByTestId('login-password').press('Enter')
    // A dispatcher may not manage users: the way back leads to "not allowed", naming the permission.
    await page.getByTestId('forbidden').waitFor({ state: 'visible', timeout: 30_000 })
    expect(await page.getByTestId('forbidden').textContent()).toContain('管理用户')

    await page.getByTestId('user-menu').click()
    expect(await page.getByTestId('user-roles').textContent()).toContain('指挥中心坐席')
    const nav = await page.locator('.app-nav a').allTextContents()
    expect(nav.join(' ')).toContain('区域地图')
    expect(nav.join(' ')).not.toContain('用户管理')
    await screenshot(page, 'auth-header-dispatcher-zh-1280x800')
    await page.getByTestId('logout').click()
    await page.getByTestId('login-form').waitFor({ state: 'visible' })
    await expect.poll(() => page.getByTestId('login-notice').textContent()).toBe('您已安全退出。')
    // Signed out for real: the API refuses the old cookies.
    const me = await page.context().request.get(`${app.url}/api/auth/me`)
    expect(me.status()).toBe(401)
  })

  it('lets the admin create a user who must then change the password', async () => {
    const admin = await open()
    await loginWithForm(admin, app.url, 'admin')
    await admin.goto(`${app.url}/admin/users`)
    await admin.locator('[data-username=dispatcher]').waitFor({ state: 'visible', timeout: 30_000 })
    await admin.getByTestId('user-create').click()
    await admin.getByTestId('user-username').fill('e2e.lin')
    await admin.getByTestId('user-display-name').fill('林测试')
    await admin.getByTestId('user-unit').selectOption('command_center')
    await admin.locator('[data-role=dispatcher]').check()
    await admin.getByTestId('user-password').fill('Harbour-Lights-7')
    // The area picker searches the region tree by name or code (areas matter for inspectors and grid admins).
    await admin.getByTestId('area-search').fill('涵东')
    await admin.getByTestId('area-picker').getByRole('option').first().waitFor({ state: 'visible', timeout: 30_000 })
    await screenshot(admin, 'auth-admin-user-form-zh-1280x800')
    await admin.getByTestId('area-search').press('Escape')
    await admin.getByTestId('user-save').click()
    await expect.poll(() => admin.getByTestId('admin-toast').textContent(), { timeout: 30_000 }).toBe('已创建用户 e2e.lin。')
    expect(await admin.locator('[data-username="e2e.lin"]').textContent()).toContain('待改密')
    await signOut(admin)

    const lin = await open()
    await lin.goto(`${app.url}/login`)
    await lin.getByTestId('login-username').fill('e2e.lin')
    await lin.getByTestId('login-password').fill('Harbour-Lights-7')
    await lin.getByTestId('login-password').press('Enter')
    await lin.getByTestId('password-form').waitFor({ state: 'visible', timeout: 30_000 })
    await lin.getByTestId('password-current').fill('Harbour-Lights-7')
    await lin.getByTestId('password-new').fill('e2e')
    expect(await lin.locator('[data-rule=length]').getAttribute('data-met')).toBe('false')
    await lin.getByTestId('password-new').fill('Quiet-Harbour-2026')
    await lin.getByTestId('password-confirm').fill('Quiet-Harbour-2026')
    await screenshot(lin, 'auth-change-password-zh-1280x800')
    await lin.getByTestId('password-submit').click()
    await lin.getByTestId('user-menu').waitFor({ state: 'visible', timeout: 30_000 })
    expect(await lin.getByTestId('user-menu-name').textContent()).toBe('林测试')
  })

  it('shows the sign-ins in the audit log', async () => {
    const page = await open()
    await login(page, 'efficiency_office', { url: app.url })
    await page.goto(`${app.url}/audit?actor=dispatcher`)
    await page.locator('tbody tr[data-action="auth.login"]').first().waitFor({ state: 'visible', timeout: 30_000 })
    expect(await page.locator('tbody tr[data-action="auth.login_failed"]').count()).toBeGreaterThan(0)
    expect(new Set(await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-actor'))))).toEqual(new Set(['dispatcher']))
  })

  it('draws the sign-in, users and audit pages in Chinese and English, on a desktop and a 360×640 phone', async () => {
    const shots: [string, string, string | null][] = [
      ['login', '/login', null],
      ['admin-users', '/admin/users', '[data-username=admin]'],
      ['audit', '/audit', 'tbody tr'],
    ]
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [width, height] of [[1280, 800], [360, 640]] as const) {
        const page = await open({ width, height, locale })
        for (const [name, path, ready] of shots) {
          if (name === 'admin-users') {
            await login(page, 'admin', { url: app.url })
            // The app asked "who am I" once already (signed out): start it afresh with the new cookies.
            await page.goto('about:blank')
          }
          await page.goto(app.url + path)
          await page.locator(ready ?? '[data-testid=login-form]').first().waitFor({ state: 'visible', timeout: 30_000 })
          await screenshot(page, `auth-${name}-${locale}-${width}x${height}`)
        }
      }
    }
    expect(pageErrors).toEqual([])
  })
})
