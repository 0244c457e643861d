import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, incidentApi, roadCollapse, type Json } from './incidents-helpers.ts'

/** GET /api/incidents/map: server-side clusters zoomed out, points zoomed in, filters, validation, scoping. */

const DISTRICT = '118.9,25.35,119.3,25.55'
/** A street view around 涵东北社区 (119.02, 25.48). */
const STREET = '119.015,25.475,119.03,25.485'

describeEachEngine(
  'incident map data',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const map = (query: string, who: Parameters<typeof api.call>[4] = 'viewer') => api.call('GET', `/api/incidents/map?${query}`, undefined, {}, who)
    const codes: string[] = []
    let urgentCode = ''

    it('clusters near incidents at district zoom in one aggregate, with counts by state, urgent and overdue', async () => {
      // Ten close together in 涵东 (within ~100 m), one lone one in 涵西.
      for (let k = 0; k < 10; k++) {
        const r = await api.create(complaint({ location: { lng: 119.02 + k * 0.0001, lat: 25.48 + (k % 3) * 0.0001 }, description: `垃圾 ${k}` }))
        expect(r.status).toBe(201)
        codes.push(r.body.code)
      }
      urgentCode = (await api.create(roadCollapse({ location: { lng: 119.0205, lat: 25.4802 } }))).body.code
      const lone = (await api.create(complaint({ location: { lng: 119.15, lat: 25.42 } }))).body.code
      await api.step(codes[0]!, 'register')
      await ctx.database.rows(sql`UPDATE incident SET overdue_at = now() WHERE code = ${codes[1]!}`)

      const r = await map(`bbox=${DISTRICT}&zoom=10`)
      expect(r.status).toBe(200)
      expect(r.headers.get('cache-control')).toBe('no-store')
      const body: Json = r.body
      expect(body).toMatchObject({ mode: 'clusters', zoom: 10, total: 12, truncated: false })
      expect(body.clusters).toHaveLength(1)
      const c = body.clusters[0]
      expect(c).toMatchObject({ count: 11, urgent: 1, overdue: 1, byState: { reported: 10, registered: 1 } })
      expect(c.id).toMatch(/^10\/\d+\/\d+$/)
      expect(c.lng).toBeCloseTo(119.0205, 2)
      expect(c.lat).toBeCloseTo(25.48, 2)
      // The lone incident in its cell comes as a point, clickable.
      expect(body.points).toEqual([
        { code: lone, lng: 119.15, lat: 25.42, state: 'reported', track: 'normal', overdue: false, fineClass: '020602', unitCode: null },
      ])
    })

    it('sends points with state, track, overdue, class and unit from the street zoom on', async () => {
      const r = await map(`bbox=${STREET}&zoom=16`)
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ mode: 'points', total: 11, truncated: false, clusters: [] })
      const byCode = new Map<string, Json>(r.body.points.map((p: Json) => [p.code, p]))
      expect(byCode.get(urgentCode)).toMatchObject({ track: 'urgent', state: 'reported', fineClass: '010502' })
      expect(byCode.get(codes[1]!)).toMatchObject({ overdue: true })
      expect(byCode.get(codes[0]!)).toMatchObject({ state: 'registered', overdue: false })
      // Newest first.
      expect(r.body.points[0].code).toBe(urgentCode)
    })

    it('filters by state, class, unit, street and creation time', async () => {
      const total = async (q: string) => (await map(`bbox=${DISTRICT}&zoom=10&${q}`)).body.total
      expect(await total('state=registered')).toBe(1)
      expect(await total('state=reported,registered')).toBe(12)
      expect(await total('fineClass=0105')).toBe(1)
      expect(await total('fineClass=02')).toBe(11)
      expect(await total('street=350303002000')).toBe(1)
      await api.step(codes[0]!, 'dispatch', { unitCode: 'transport' })
      expect(await total('unit=transport')).toBe(1)
      const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())
      expect(await total(`from=${future}`)).toBe(0)
      expect(await total(`to=${future}`)).toBe(12)
      // Closed incidents leave the open-state view.
      await ctx.database.rows(sql`UPDATE incident SET state = 'closed', closed_at = now() WHERE code = ${codes[2]!}`)
      expect(await total('state=reported,registered,dispatched,accepted,on_site,resolved,returned')).toBe(11)
    })

    it('scopes rows by the caller: a handler sees their unit, an inspector their areas; no session, no map', async () => {
      // codes[0] went to transport above; the lone incident is in 涵西.
      const total = async (who: Parameters<typeof api.call>[4]) => (await map(`bbox=${DISTRICT}&zoom=10`, who)).body.total
      expect(await total({ role: 'handler', unit: 'transport' })).toBe(1)
      expect(await total({ role: 'handler', unit: 'water' })).toBe(0)
      expect(await total({ role: 'inspector', areas: ['350303002000'] })).toBe(1)
      expect(await total('dispatcher')).toBe(12)
      const wall = await api.call('GET', '/api/wall/stats', undefined, {}, { role: 'handler', unit: 'transport' })
      expect(wall.body.totals.open).toBe(1)
      expect(wall.body.events.every((e: Json) => e.code === codes[0])).toBe(true)
      const anonymous = await testApp(ctx.database).request(`/api/incidents/map?bbox=${DISTRICT}&zoom=10`)
      expect(anonymous.status).toBe(401)
      expect((await testApp(ctx.database).request('/api/wall/stats')).status).toBe(401)
    })

    it('rejects bad boxes, zooms and filters with the field named', async () => {
      const bad = async (q: string, path: string) => {
        const r = await map(q)
        expect(r.status).toBe(400)
        expect(r.body.code).toBe('validation_failed')
        expect(r.body.errors.map((e: Json) => e.path)).toContain(path)
      }
      await bad('zoom=10', 'bbox')
      await bad('bbox=1,2,3&zoom=10', 'bbox')
      await bad('bbox=119.3,25.35,118.9,25.55&zoom=10', 'bbox')
      await bad('bbox=a,b,c,d&zoom=10', 'bbox')
      await bad(`bbox=${DISTRICT}&zoom=30`, 'zoom')
      await bad(`bbox=${DISTRICT}&zoom=10&state=lost`, 'state.0')
      await bad(`bbox=${DISTRICT}&zoom=10&fineClass=1`, 'fineClass')
      await bad(`bbox=${DISTRICT}&zoom=10&from=yesterday`, 'from')
    })
  },
  seedFixture,
)
