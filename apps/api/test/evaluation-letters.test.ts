import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { unzipSync, strFromU8 } from 'fflate'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, incidentApi, type Json } from './incidents-helpers.ts'

/** Score schemes, publishing, efficiency letters, the ledger, the printable letter and its DOCX. */

const OFFICE = 'efficiency_office' as const
const CITY = { role: 'unit_supervisor', unit: 'city_admin' } as const
const WATER = { role: 'unit_supervisor', unit: 'water_resources' } as const
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString()

describeEachEngine(
  'evaluation schemes and efficiency letters',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const call = api.call
    const count = async (table: string) => Number((await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0]!.n)
    let root = ''
    beforeAll(async () => {
      root = await fs.mkdtemp(path.join(os.tmpdir(), 'hj-letters-'))
    })
    afterAll(async () => {
      await fs.rm(root, { recursive: true, force: true })
    })

    it('a scheme must weigh 100; a published period is frozen', async () => {
      const bad = await call('PUT', '/api/evaluation/scheme?period=2026-Q3', { components: [{ indicator: 'handlingRate', weight: 60 }, { indicator: 'reworkRate', weight: 30 }] }, {}, OFFICE)
      expect(bad.status).toBe(400)
      expect(bad.body.detail).toMatch(/sum to 100, they sum to 90/)
      expect(await count('evaluation_scheme')).toBe(0)
      expect((await call('GET', '/api/evaluation/scheme?period=2026-Q3', undefined, {}, OFFICE)).body.source).toBe('default')
      expect((await call('PUT', '/api/evaluation/scheme?period=2026-Q3', { components: [{ indicator: 'handlingRate', weight: 100 }] }, {}, CITY)).status).toBe(403)
      expect((await call('PUT', '/api/evaluation/scheme?period=2099-Q3', { components: [{ indicator: 'handlingRate', weight: 100 }] }, {}, OFFICE)).body.code).toBe('future_period')
      const ok = await call('PUT', '/api/evaluation/scheme?period=2026-Q3', { components: [{ indicator: 'handlingRate', weight: 70 }, { indicator: 'reworkRate', weight: 30 }] }, {}, OFFICE)
      expect(ok.status).toBe(200)
      expect(ok.body.components[1]).toEqual({ indicator: 'reworkRate', weight: 30, better: 'lower' })

      const running = new Date().toISOString().slice(0, 7)
      expect((await call('POST', `/api/evaluation/publish?period=${running}`, undefined, {}, OFFICE)).body.code).toBe('period_not_ended')
      expect((await call('POST', '/api/evaluation/publish?period=2026-Q3', undefined, {}, OFFICE)).status).toBe(201)
      expect((await call('POST', '/api/evaluation/publish?period=2026-Q3', undefined, {}, OFFICE)).body.code).toBe('period_published')
      const late = await call('PUT', '/api/evaluation/scheme?period=2026-Q3', { components: [{ indicator: 'handlingRate', weight: 100 }] }, {}, OFFICE)
      expect([late.status, late.body.code]).toEqual([409, 'period_published'])
      const s = await call('GET', '/api/evaluation/scheme?period=2026-Q3', undefined, {}, OFFICE)
      expect([s.body.source, s.body.components.length]).toEqual(['published', 2])
      await expect(ctx.database.rows(sql`UPDATE evaluation_publication SET published_by = 'x'`)).rejects.toThrow()
      await expect(ctx.database.rows(sql`DELETE FROM evaluation_publication`)).rejects.toThrow()
      const ranking = await call('GET', '/api/evaluation/rankings?period=2026-Q3&level=unit', undefined, {}, OFFICE)
      expect(ranking.status).toBe(200)
      expect(ranking.body.published.by).toBe('efficiency_office')
    })

    it('refuses letters without recipient, deadline or basis, with a past deadline or unknown unit/incident — nothing written', async () => {
      const base = { kind: 'warning', unitCode: 'city_admin', body: '你单位返工率偏高。', deadline: inDays(10), indicator: 'reworkRate', periodKey: '2026-Q3' }
      const cases: [Json, number, string][] = [
        [{ ...base, unitCode: undefined }, 400, 'validation_failed'],
        [{ ...base, deadline: undefined }, 400, 'validation_failed'],
        [{ ...base, deadline: '2026-13-01' }, 400, 'validation_failed'],
        [{ ...base, deadline: inDays(-1) }, 400, 'deadline_in_past'],
        [{ ...base, indicator: null }, 400, 'letter_basis_required'],
        [{ ...base, unitCode: 'nope' }, 422, 'unknown_unit'],
        [{ ...base, incidentCodes: ['HJ000'] }, 422, 'unknown_incident'],
        [{ ...base, kind: 'memo' }, 400, 'validation_failed'],
      ]
      for (const [body, status, code] of cases) {
        const r = await call('POST', '/api/letters', body, {}, OFFICE)
        expect([r.status, r.body.code]).toEqual([status, code])
      }
      expect((await call('POST', '/api/letters', base, {}, CITY)).status).toBe(403)
      expect(await count('efficiency_letter')).toBe(0)
      expect(await count('efficiency_letter_event')).toBe(0)
    })

    it('issue → reply with a photo → close (销号); numbered, scoped, audited; no reply to a closed letter', async () => {
      const inc = (await api.create(complaint())).body.code
      const issued = await call('POST', '/api/letters', { kind: 'warning', unitCode: 'city_admin', body: '经查，你单位2026年第三季度返工率居全区末位。', deadline: inDays(7), indicator: 'reworkRate', periodKey: '2026-Q3', incidentCodes: [inc] }, {}, OFFICE)
      expect(issued.status).toBe(201)
      const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()
      expect(issued.body).toMatchObject({ number: `〔${year}〕1号`, title: '效能预警函', state: 'issued', unit: { code: 'city_admin', name: '区城市管理局' }, incidentCodes: [inc] })
      const id = issued.body.id
      const second = await call('POST', '/api/letters', { kind: 'supervision', unitCode: 'water_resources', body: '督办', deadline: inDays(3), incidentCodes: [inc] }, {}, OFFICE)
      expect(second.body.number).toBe(`〔${year}〕2号`)

      // The other unit neither sees nor answers it.
      expect((await call('GET', `/api/letters/${id}`, undefined, {}, WATER)).status).toBe(404)
      const wrong = await call('POST', `/api/letters/${id}/reply`, { note: '已整改' }, {}, WATER)
      expect([wrong.status, wrong.body.code]).toEqual([403, 'letter_not_yours'])
      expect((await call('GET', '/api/letters', undefined, {}, WATER)).body.items.map((l: Json) => l.unit.code)).toEqual(['water_resources'])

      // The unit supervisor uploads a photo and replies.
      const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 60 } } }).jpeg().toBuffer()
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'after.jpg')
      const up = await testApp(ctx.database, { filesDir: root }, CITY).request('/api/photos', { method: 'POST', body: form })
      expect(up.status).toBe(201)
      const photo = ((await up.json()) as { id: string }).id
      const stranger = await call('POST', `/api/letters/${id}/reply`, { note: '已整改', photos: ['00000000-0000-4000-8000-000000000000'] }, {}, CITY)
      expect([stranger.status, stranger.body.code]).toEqual([422, 'unknown_photo'])
      const reply = await call('POST', `/api/letters/${id}/reply`, { note: '已组织返工案件复查，建立销号台账。', photos: [photo] }, {}, CITY)
      expect(reply.status).toBe(200)
      expect(reply.body.state).toBe('replied')
      expect(reply.body.events.at(-1)).toMatchObject({ action: 'reply', photos: [photo] })
      expect((await call('POST', `/api/letters/${id}/reply`, { note: 'again' }, {}, CITY)).body.code).toBe('letter_wrong_state')
      expect((await call('POST', `/api/letters/${id}/close`, { note: 'x' }, {}, CITY)).status).toBe(403)
      // The office reads the reply's photo (all-seeing).
      expect((await testApp(ctx.database, { filesDir: root }, OFFICE).request(`/api/photos/${photo}`)).status).toBe(200)

      const closed = await call('POST', `/api/letters/${id}/close`, { note: '整改到位，予以销号。' }, {}, OFFICE)
      expect(closed.body.state).toBe('closed')
      const events = await count('efficiency_letter_event')
      const after = await call('POST', `/api/letters/${id}/reply`, { note: '补充' }, {}, CITY)
      expect([after.status, after.body.code]).toEqual([409, 'letter_closed'])
      expect(await count('efficiency_letter_event')).toBe(events)
      const audit = await ctx.database.rows<{ route: string }>(sql`SELECT detail ->> 'route' AS route FROM audit_log WHERE object_type = 'letters' ORDER BY id`)
      expect(audit.map((a) => a.route)).toEqual([
        'POST /api/letters/', 'POST /api/letters/', 'POST /api/letters/:id/reply', 'POST /api/letters/:id/close',
      ].map((r) => r.replace(/\/$/, '')))
    })

    it('the printable page and the DOCX carry the official layout in Chinese', async () => {
      const [l] = (await call('GET', '/api/letters?state=closed', undefined, {}, OFFICE)).body.items
      const page = await testApp(ctx.database, {}, OFFICE).request(`/api/letters/${l.id}/print`)
      const html = await page.text()
      expect(html).toContain('效能预警函')
      expect(html).toContain(l.number)
      expect(html).toContain('区城市管理局：')
      expect(html).toContain('（印章）')
      const res = await testApp(ctx.database, {}, OFFICE).request(`/api/letters/${l.id}/docx`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/wordprocessingml/)
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
      const xml = strFromU8(files['word/document.xml']!)
      for (const text of ['效能预警函', l.number, '区城市管理局：', '返工率居全区末位', '所涉指标：返工率', '涵江区机关效能建设领导小组办公室（盖章）']) expect(xml).toContain(text)
      expect(xml).toMatch(/w:eastAsia="FangSong"/)
    })

    it('the quarterly report (page and DOCX) has the summary, rankings, a server-rendered chart and the letters of the quarter', async () => {
      const sh = new Date(Date.now() + 8 * 3_600_000)
      const quarter = `${sh.getUTCFullYear()}-Q${Math.ceil((sh.getUTCMonth() + 1) / 3)}`
      const [l] = (await call('GET', '/api/letters?state=closed', undefined, {}, OFFICE)).body.items
      const page = await testApp(ctx.database, {}, OFFICE).request(`/api/evaluation/report?period=${quarter}`)
      expect(page.status).toBe(200)
      const html = await page.text()
      for (const text of ['季度通报', '一、总体情况', '二、单位考评排名', '区城市管理局', '<svg', l.number, '已销号']) expect(html).toContain(text)
      const res = await testApp(ctx.database, {}, OFFICE).request(`/api/evaluation/report/docx?period=${quarter}`)
      expect(res.status).toBe(200)
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
      const xml = strFromU8(files['word/document.xml']!)
      for (const text of ['季度通报', '五、效能函件发出与销号情况', l.number, '区城市管理局']) expect(xml).toContain(text)
      expect(Object.keys(files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true)
      const month = sh.toISOString().slice(0, 7)
      expect((await call('GET', `/api/evaluation/report?period=${month}`, undefined, {}, OFFICE)).body.code).toBe('invalid_period')
      expect((await call('GET', `/api/evaluation/report?period=${quarter}`, undefined, {}, CITY)).status).toBe(403)
    })

    it('an unanswered letter escalates past its deadline: the unit office, then two days later the district', async () => {
      const [w] = (await call('GET', '/api/letters?unit=water_resources', undefined, {}, OFFICE)).body.items
      await ctx.database.rows(sql`UPDATE efficiency_letter SET deadline = now() - interval '1 hour' WHERE id = ${w.id}`)
      const one = (await call('GET', '/api/supervision/ledger', undefined, {}, OFFICE)).body.letters.find((l: Json) => l.id === w.id)
      expect([one.overdue, one.escalationLevel]).toEqual([true, 1])
      await ctx.database.rows(sql`UPDATE efficiency_letter SET deadline = now() - interval '3 days' WHERE id = ${w.id}`)
      const two = (await call('GET', `/api/letters/${w.id}`, undefined, {}, OFFICE)).body
      expect(two.escalationLevel).toBe(2)
      expect(two.events.filter((e: Json) => e.action === 'escalate').map((e: Json) => e.data.level)).toEqual([1, 2])
      // Read again: nothing escalates twice.
      expect((await call('GET', `/api/letters/${w.id}`, undefined, {}, OFFICE)).body.events).toHaveLength(two.events.length)
    })

    it('records unannounced checks in the ledger', async () => {
      expect((await call('POST', '/api/supervision/checks', { checkedAt: inDays(1), place: '涵东街道', finding: 'x' }, {}, OFFICE)).body.code).toBe('check_in_future')
      const r = await call('POST', '/api/supervision/checks', { checkedAt: inDays(-1), unitCode: 'city_admin', place: '涵东街道宫口河', finding: '河道漂浮物未及时清理' }, {}, OFFICE)
      expect(r.status).toBe(201)
      const ledger = await call('GET', '/api/supervision/ledger', undefined, {}, CITY)
      expect(ledger.body.checks.map((c: Json) => c.finding)).toEqual(['河道漂浮物未及时清理'])
      expect(ledger.body.letters.every((l: Json) => l.unit.code === 'city_admin')).toBe(true)
    })
  },
  seedFixture,
)
