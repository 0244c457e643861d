import { expect, it } from 'vitest'
import { seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, incidentApi, POINTS, roadCollapse, type Json } from './incidents-helpers.ts'

describeEachEngine(
  'incident list, detail and events',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const codes: Record<string, string> = {}

    it('lists newest first with reporter data masked', async () => {
      codes.a = (await api.create(complaint({ description: '垃圾桶满溢 A' }))).body.code
      codes.b = (await api.create(roadCollapse({ description: '路面塌陷 B', reporter: { name: '欧阳明', phone: '0594-2345678' } }))).body.code
      codes.c = (await api.create(complaint({ description: '噪音扰民 C', fineClass: '020601', location: POINTS.handongNorth }))).body.code
      const r = await api.list()
      expect(r.status).toBe(200)
      const items: Json[] = r.body.items
      expect(items.slice(0, 3).map((i) => i.code)).toEqual([codes.c, codes.b, codes.a])
      expect(items[1].reporter).toEqual({ name: '欧**', phone: '059****5678' })
      expect(items[2].reporter.phone).toBe('138****1234')
      expect(JSON.stringify(r.body)).not.toContain('13812341234')
      expect(items[0]).toMatchObject({ state: 'reported', street: { code: '350303001000', name: '涵东街道' }, fineClass: { code: '020601' } })
      expect(items[0].trackingCode).toBeUndefined()
    })

    it('filters by state, unit, street, class and free text', async () => {
      await api.step(codes.b!, 'register')
      await api.step(codes.b!, 'dispatch', { unitCode: 'transport' })
      const only = async (q: string) => (await api.list(q)).body.items.map((i: Json) => i.code)
      expect(await only('state=dispatched')).toEqual([codes.b])
      expect(await only('state=reported,dispatched')).toEqual([codes.c, codes.b, codes.a])
      expect(await only('unit=transport')).toEqual([codes.b])
      expect(await only('street=350303002000')).toEqual([codes.a])
      expect(await only('class=0206')).toEqual([codes.c, codes.a])
      expect(await only('class=01')).toEqual([codes.b])
      expect(await only(`q=${encodeURIComponent('噪音')}`)).toEqual([codes.c])
      expect(await only(`q=${codes.a}`)).toEqual([codes.a])
      expect(await only(`q=${encodeURIComponent('100%')}`)).toEqual([])
      expect((await api.list('state=lost')).status).toBe(400)
      expect((await api.list('class=1')).status).toBe(400)
    })

    it('pages by keyset: every incident exactly once, stable while new ones arrive', async () => {
      for (let i = 0; i < 4; i++) await api.create(complaint({ description: `分页 ${i}` }))
      const seen: string[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const r: Json = await api.list(`limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        expect(r.status).toBe(200)
        seen.push(...r.body.items.map((i: Json) => i.code))
        cursor = r.body.nextCursor
        if (pages++ === 0) await api.create(complaint({ description: '分页期间新来的' }))
      } while (cursor)
      expect(seen).toHaveLength(7)
      expect(new Set(seen).size).toBe(7)
      expect(pages).toBe(3)
      expect((await api.list('cursor=bogus')).status).toBe(400)
      expect((await api.list('limit=0')).status).toBe(400)
    })

    it('detail gives deadlines in +08:00, the assignment snapshot and the allowed actions for the caller\'s role', async () => {
      const d = (await api.get(codes.b!, 'handler')).body
      expect(d).toMatchObject({ state: 'dispatched', unit: { code: 'transport', name: '区交通运输局' }, allowedActions: ['accept', 'returnToCenter', 'requestExtension'] })
      for (const k of ['dispatchBy', 'arriveBy', 'ownershipBy', 'callbackAt']) expect(d.deadlines[k]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+08:00$/)
      expect(d.assignment).toMatchObject({ rule: 'fine_class', regionVersions: { grid: d.regionVersions.grid } })
      expect((await api.get(codes.b!, 'viewer')).body.allowedActions).toEqual([])
      expect((await api.get(codes.b!, 'dispatcher')).body.allowedActions).toEqual([])
      const missing = await api.get('HJ20000101-00000')
      expect([missing.status, missing.body.code]).toEqual([404, 'incident_not_found'])
    })

    it('events are the append-only log, oldest first', async () => {
      const ev = await api.events(codes.b!)
      expect(ev.map((e: Json) => e.action)).toEqual(['create', 'register', 'dispatch'])
      expect(ev.every((e: Json) => /\+08:00$/.test(e.at))).toBe(true)
      expect(ev[2].data).toMatchObject({ unitCode: 'transport', version: 3 })
      expect((await api.call('GET', '/api/incidents/HJ20000101-00000/events')).status).toBe(404)
    })
  },
  seedFixture,
)
