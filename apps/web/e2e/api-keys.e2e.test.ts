import type { Browser, BrowserContext, Page } from 'playwright-core'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, launchChromium, screenshot, startApp, type RunningApp } from './support/app.ts'
import { loginWithForm } from './support/auth.ts'

const hasChromium = fs.existsSync(CHROMIUM)
if (!hasChromium && process.env.CI === 'true') throw new Error(`Chromium is required in CI (${CHROMIUM})`)

describe.runIf(hasChromium)('admin API keys screen in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  async function open(locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale })
    contexts.push(context)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    if (locale === 'en') {
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

  beforeAll(async () => {
    app = await startApp()
    browser = await launchChromium()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await app?.close()
  })

  it('lists the demo key, issues a key shown once with a copy button, and revokes it after confirming', async () => {
    const page = await open()
    await loginWithForm(page, app.url, 'admin')
    await page.goto(`${app.url}/#/admin/api-keys`)
    await page.getByTestId('api-key-row-Open311 演示 (demo)').waitFor({ state: 'visible', timeout: 30_000 })
    expect(await page.getByTestId('api-key-row-Open311 演示 (demo)').textContent()).toContain('hanjiang-o…')

    await page.getByTestId('api-key-create').click()
    await page.getByTestId('api-key-submit').click()
    expect(await page.getByTestId('api-key-form').textContent()).toContain('请填写名称')
    await page.getByTestId('api-key-name').fill('市 12345 平台')
    await page.getByTestId('api-key-scope-incidents:read').check()
    await page.getByTestId('api-key-rate').fill('30')
    await page.getByTestId('api-key-submit').click()
    await page.getByTestId('api-key-issued').waitFor({ state: 'visible' })
    const key = await page.getByTestId('issued-key').inputValue()
    expect(key).toMatch(/^hj_[A-Za-z0-9_-]{43}$/)
    await page.getByTestId('issued-copy').click()
    await page.getByText('已复制').waitFor({ state: 'visible' })
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key)
    await screenshot(page, 'admin-api-key-issued-zh-1280x800')
    await page.getByTestId('issued-done').click()

    // The key works at once: an Open311 service request, then a read of the incidents through /api.
    const posted = await page.context().request.post(`${app.url}/open311/v2/requests.json`, {
      form: { api_key: key, service_code: '020602', lat: '25.459', long: '119.113', description: '浏览器测试：路边垃圾' },
    })
    expect(posted.status()).toBe(201)
    const list = await page.context().request.get(`${app.url}/api/incidents?limit=1`, { headers: { authorization: `Bearer ${key}`, cookie: '' } })
    expect(list.status()).toBe(200)

    const row = page.getByTestId('api-key-row-市 12345 平台')
    await row.waitFor({ state: 'visible' })
    expect(await row.textContent()).not.toContain(key)
    await screenshot(page, 'admin-api-keys-zh-1280x800')
    page.once('dialog', (d) => void d.accept())
    await page.getByTestId('api-key-revoke-市 12345 平台').click()
    await page.getByText('已吊销密钥“市 12345 平台”。').waitFor({ state: 'visible' })
    const after = await page.context().request.post(`${app.url}/open311/v2/requests.json`, {
      form: { api_key: key, service_code: '020602', lat: '25.459', long: '119.113' },
    })
    expect(after.status()).toBe(403)
    expect(pageErrors).toEqual([])
  })

  it('reads in English', async () => {
    const page = await open('en')
    await loginWithForm(page, app.url, 'admin')
    await page.goto(`${app.url}/#/admin/api-keys`)
    await page.getByRole('heading', { name: 'API keys' }).waitFor({ state: 'visible', timeout: 30_000 })
    await page.getByTestId('api-key-create').click()
    await page.getByTestId('api-key-form').waitFor({ state: 'visible' })
    await screenshot(page, 'admin-api-key-form-en-1280x800')
    expect(pageErrors).toEqual([])
  })
})
