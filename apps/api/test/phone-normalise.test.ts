import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { PUBLIC_LIMITS } from '../src/services/public/rate-limiter.ts'
import { seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { client, DISPATCHER, HANXI } from './workbench-helpers.ts'

/** One phone number, one key: the per-phone limit and the stored reporter phone do not depend on how it is written. */
describeEachEngine(
  'phone numbers: normalised before limiting and storing',
  (ctx) => {
    const api = client(() => ctx.database)
    let ipSeq = 0
    const report = (phone: string) =>
      api.call(null, 'POST', '/api/public/reports', { description: '路灯不亮已经三天了', location: HANXI, phone }, { 'x-forwarded-for': `198.51.100.${++ipSeq}` })

    it('+8613700001234, 86 13700001234 and +86-13700001234 share the per-phone report limit', async () => {
      const spellings = ['13700001234', '+8613700001234', '86 13700001234', '+86-13700001234', '0086 137-0000-1234']
      const statuses: number[] = []
      for (let i = 0; i <= PUBLIC_LIMITS.reportPerPhone.limit; i++) statuses.push((await report(spellings[i % spellings.length]!)).status)
      expect(statuses.slice(0, -1).every((s) => s === 201), String(statuses)).toBe(true)
      const over = await report('+86 137 0000 1234')
      expect(over.status).toBe(429)
      expect(over.body.detail).toContain('phone number')
      // Another number is not limited.
      expect((await report('+86 13700005678')).status).toBe(201)
    })

    it('the public report and the hotline intake store the one spelling; a non-mainland number is a 400 naming the field', async () => {
      const r = await report('+86-13700009876')
      expect(r.status).toBe(201)
      const stored = await ctx.database.rows<{ reporter_phone: string }>(sql`SELECT reporter_phone FROM incident WHERE tracking_code = ${r.body.trackingCode}`)
      expect(stored[0]!.reporter_phone).toBe('13700009876')

      const seat = await api.call(DISPATCHER, 'POST', '/api/incidents', {
        channel: 'hotline_12345',
        requestType: 'complaint',
        location: HANXI,
        description: '路边垃圾堆积多日无人清理',
        reporter: { name: '张三', phone: '(0594) 234 5678' },
      })
      expect(seat.status).toBe(201)
      const revealed = await api.call(DISPATCHER, 'POST', `/api/incidents/${seat.body.code}/reporter/reveal`)
      expect(revealed.body.phone).toBe('0594-2345678')

      const foreign = await api.call(DISPATCHER, 'POST', '/api/incidents', {
        channel: 'hotline_12345',
        requestType: 'complaint',
        description: '路边垃圾',
        reporter: { phone: '+1 415 555 0100' },
      })
      expect(foreign.status).toBe(400)
      expect(foreign.body.errors[0].path).toBe('reporter.phone')
      const bad = await report('+852 1234 5678')
      expect(bad.status).toBe(400)
      expect(bad.body.errors[0].path).toBe('phone')
    })
  },
  seedFixture,
)
