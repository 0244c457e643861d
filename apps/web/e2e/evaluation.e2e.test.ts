import fs from 'node:fs'
import { request, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { unzipSync, strFromU8 } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, launchChromium, screenshot, startApp, type RunningApp } from './support/app.ts'
import { login } from './support/auth.ts'
import { DEMO_PASSWORD, jpeg, watch } from './support/work.ts'

/**
 * Evaluation and supervision against the real server and demo seed: the efficiency office opens the last finished
 * quarter's ranking, opens the 返工率 of the last-ranked unit, issues a warning letter from it; that unit's supervisor
 * replies with a photo; the office closes it out (销号); the quarterly report lists it, and the letter's DOCX
 * parses back with its Chinese text. Screenshots at 1440×900.
 */

const hasChromium = fs.existsSync(CHROMIUM)

describe.runIf(hasChromium)('evaluation, letters and the quarterly report in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[] = []
  const outside: string[] = []

  const open = async (user: string, hash: string): Promise<Page> => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    contexts.push(ctx)
    await ctx.addInitScript(() => localStorage.setItem('hj.locale', 'zh-CN'))
    const p = watch(await ctx.newPage(), new URL(app.url).origin, errors, outside)
    await login(p, user, { url: app.url })
    await p.goto(`${app.url}/#${hash}`)
    return p
  }

  beforeAll(async () => {
    app = await startApp('embedded')
    browser = await launchChromium()
  }, 300_000)

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await app?.close()
  })

  it('office ranks, issues a letter from the last unit’s 返工率; the unit replies with a photo; the office closes it; the report lists it', async () => {
    const office = await open('efficiency_office', '/evaluation')
    const table = office.getByTestId('ev-ranking')
    await table.waitFor({ timeout: 120_000 })
    const period = await office.getByTestId('ev-period').inputValue()
    expect(period).toMatch(/^\d{4}-Q[1-4]$/)
    await office.getByTestId('ev-status').waitFor()
    await screenshot(office, 'evaluation-ranking-zh-CN')

    // The last scored unit (on the 黑榜).
    const rows = table.locator('tbody tr.ev-blackrow')
    expect(await rows.count()).toBeGreaterThan(0)
    const last = rows.last()
    const unitCode = (await last.getAttribute('data-testid'))!.replace('ev-row-', '')
    const unitName = (await last.locator('.ev-name').textContent())!.trim()
    await last.getByTestId(`ev-cell-${unitCode}-reworkRate`).click()
    const drill = office.getByTestId('ev-drill')
    await drill.waitFor()
    await screenshot(office, 'evaluation-drill-zh-CN')
    await office.getByTestId('ev-drill-issue').click()
    const dialog = office.getByTestId('ev-issue')
    await dialog.waitFor()
    expect(await office.getByTestId('ev-issue-unit').inputValue()).toBe(unitCode)
    expect(await office.getByTestId('ev-issue-body').inputValue()).toContain('返工率')
    await screenshot(office, 'evaluation-issue-dialog-zh-CN')
    await office.getByTestId('ev-issue-submit').click()
    const letter = office.getByTestId('ev-letter')
    await letter.waitFor()
    const heading = (await letter.locator('h2').textContent())!
    const number = /〔\d{4}〕\d+号/.exec(heading)![0]
    await screenshot(office, 'evaluation-letter-issued-zh-CN')

    // The addressed unit's supervisor: the demo account is moved to that unit by the admin (API).
    const admin = await request.newContext({ baseURL: app.url })
    const signIn = await admin.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } })
    const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken
    const users = (await (await admin.get('/api/admin/users?q=unit_supervisor')).json()) as { items: { id: string; username: string }[] }
    const sup = users.items.find((u) => u.username === 'unit_supervisor')!
    const moved = await admin.patch(`/api/admin/users/${sup.id}`, { data: { unitCode }, headers: { 'x-csrf-token': csrf } })
    expect(moved.status(), await moved.text()).toBe(200)
    await admin.dispose()

    const unit = await open('unit_supervisor', '/evaluation')
    await unit.getByTestId('ev-scorecard').waitFor({ timeout: 60_000 })
    await unit.getByTestId('ev-ledger').getByText(number).click()
    await unit.getByTestId('ev-reply-form').waitFor()
    await unit.getByTestId('ev-reply-text').fill('已对返工案件逐件复查整改，建立返工销号台账，落实专人跟踪。')
    await unit.getByTestId('ev-reply-photos').setInputFiles(await jpeg(40, 140, 70))
    await screenshot(unit, 'evaluation-unit-reply-zh-CN')
    await unit.getByTestId('ev-reply-send').click()
    await unit.getByTestId('ev-letter').getByText('整改照片').waitFor({ state: 'detached' }).catch(() => {})
    await unit.getByTestId('ev-letter').locator('img.ev-thumb').first().waitFor({ timeout: 30_000 })
    await screenshot(unit, 'evaluation-unit-replied-zh-CN')

    // The office closes it out.
    await office.getByTestId('ev-letter').getByRole('button', { name: '关闭' }).click()
    await office.getByTestId('ev-tab-ledger').click()
    await office.getByTestId('ev-ledger').getByText(number).click()
    await office.getByTestId('ev-close-note').fill('整改到位，予以销号。')
    await office.getByTestId('ev-close').click()
    await office.getByTestId('ev-letter').getByText('已销号').first().waitFor()
    await screenshot(office, 'evaluation-letter-closed-zh-CN')

    // The quarterly report of the quarter the letter was issued in lists it.
    const sh = new Date(Date.now() + 8 * 3_600_000)
    const quarter = `${sh.getUTCFullYear()}-Q${Math.ceil((sh.getUTCMonth() + 1) / 3)}`
    const report = await office.context().newPage()
    await report.goto(`${app.url}/api/evaluation/report?period=${quarter}`)
    await report.getByText(number).waitFor()
    expect(await report.locator('svg').count()).toBeGreaterThan(0)
    await screenshot(report, 'evaluation-quarter-report-zh-CN')
    const lastQuarter = await office.context().newPage()
    await lastQuarter.goto(`${app.url}/api/evaluation/report?period=${period}`)
    await lastQuarter.getByText('二、单位考评排名').waitFor()
    expect(await lastQuarter.locator('body').textContent()).toContain(unitName)
    await screenshot(lastQuarter, 'evaluation-quarter-report-ranking-zh-CN')

    // The letter's DOCX and printable page, with the Chinese text intact.
    const id = Number((await office.getByTestId('ev-ledger').locator('tr', { hasText: number }).getAttribute('data-testid'))!.replace('ev-letter-', ''))
    const docx = await office.context().request.get(`${app.url}/api/letters/${id}/docx`)
    expect(docx.status()).toBe(200)
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.body()))['word/document.xml']!)
    for (const text of ['效能预警函', number, `${unitName}：`, '返工率']) expect(xml).toContain(text)
    const print = await office.context().newPage()
    await print.goto(`${app.url}/api/letters/${id}/print`)
    await print.getByText('（印章）').waitFor()
    await screenshot(print, 'evaluation-letter-print-zh-CN')

    expect(errors).toEqual([])
    expect(outside).toEqual([])
  }, 300_000)
})
