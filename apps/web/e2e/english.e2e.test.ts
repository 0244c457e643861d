import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { ESCALATION_ACTIONS, WORKFLOW_ACTIONS } from '@hanjiang/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, launchChromium, SCREENSHOTS, startApp, type RunningApp } from './support/app.ts'
import { login } from './support/auth.ts'
import { withTest } from './support/url.ts'

/**
 * Every screen in English, as one signed-in admin (and the desk and the workbench, which an admin may not open, as a
 * dispatcher and a handler): no Chinese word that is not data, and no raw event or audit code shown to a person. Data (people's names, addresses, descriptions, place names, what was typed) is marked in the
 * markup with `data-i18n-data` (or `lang="zh-CN"` where a Chinese name is shown on purpose beside the English one);
 * unit and class names are not data — they come from the taxonomy's English names.
 */

const hasChromium = fs.existsSync(CHROMIUM)
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
/** Codes of events and audit entries as stored: never a person's reading. */
const EVENT_CODES = new Set<string>([...WORKFLOW_ACTIONS, ...ESCALATION_ACTIONS, 'create', 'primaryClosed', 'primaryReopened', 'rate', 'assign', 'reclassify', 'callback', 'note'])
const AUDIT_CODE = /^[a-z]+(?:\.[a-z][a-zA-Z]*)+$/

interface Finding {
  screen: string
  text: string
  why: 'chinese' | 'code'
  where: string
}

describe.runIf(hasChromium)('every screen in English (admin)', () => {
  let app: RunningApp
  let browser: Browser
  let page: Page
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  async function signIn(role: string): Promise<void> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' })
    contexts.push(context)
    await context.addInitScript(() => localStorage.setItem('hj.locale', 'en'))
    page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await login(page, role, { url: app.url })
  }

  /** Waits until the screen's text stops changing (data loaded and drawn), then reads every visible text node. */
  async function findings(screen: string): Promise<Finding[]> {
    await page.waitForFunction(
      () => {
        const w = window as unknown as { __hjLastText?: string }
        const text = document.querySelector('#main')?.textContent ?? ''
        const busy = document.querySelector('[aria-busy="true"], .loading, [data-testid=map-busy]')
        const same = w.__hjLastText === text
        w.__hjLastText = text
        return same && text.length > 0 && !busy
      },
      null,
      { timeout: 60_000, polling: 400 },
    )
    const found = await page.evaluate(
      ({ cjk, codes, audit }) => {
        const isCjk = new RegExp(cjk)
        const isAudit = new RegExp(audit)
        const out: { text: string; why: 'chinese' | 'code'; where: string }[] = []
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = (n.textContent ?? '').trim()
          const el = n.parentElement
          if (!text || !el || el.closest('[data-i18n-data], [lang="zh-CN"], [lang="zh"], script, style, noscript')) continue
          if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue
          const range = document.createRange()
          range.selectNodeContents(n)
          if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue
          const where = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}`
          if (isCjk.test(text)) out.push({ text: text.slice(0, 60), why: 'chinese', where })
          // Identifiers shown on purpose as such (account names, unit codes: `.hj-code`) are not event codes.
          else if (!el.closest('.hj-code') && (codes.includes(text) || isAudit.test(text))) out.push({ text, why: 'code', where })
        }
        return out
      },
      { cjk: CJK.source, codes: [...EVENT_CODES], audit: AUDIT_CODE.source },
    )
    return found.map((f) => ({ ...f, screen }))
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

  it('shows no Chinese that is not data and no raw codes on any screen', async () => {
    await signIn('admin')
    const list = await page.context().request.get(`${app.url}/api/incidents?limit=1`)
    expect(list.status()).toBe(200)
    const code = ((await list.json()) as { items: { code: string }[] }).items[0]!.code
    const visits: [string, string[]][] = [
      ['admin', ['/map', `/incidents/${code}`, '/patrol', '/analytics', '/evaluation', '/admin/users', '/admin/units', '/admin/api-keys', '/audit', '/about', '/report', '/track', '/wall']],
      ['dispatcher', ['/dispatch']],
      ['handler.transport', ['/workbench']],
    ]
    const all: Finding[] = []
    for (const [role, screens] of visits) {
      if (role !== 'admin') await signIn(role)
      for (const screen of screens) {
        await page.goto(withTest(app.url, screen))
        await page.locator('#main').waitFor({ timeout: 30_000 })
        all.push(...(await findings(screen)))
        // A map screen can take long to capture on a busy machine: the picture is for people to look at, not a timing.
        fs.mkdirSync(SCREENSHOTS, { recursive: true })
        const name = `english${screen.replace(/\//g, '-').replace(/-HJ.*/, '-incident')}.png`
        await page.screenshot({ path: path.join(SCREENSHOTS, name), timeout: 180_000 })
      }
    }
    expect(all).toEqual([])
  }, 600_000)

  it('made no page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
