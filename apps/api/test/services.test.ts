import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { insertPoints } from '../src/db/repositories/service-catalogue.ts'
import type { Database } from '../src/db/types.ts'
import { seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { freezeClock, thaw } from './incidents-helpers.ts'
import { client, DISPATCHER, INSPECTOR, type Json } from './workbench-helpers.ts'

const ADMIN = { role: 'service_admin' as const, username: 'svc-admin' }
const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{12}$/
const HOURS = '08:30-12:00,14:30-17:30'

/** Points inside the rectangle fixture (test/fixtures/regions.ts): district 119.0–119.2 E × 25.4–25.5 N. */
async function seedPoints(database: Database): Promise<void> {
  await seedFixture(database)
  const p = (code: string, kind: 'district_center' | 'town_center' | 'village_point', lng: number, lat: number, cap: number, extended: string | null) => ({
    code, name: `${code} 点`, nameEn: code, kind, regionCode: '350303001000', address: `${code} 地址`, openingHours: HOURS, extendedHours: extended,
    slotMinutes: 30, slotCapacity: cap, lng, lat,
  })
  const points = [
    p('HJ-CENTER', 'district_center', 119.1, 25.45, 3, '17:30-19:00'),
    p('TC-EAST', 'town_center', 119.15, 25.47, 2, null),
    p('TC-WEST', 'town_center', 119.05, 25.42, 1, null),
    p('VP-ONE', 'village_point', 119.03, 25.48, 1, null),
  ]
  const links = [
    ...['HJ-CENTER', 'TC-EAST', 'TC-WEST', 'VP-ONE'].map((pointCode) => ({ pointCode, itemCode: 'MZ-04' })),
    ...['HJ-CENTER', 'TC-EAST', 'TC-WEST'].map((pointCode) => ({ pointCode, itemCode: 'SB-04' })),
    { pointCode: 'HJ-CENTER', itemCode: 'MZ-06' },
  ]
  await database.db.transaction((tx) => insertPoints(database, tx, points, links))
}

describeEachEngine(
  'service catalogue, points and special-service requests',
  (ctx) => {
    const api = client(() => ctx.database)
    let ipSeq = 0
    const ip = () => ({ 'x-forwarded-for': `198.51.100.${++ipSeq}` })
    const get = (path: string) => api.call(null, 'GET', path, undefined, ip())
    let phoneSeq = 1000
    /** Each booking its own client address and phone, so the per-IP and per-phone limits do not mix. */
    const book = (body: Record<string, unknown>) =>
      api.call(null, 'POST', '/api/public/services/requests', { citizenName: '林小梅', citizenPhone: `139 0000 ${++phoneSeq}`, ...body }, ip())
    const count = async () => Number((await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM service_request`))[0]!.n)
    // Tuesday 2026-12-08 10:00 in Shanghai; Wednesday the 9th is a working day, Saturday the 12th is not.
    beforeAll(() => freezeClock('2026-12-08T10:00:00+08:00'))
    afterAll(() => thaw())
    const WED_9 = '2026-12-09T09:00:00+08:00'
    /** The frozen clock moves on a second: PGlite's now() reads it too, and versions need valid_to > valid_from. */
    const tick = () => vi.setSystemTime(new Date(Date.now() + 1000))

    it('searches the catalogue in Chinese, by pinyin initials and by code', async () => {
      const zh = await get(`/api/public/services/items?q=${encodeURIComponent('社保卡补办')}`)
      expect(zh.status).toBe(200)
      expect(zh.body.items[0]).toMatchObject({ code: 'SB-04', via: 'text', demo: true })
      const py = await get('/api/public/services/items?q=shbzk')
      expect(py.body.items.slice(0, 2).map((i: Json) => i.code).sort()).toEqual(['SB-03', 'SB-04'])
      expect(py.body.items[0].via).toBe('pinyin')
      expect((await get('/api/public/services/items?q=mz-04')).body.items[0]).toMatchObject({ code: 'MZ-04', via: 'code' })
      const all = await get('/api/public/services/items?limit=500')
      expect(all.body.items.length).toBeGreaterThanOrEqual(60)
      expect(new Set(all.body.items.map((i: Json) => i.category)).size).toBeGreaterThanOrEqual(6)
      expect((await get('/api/public/services/items?q=zzzzqqq')).body.items).toEqual([])
      expect((await get('/api/public/services/items?category=nope')).status).toBe(400)
    })

    it('answers an item guide, the points with hours, and the nearest point that does an item (KNN)', async () => {
      const g = await get('/api/public/services/items/MZ-04')
      expect(g.status).toBe(200)
      expect(g.body.item).toMatchObject({ code: 'MZ-04', name: '高龄津贴申领', timeLimitDays: 15, specialServices: ['home_visit', 'proxy'] })
      expect(g.body.points).toEqual({ district_center: 1, town_center: 2, village_point: 1 })
      expect((await get('/api/public/services/items/NOPE-1')).body.code).toBe('service_item_not_found')
      const pts = await get('/api/public/services/points?item=MZ-06')
      expect(pts.body.points.map((p: Json) => p.code)).toEqual(['HJ-CENTER'])
      const detail = await get('/api/public/services/points/TC-WEST')
      expect(detail.body.point).toMatchObject({ openingHours: HOURS, lng: 119.05, lat: 25.42 })
      expect(detail.body.items.map((i: Json) => i.code).sort()).toEqual(['MZ-04', 'SB-04'])
      // From near the west town center: it first, the village point (which does not do SB-04) left out.
      const near = await get('/api/public/services/nearest?item=SB-04&lng=119.04&lat=25.43&limit=3')
      expect(near.status).toBe(200)
      expect(near.body.points.map((p: Json) => p.code)).toEqual(['TC-WEST', 'HJ-CENTER', 'TC-EAST'])
      expect(near.body.points[0].distanceM).toBeGreaterThan(1000)
      expect(near.body.points[0].distanceM).toBeLessThan(1600)
      expect((await get('/api/public/services/nearest?item=SB-04&lng=x&lat=25')).status).toBe(400)
    })

    it('books an appointment without signing in: a public code, a working-day deadline, tracked by that code', async () => {
      const before = await get('/api/public/services/points/HJ-CENTER/slots?date=2026-12-09')
      expect(before.body.workingDay).toBe(true)
      const nine = before.body.slots.find((s: Json) => s.time === '09:00' && s.kind === 'opening')
      expect(nine.left).toBe(3)
      const r = await book({ kind: 'appointment', itemCode: 'SB-04', pointCode: 'HJ-CENTER', slotAt: WED_9 })
      expect(r.status).toBe(201)
      expect(r.body.publicCode).toMatch(CROCKFORD)
      // SB-04 is done on the spot (0 days): due when office hours end that day.
      expect(r.body).toMatchObject({ kind: 'appointment', state: 'booked', slotAt: '2026-12-09T09:00:00+08:00', deadline: '2026-12-09T17:30:00+08:00', citizenName: '林**' })
      expect(JSON.stringify(r.body)).not.toContain(`1390000`)
      const t = await get(`/api/public/services/requests/${r.body.publicCode}`)
      expect(t.body).toEqual(r.body)
      const after = await get('/api/public/services/points/HJ-CENTER/slots?date=2026-12-09')
      expect(after.body.slots.find((s: Json) => s.time === '09:00' && s.kind === 'opening').left).toBe(2)
      expect((await get('/api/public/services/points/HJ-CENTER/slots?date=2026-12-12')).body).toMatchObject({ workingDay: false, slots: [] })
      // A 15-working-day item handed in on the 9th: due 30 December at closing time.
      const proxy = await book({ kind: 'proxy', itemCode: 'MZ-04', pointCode: 'VP-ONE', slotAt: '2026-12-09T15:00:00+08:00' })
      expect(proxy.body.deadline).toBe('2026-12-30T17:30:00+08:00')
    })

    it('refuses every bad booking with a clear problem and books nothing', async () => {
      const n = await count()
      const bad: [Record<string, unknown>, number, string][] = [
        [{ kind: 'appointment', itemCode: 'SB-04', pointCode: 'HJ-CENTER', slotAt: '2026-12-08T09:00:00+08:00' }, 422, 'slot_in_past'],
        [{ kind: 'appointment', itemCode: 'SB-04', pointCode: 'HJ-CENTER', slotAt: '2026-12-08T10:15:00+08:00' }, 422, 'slot_in_past'],
        [{ kind: 'appointment', itemCode: 'SB-04', pointCode: 'HJ-CENTER', slotAt: '2026-12-12T09:00:00+08:00' }, 422, 'slot_not_working_day'],
        [{ kind: 'appointment', itemCode: 'SB-04', pointCode: 'HJ-CENTER', slotAt: '2027-01-20T09:00:00+08:00' }, 422, 'slot_too_far'],
        [{ kind: 'appointment', itemCode: 'SB-04', pointCode: 'HJ-CENTER', slotAt: '2026-12-09T12:30:00+08:00' }, 422, 'slot_outside_hours'],
        [{ kind: 'appointment', itemCode: 'SB-04', pointCode: 'HJ-CENTER', slotAt: '2026-12-09T09:10:00+08:00' }, 422, 'slot_outside_hours'],
        [{ kind: 'extended_hours', itemCode: 'SB-04', pointCode: 'TC-EAST', slotAt: '2026-12-09T17:30:00+08:00' }, 422, 'no_extended_hours'],
        [{ kind: 'appointment', itemCode: 'MZ-06', pointCode: 'TC-EAST', slotAt: WED_9 }, 422, 'item_not_at_point'],
        [{ kind: 'home_visit', itemCode: 'SB-04', pointCode: 'TC-EAST', slotAt: WED_9 }, 422, 'special_service_not_offered'],
        [{ kind: 'home_visit', itemCode: 'MZ-04', pointCode: 'TC-EAST', slotAt: WED_9 }, 422, 'home_visit_needs_location'],
        [{ kind: 'home_visit', itemCode: 'MZ-04', pointCode: 'TC-EAST', slotAt: WED_9, address: '外区某地', location: { lng: 119.4, lat: 25.3 } }, 422, 'home_visit_outside_district'],
        [{ kind: 'appointment', itemCode: 'NOPE-9', pointCode: 'TC-EAST', slotAt: WED_9 }, 422, 'unknown_service_item'],
        [{ kind: 'appointment', itemCode: 'SB-04', pointCode: 'NOPE', slotAt: WED_9 }, 422, 'unknown_service_point'],
        [{ kind: 'visit', itemCode: 'SB-04', pointCode: 'TC-EAST', slotAt: WED_9 }, 400, 'validation_failed'],
        [{ kind: 'appointment', itemCode: 'SB-04', pointCode: 'TC-EAST', slotAt: 'tomorrow' }, 400, 'validation_failed'],
        [{ kind: 'appointment', itemCode: 'SB-04', pointCode: 'TC-EAST', slotAt: WED_9, citizenPhone: '12345' }, 400, 'validation_failed'],
        [{ kind: 'appointment', itemCode: 'SB-04', pointCode: 'TC-EAST', slotAt: WED_9, citizenName: '' }, 400, 'validation_failed'],
      ]
      for (const [body, status, code] of bad) {
        const r = await book(body)
        expect([r.status, r.body.code], JSON.stringify(body)).toEqual([status, code])
        expect(typeof r.body.detail).toBe('string')
      }
      // A home visit inside the district is fine.
      const home = await book({ kind: 'home_visit', itemCode: 'MZ-04', pointCode: 'TC-EAST', slotAt: '2026-12-09T10:00:00+08:00', address: '涵东北社区 3 号', location: { lng: 119.05, lat: 25.47 } })
      expect(home.status).toBe(201)
      expect(await count()).toBe(n + 1)
    })

    it('a full slot is refused; racing bookings of the last seat: exactly one wins', async () => {
      const slot = { kind: 'appointment', itemCode: 'SB-04', pointCode: 'TC-WEST', slotAt: '2026-12-10T09:00:00+08:00' }
      const n = await count()
      const results = await Promise.all([book(slot), book(slot), book(slot)])
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409])
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'slot_full')).toBe(true)
      expect(await count()).toBe(n + 1)
      const [seat] = await ctx.database.rows<{ booked: number }>(sql`SELECT booked FROM service_slot WHERE point_code = 'TC-WEST' AND slot_at = ${slot.slotAt}::timestamptz`)
      expect(Number(seat!.booked)).toBe(1)
      // A capacity of 0 for the day closes it.
      await ctx.database.rows(sql`INSERT INTO service_day_capacity (point_code, day, slot_capacity) VALUES ('TC-EAST', '2026-12-11', 0)`)
      const closed = await book({ ...slot, pointCode: 'TC-EAST', slotAt: '2026-12-11T09:00:00+08:00' })
      expect([closed.status, closed.body.code]).toEqual([409, 'slot_full'])
    })

    it('a hotline seat books for a caller; other roles and anonymous callers may not use the staff routes', async () => {
      const body = { kind: 'appointment', itemCode: 'MZ-06', pointCode: 'HJ-CENTER', slotAt: '2026-12-09T14:30:00+08:00', citizenName: '陈大伟', citizenPhone: '0594-2345678' }
      const r = await api.call(DISPATCHER, 'POST', '/api/service-requests', body)
      expect(r.status).toBe(201)
      const [row] = await ctx.database.rows<{ channel: string; phone: string }>(sql`SELECT channel, citizen_phone AS phone FROM service_request WHERE public_code = ${r.body.publicCode}`)
      expect(row).toEqual({ channel: 'hotline', phone: '0594-2345678' })
      expect((await api.call(INSPECTOR, 'POST', '/api/service-requests', body)).status).toBe(403)
      expect((await api.call(null, 'POST', '/api/service-requests', body)).status).toBe(401)
      const list = await api.call(ADMIN, 'GET', '/api/service-requests?point=HJ-CENTER&date=2026-12-09')
      expect(list.status).toBe(200)
      const mine = list.body.requests.find((x: Json) => x.publicCode === r.body.publicCode)
      expect(mine).toMatchObject({ channel: 'hotline', citizenPhone: '059****5678', onTime: null })
    })

    it('serve, rate once, cancel frees the seat; only a booked request moves', async () => {
      const a = await book({ kind: 'appointment', itemCode: 'SB-04', pointCode: 'TC-EAST', slotAt: '2026-12-09T15:00:00+08:00' })
      expect((await api.call(null, 'POST', `/api/public/services/requests/${a.body.publicCode}/rating`, { rating: 'satisfied' }, ip())).body.code).toBe('service_request_not_served')
      const served = await api.call(ADMIN, 'POST', `/api/service-requests/${a.body.publicCode}/serve`)
      expect(served.body).toMatchObject({ state: 'served', rating: { canRate: true, given: null } })
      const rated = await api.call(null, 'POST', `/api/public/services/requests/${a.body.publicCode}/rating`, { rating: 'satisfied' }, ip())
      expect(rated.body.rating).toEqual({ canRate: false, given: 'satisfied' })
      expect((await api.call(null, 'POST', `/api/public/services/requests/${a.body.publicCode}/rating`, { rating: 'not_satisfied' }, ip())).body.code).toBe('already_rated')
      expect((await api.call(ADMIN, 'POST', `/api/service-requests/${a.body.publicCode}/cancel`)).body.code).toBe('service_request_not_booked')
      const slot = { kind: 'appointment', itemCode: 'SB-04', pointCode: 'TC-WEST', slotAt: '2026-12-10T10:00:00+08:00' }
      const b = await book(slot)
      expect((await book(slot)).body.code).toBe('slot_full')
      const cancelled = await api.call(null, 'POST', `/api/public/services/requests/${b.body.publicCode}/cancel`, undefined, ip())
      expect(cancelled.body.state).toBe('cancelled')
      expect((await book(slot)).status).toBe(201)
      expect((await get('/api/public/services/requests/0000000000ZZ')).body.code).toBe('service_request_not_found')
      expect((await get('/api/public/services/requests/bad')).status).toBe(400)
    })

    it('catalogue edits are versioned, admin-only, and refused when they would orphan open requests', async () => {
      const item = { code: 'QT-99', name: '测试事项', nameEn: 'Test item', category: 'other', unitCode: null, unitName: '区测试局', materials: ['居民身份证'], timeLimitDays: 3, fees: '不收费', onlinePrereview: false, specialServices: ['appointment'], pointCodes: ['TC-EAST'] }
      expect((await api.call(DISPATCHER, 'POST', '/api/service-catalogue/items', item)).status).toBe(403)
      const c = await api.call(ADMIN, 'POST', '/api/service-catalogue/items', item)
      expect(c.status).toBe(201)
      expect(c.body.item).toMatchObject({ code: 'QT-99', version: 1, pinyinInitials: 'cssx' })
      expect((await api.call(ADMIN, 'POST', '/api/service-catalogue/items', item)).body.code).toBe('service_item_exists')
      expect((await api.call(ADMIN, 'POST', '/api/service-catalogue/items', { ...item, code: 'QT-98', pointCodes: ['NOPE'] })).body.code).toBe('unknown_service_point')
      expect((await api.call(ADMIN, 'POST', '/api/service-catalogue/items', { ...item, code: 'QT-97', timeLimitDays: -1 })).status).toBe(400)
      const r = await book({ kind: 'appointment', itemCode: 'QT-99', pointCode: 'TC-EAST', slotAt: '2026-12-14T09:00:00+08:00' })
      expect(r.status).toBe(201)
      tick()
      const e = await api.call(ADMIN, 'PATCH', '/api/service-catalogue/items/QT-99', { timeLimitDays: 5, expectedVersion: 1 })
      expect(e.status, JSON.stringify(e.body)).toBe(200)
      expect(e.body.item).toMatchObject({ version: 2, timeLimitDays: 5 })
      expect((await api.call(ADMIN, 'PATCH', '/api/service-catalogue/items/QT-99', { fees: 'x', expectedVersion: 1 })).body.code).toBe('version_conflict')
      // The request keeps the version it was booked under.
      expect((await get(`/api/public/services/requests/${r.body.publicCode}`)).body.item.version).toBe(1)
      for (const patch of [{ specialServices: ['proxy'] }, { pointCodes: ['HJ-CENTER'] }]) {
        const o = await api.call(ADMIN, 'PATCH', '/api/service-catalogue/items/QT-99', patch)
        expect([o.status, o.body.code]).toEqual([409, 'catalogue_edit_orphans_requests'])
        expect(o.body.requests.map((x: Json) => x.publicCode)).toEqual([r.body.publicCode])
      }
      tick()
      const w = await api.call(ADMIN, 'DELETE', '/api/service-catalogue/items/QT-99')
      expect([w.status, w.body.code]).toEqual([409, 'catalogue_edit_orphans_requests'])
      const versions = await api.call(ADMIN, 'GET', '/api/service-catalogue/items/QT-99/versions')
      expect(versions.body.items.map((i: Json) => i.version)).toEqual([2, 1])
      await api.call(null, 'POST', `/api/public/services/requests/${r.body.publicCode}/cancel`, undefined, ip())
      tick()
      expect((await api.call(ADMIN, 'DELETE', '/api/service-catalogue/items/QT-99')).status).toBe(204)
      expect((await get('/api/public/services/items/QT-99')).status).toBe(404)
      expect((await get(`/api/public/services/requests/${r.body.publicCode}`)).body.item.name).toBe('测试事项')
    })

    it('exports the catalogue as XLSX and imports it back: changed rows get a new version, bad rows refuse all', async () => {
      const res = (await api.call(ADMIN, 'GET', '/api/service-catalogue/export.xlsx')).body as Response
      expect(res.status).toBe(200)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(await res.arrayBuffer())
      const ws = wb.worksheets[0]!
      const keys = (ws.getRow(1).values as string[]).slice(1)
      const col = (k: string) => keys.indexOf(k) + 1
      const rowOf = (code: string) => { for (let n = 3; n <= ws.rowCount; n++) if (ws.getRow(n).getCell(1).value === code) return ws.getRow(n); throw new Error(code) }
      expect(String(rowOf('MZ-04').getCell(col('points')).value).split(',').sort()).toEqual(['HJ-CENTER', 'TC-EAST', 'TC-WEST', 'VP-ONE'])
      rowOf('MZ-04').getCell(col('fees')).value = '免费'
      const upload = async (w: ExcelJS.Workbook) => {
        const app = (await import('./app.ts')).testApp(ctx.database, {}, ADMIN)
        const r = await app.request('/api/service-catalogue/import', {
          method: 'POST',
          headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
          body: new Uint8Array(await w.xlsx.writeBuffer()),
        })
        return { status: r.status, body: (await r.json()) as Json }
      }
      // The seeded items' versions began at the template's real time: edit them after it (PGlite reads this clock).
      vi.setSystemTime(new Date(vi.getRealSystemTime() + 60_000))
      const ok = await upload(wb)
      expect(ok.status).toBe(200)
      expect(ok.body.updated).toBe(1)
      expect(ok.body.created).toBe(0)
      expect((await get('/api/public/services/items/MZ-04')).body.item).toMatchObject({ fees: '免费', version: 2 })
      rowOf('SB-04').getCell(col('category')).value = 'nonsense'
      rowOf('MZ-06').getCell(col('time_limit_days')).value = 'soon'
      const bad = await upload(wb)
      expect(bad.status).toBe(422)
      expect(bad.body.code).toBe('import_invalid')
      expect(bad.body.errors.length).toBe(2)
      expect(bad.body.errors.map((e: Json) => e.path).join(' ')).toMatch(/row \d+\.category/)
    })
  },
  seedPoints,
)
