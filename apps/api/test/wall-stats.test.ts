import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, incidentApi, POINTS, roadCollapse, type Json } from './incidents-helpers.ts'

/** GET /api/wall/stats: every panel of the wall from one statement. */

describeEachEngine(
  'wall statistics',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const stats = async (who: Parameters<typeof api.call>[4] = 'viewer') => api.call('GET', '/api/wall/stats', undefined, {}, who)

    it('is empty but complete on a database without incidents', async () => {
      const r = await stats()
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ totals: { today: 0, open: 0, overdue: 0, urgentOpen: 0 }, intakeByChannel: [], events: [], urgent: [] })
      expect(r.body.onTime).toMatchObject({ closed: 0, rate: null, days: 30 })
      // Every street is listed (a chart with stable bars), with zero counts.
      expect(r.body.byStreet.map((s: Json) => s.name)).toEqual(['涵东街道', '涵西街道'])
      expect(r.body.generatedAt).toMatch(/\+08:00$/)
    })

    it('counts today by channel, open/overdue by street, on-time rate, top classes, the last events and urgent incidents', async () => {
      const a = (await api.create(complaint())).body.code
      const b = (await api.create(complaint({ channel: 'patrol', requestType: 'report', location: POINTS.handongNorth }))).body.code
      const c = (await api.create(complaint({ channel: 'public_web', fineClass: '020601' }))).body.code
      const u = (await api.create(roadCollapse())).body.code
      await api.step(u, 'register')
      await api.step(u, 'dispatch', { unitCode: 'transport' })
      await ctx.database.rows(sql`UPDATE incident SET overdue_at = now() WHERE code = ${a}`)
      // Two closed in the window, one of them late.
      await ctx.database.rows(sql`UPDATE incident SET state = 'closed', closed_at = now() WHERE code IN (${b}, ${c})`)
      await ctx.database.rows(sql`UPDATE incident SET overdue_at = now() - interval '1 hour' WHERE code = ${c}`)

      const r = await stats()
      expect(r.status).toBe(200)
      const s: Json = r.body
      expect(s.totals).toEqual({ today: 4, open: 2, overdue: 1, urgentOpen: 1 })
      expect(s.intakeByChannel).toEqual([
        { channel: 'hotline_12345', count: 2 },
        { channel: 'patrol', count: 1 },
        { channel: 'public_web', count: 1 },
      ])
      expect(s.byStreet).toEqual([
        { code: '350303001000', name: '涵东街道', open: 1, overdue: 0 },
        { code: '350303002000', name: '涵西街道', open: 1, overdue: 1 },
      ])
      expect(s.onTime).toEqual({ days: 30, closed: 2, onTime: 1, rate: 0.5 })
      expect(s.topClasses.items[0]).toMatchObject({ code: '020602', count: 2 })
      expect(s.topClasses.items[0].name).toBeTruthy()
      expect(s.topClasses.items.map((i: Json) => i.code).sort()).toEqual(['010502', '020601', '020602'])
      // Newest event first: the urgent one's dispatch.
      expect(s.events[0]).toMatchObject({ code: u, action: 'dispatch', toState: 'dispatched', track: 'urgent' })
      expect(s.events[0].at).toMatch(/\+08:00$/)
      expect(s.events).toHaveLength(6)
      expect(s.urgent).toHaveLength(1)
      expect(s.urgent[0]).toMatchObject({ code: u, state: 'dispatched', unitCode: 'transport', overdue: false })
      expect(s.urgent[0].unitName.name).toBe('区交通运输局')
      expect(s.urgent[0].dueAt).toMatch(/\+08:00$/)
    })
  },
  seedFixture,
)
