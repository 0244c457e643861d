import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { testApp, seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { client, DISPATCHER, HANDLER, HANXI, INSPECTOR, photoId, type Json } from './workbench-helpers.ts'

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{12}$/

describeEachEngine(
  'public report, track and rate',
  (ctx) => {
    const api = client(() => ctx.database)
    let ipSeq = 0
    /** Each test its own client address, so the per-IP limits do not mix between tests. */
    const freshIp = () => `203.0.113.${++ipSeq}`
    const report = (body: Record<string, unknown>, ip: string) =>
      api.call(null, 'POST', '/api/public/reports', { description: '路灯不亮已经三天了', location: HANXI, ...body }, { 'x-forwarded-for': ip })
    const track = (code: string, ip = freshIp()) => api.call(null, 'GET', `/api/public/track/${code}`, undefined, { 'x-forwarded-for': ip })
    const rate = (code: string, rating: string, ip = freshIp()) =>
      api.call(null, 'POST', `/api/public/track/${code}/rating`, { rating }, { 'x-forwarded-for': ip })
    const incidentCodeOf = async (tracking: string): Promise<string> =>
      (await ctx.database.rows<{ code: string }>(sql`SELECT code FROM incident WHERE tracking_code = ${tracking}`))[0]!.code
    /** Takes a public report through dispatch → close (dispatcher, handler, inspector). */
    const closeIt = async (code: string) => {
      if ((await api.get(code)).state === 'reported') await api.step(DISPATCHER, code, 'register', { incidentType: 'complaint' })
      await api.step(DISPATCHER, code, 'dispatch', { unitCode: 'city_admin' })
      await api.step(HANDLER, code, 'accept')
      await api.step(HANDLER, code, 'arrive')
      await api.step(HANDLER, code, 'resolve', { note: '已修复路灯', afterPhotos: [photoId()] })
      await api.step(INSPECTOR, code, 'verifyPass')
    }

    it('a citizen reports without signing in and gets a random tracking code, not the incident code', async () => {
      const r = await report({ phone: '13900001111', name: '李四', fineClass: '020602' }, freshIp())
      expect(r.status).toBe(201)
      expect(r.body.trackingCode).toMatch(CROCKFORD)
      expect(r.body).not.toHaveProperty('code')
      const code = await incidentCodeOf(r.body.trackingCode)
      expect(code).toMatch(/^HJ\d{8}-/)
      const inc = await api.get(code)
      expect(inc).toMatchObject({ channel: 'public_web', state: 'reported', reporter: { phone: '139****1111' } })
    })

    it('tracking codes: unique, from the whole alphabet, unrelated to each other', async () => {
      const { newTrackingCode } = await import('../src/services/incidents/create.ts')
      const codes = Array.from({ length: 2000 }, () => newTrackingCode())
      expect(new Set(codes).size).toBe(codes.length)
      for (const c of codes) expect(c).toMatch(CROCKFORD)
      // consecutive codes agree in about 1/32 of their positions (independent), never share a prefix pattern
      let same = 0
      for (let i = 1; i < codes.length; i++) for (let k = 0; k < 12; k++) if (codes[i]![k] === codes[i - 1]![k]) same++
      const rate = same / ((codes.length - 1) * 12)
      expect(rate).toBeGreaterThan(0.02)
      expect(rate).toBeLessThan(0.045)
      // every symbol shows up at every position
      for (let k = 0; k < 12; k++) expect(new Set(codes.map((c) => c[k])).size).toBe(32)
      // an unknown and a malformed code
      expect((await track('0000000000ZZ')).status).toBe(404)
      expect((await track('not-a-code')).status).toBe(400)
    })

    it('track: state and a public timeline — no personal data, no internal notes or people', async () => {
      const r = await report({ phone: '13900002222', name: '王五', address: '涵西街道 幸福路 8 号 302 室' }, freshIp())
      const tracking = r.body.trackingCode
      const code = await incidentCodeOf(tracking)
      await api.step(DISPATCHER, code, 'register', { incidentType: 'complaint' })
      await api.step(DISPATCHER, code, 'dispatch', { unitCode: 'city_admin', note: '内部备注：请联系王先生' })
      await api.step(HANDLER, code, 'accept')
      const t = await track(tracking)
      expect(t.status).toBe(200)
      expect(t.body).toMatchObject({ trackingCode: tracking, state: 'accepted', rating: { canRate: false } })
      expect(t.body.timeline.map((e: Json) => e.step)).toEqual(['received', 'registered', 'dispatched', 'accepted'])
      expect(t.body.timeline[2].unit.zh).toBeTruthy()
      const text = JSON.stringify(t.body)
      for (const secret of ['13900002222', '王五', '幸福路', '内部备注', 'seat-1', 'handler-ca', code, '路灯不亮']) expect(text).not.toContain(secret)
      expect(t.headers.get('cache-control')).toBe('no-store')
    })

    it('photos on the public page only where the reporter allowed; the work\'s after-photos are shown', async () => {
      const img = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toBuffer()
      const ip = freshIp()
      const upload = async () => {
        const form = new FormData()
        form.append('file', new Blob([new Uint8Array(img)], { type: 'image/jpeg' }), 'p.jpg')
        const res = await testApp(ctx.database).request('/api/public/photos', { method: 'POST', body: form, headers: { 'x-forwarded-for': ip } })
        expect(res.status).toBe(201)
        return ((await res.json()) as Json)[0].id as string
      }
      const hidden = await upload()
      const shown = await upload()
      const a = (await report({ photos: [hidden], photosPublic: false }, ip)).body.trackingCode
      const b = (await report({ photos: [shown], photosPublic: true }, ip)).body.trackingCode
      const photosOf = async (t: string) => (await track(t)).body.timeline.flatMap((e: Json) => e.photos ?? [])
      expect(await photosOf(a)).toEqual([])
      expect(await photosOf(b)).toEqual([shown])
      const get = (t: string, id: string) => api.call(null, 'GET', `/api/public/track/${t}/photos/${id}`, undefined, { 'x-forwarded-for': freshIp() })
      expect((await get(a, hidden)).status).toBe(404)
      const ok = (await get(b, shown)).body as Response
      expect(ok.status).toBe(200)
      expect(ok.headers.get('content-type')).toBe('image/webp')
      // an unknown photo id, or one already on another report, cannot be attached to a public report
      const bad = await report({ photos: [randomUUID()] }, ip)
      expect(bad.status).toBe(422)
      expect(bad.body.code).toBe('photo_not_attachable')
      expect((await report({ photos: [shown] }, ip)).status).toBe(422)
    })

    it('rating: only when closed, once per closing; "not satisfied" reopens (closed → registered) in one transaction', async () => {
      const tracking = (await report({}, freshIp())).body.trackingCode
      const code = await incidentCodeOf(tracking)
      expect((await rate(tracking, 'satisfied')).status).toBe(409)
      await closeIt(code)
      expect((await track(tracking)).body).toMatchObject({ state: 'closed', rating: { canRate: true, given: null } })
      expect((await rate(tracking, 'meh')).status).toBe(400)
      const r = await rate(tracking, 'not_satisfied')
      expect(r.status).toBe(200)
      expect(r.body.state).toBe('registered')
      expect(r.body.timeline.slice(-3).map((e: Json) => e.step)).toEqual(['closed', 'rated', 'reopened'])
      const inc = await api.get(code)
      expect(inc).toMatchObject({ state: 'registered', reopenCount: 1, satisfaction: 'not_satisfied' })
      const events = (await api.call(DISPATCHER, 'GET', `/api/incidents/${code}/events`)).body.events
      expect(events.slice(-2).map((e: Json) => [e.action, e.actorRole])).toEqual([['rate', 'public'], ['reopen', 'system']])
      // closed again: may be rated again, once
      await closeIt(code)
      expect((await rate(tracking, 'basically_satisfied')).status).toBe(200)
      const again = await rate(tracking, 'satisfied')
      expect(again.status).toBe(409)
      expect(again.body.code).toBe('already_rated')
      expect((await track(tracking)).body).toMatchObject({ state: 'closed', rating: { canRate: false, given: 'basically_satisfied' } })
    })

    it('rate limits per IP and per phone (429 with Retry-After), counted in the database for every process', async () => {
      const ip = freshIp()
      for (let i = 0; i < 10; i++) expect((await report({}, ip)).status).toBe(201)
      const over = await report({}, ip)
      expect(over.status).toBe(429)
      expect(over.body.code).toBe('rate_limited')
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
      expect((await report({}, freshIp())).status).toBe(201)
      // per phone, whatever the address
      for (let i = 0; i < 5; i++) expect((await report({ phone: '13700003333' }, freshIp())).status).toBe(201)
      const phone = await report({ phone: '137 0000 3333'.replace(/ /g, '') }, freshIp())
      expect(phone.status).toBe(429)
      expect(phone.body.detail).toContain('phone number')
      // the counters: hashed keys, no phone number or address stored
      const keys = await ctx.database.rows<{ key: string }>(sql`SELECT key FROM rate_limit_window`)
      expect(keys.length).toBeGreaterThan(0)
      expect(JSON.stringify(keys)).not.toMatch(/13700003333|203\.0\.113/)
    })

    it('size limits: long text and big bodies are refused with clear errors', async () => {
      const long = await report({ description: '长'.repeat(2001) }, freshIp())
      expect(long.status).toBe(400)
      expect(long.body.errors[0].path).toBe('description')
      const big = await api.call(null, 'POST', '/api/public/reports', { description: 'x'.repeat(20_000) }, { 'x-forwarded-for': freshIp() })
      expect(big.status).toBe(413)
      const extra = await report({ role: 'dispatcher' }, freshIp())
      expect(extra.status).toBe(400)
      const tooMany = await report({ photos: [photoId(), photoId(), photoId(), photoId()] }, freshIp())
      expect(tooMany.status).toBe(400)
      const badPhone = await report({ phone: '12345' }, freshIp())
      expect(badPhone.status).toBe(400)
    })
  },
  seedFixture,
)
