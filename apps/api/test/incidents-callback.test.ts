import { expect, it } from 'vitest'
import { seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, incidentApi, photo, roadCollapse, type Json } from './incidents-helpers.ts'

describeEachEngine(
  'callback (回访): R10 check while the unit works, satisfaction once closed',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const callback = async (code: string, body: Record<string, unknown>, who: Parameters<typeof api.call>[4] = 'dispatcher') => {
      const { body: cur } = await api.get(code)
      return api.call('POST', `/api/incidents/${code}/callback`, { version: cur.version, ...body }, {}, who)
    }
    async function closedComplaint(): Promise<string> {
      const { code } = (await api.create(complaint())).body
      await api.step(code, 'register', { incidentType: 'complaint' })
      await api.step(code, 'dispatch', { unitCode: 'city_admin' })
      await api.step(code, 'accept', {}, 'handler')
      await api.step(code, 'arrive', {}, 'handler')
      await api.step(code, 'resolve', { note: '已清理', afterPhotos: [photo()] }, 'handler')
      await api.step(code, 'verifyPass', {}, 'inspector')
      return code
    }

    it('records the satisfaction of a closed incident with an event; "not satisfied" leaves the reopen to the dispatcher', async () => {
      const code = await closedComplaint()
      const r = await callback(code, { reached: true, satisfaction: 'not_satisfied', note: '来电人称垃圾又堆起来了' })
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ state: 'closed', satisfaction: 'not_satisfied' })
      const ev = (await api.events(code)).at(-1) as Json
      expect(ev).toMatchObject({ action: 'callback', note: '来电人称垃圾又堆起来了' })
      expect(ev.data).toMatchObject({ reached: true, satisfaction: 'not_satisfied' })
      const reopened = await api.step(code, 'reopen', { reason: '回访不满意' })
      expect(reopened.state).toBe('registered')
    })

    it('"not satisfied" with reopen: the callback and the reopen in one transaction — back at the center with new deadlines, the note as reason', async () => {
      const code = await closedComplaint()
      const r = await callback(code, { reached: true, satisfaction: 'not_satisfied', note: '垃圾又堆起来了', reopen: true })
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ state: 'registered', satisfaction: 'not_satisfied', reopenCount: 1, unit: null })
      expect(r.body.deadlines.resolveBy).toMatch(/\+08:00$/)
      const [cb, reopen] = (await api.events(code)).slice(-2) as Json[]
      expect(cb).toMatchObject({ action: 'callback', from: 'closed', to: 'closed', data: { satisfaction: 'not_satisfied', reopened: true } })
      expect(reopen).toMatchObject({ action: 'reopen', from: 'closed', to: 'registered', actorRole: 'dispatcher', data: { reason: '回访不满意：垃圾又堆起来了', callback: true } })
      expect(reopen.at).toBe(cb.at)
      expect(reopen.data.version).toBe(r.body.version)
      // Only with "not satisfied"; a stale version changes nothing.
      const other = await closedComplaint()
      const bad = await callback(other, { reached: true, satisfaction: 'basically_satisfied', reopen: true })
      expect([bad.status, bad.body.code]).toEqual([422, 'reopen_not_allowed'])
      const stale = await api.call('POST', `/api/incidents/${other}/callback`, { version: 1, reached: true, satisfaction: 'not_satisfied', reopen: true })
      expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict'])
      expect((await api.get(other)).body).toMatchObject({ state: 'closed', satisfaction: null })
    })

    it('R10: an urgent incident in the unit\'s hands gets a callback without satisfaction (reporter reached or not)', async () => {
      const { code } = (await api.create(roadCollapse())).body
      await api.step(code, 'register', { incidentType: 'urgent' })
      await api.step(code, 'dispatch', { unitCode: 'transport' })
      const r = await callback(code, { reached: false, note: '无人接听' })
      expect(r.status).toBe(200)
      const ev = (await api.events(code)).at(-1) as Json
      expect(ev.data).toMatchObject({ reached: false, rule: 'R10' })
      expect(r.body.satisfaction ?? null).toBeNull()
    })

    it('refuses: satisfaction missing or out of place (422), wrong state (409), stale version (409), bad body (400), a handler (403)', async () => {
      const code = await closedComplaint()
      expect((await callback(code, { reached: true })).body.code).toBe('satisfaction_required')
      expect((await callback(code, { reached: false, satisfaction: 'satisfied' })).body.code).toBe('satisfaction_not_allowed')
      expect((await callback(code, { reached: true, satisfaction: 'great' })).status).toBe(400)
      const stale = await api.call('POST', `/api/incidents/${code}/callback`, { version: 1, reached: false })
      expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict'])
      const fresh = (await api.create(complaint())).body.code
      const early = await callback(fresh, { reached: false })
      expect([early.status, early.body.code]).toEqual([409, 'transition_not_allowed'])
      expect((await callback(code, { reached: false }, 'handler')).status).toBe(403)
      const dispatchedSatisfaction = (await api.create(complaint())).body.code
      await api.step(dispatchedSatisfaction, 'register', { incidentType: 'complaint' })
      await api.step(dispatchedSatisfaction, 'dispatch', { unitCode: 'city_admin' })
      expect((await callback(dispatchedSatisfaction, { reached: true, satisfaction: 'satisfied' })).body.code).toBe('satisfaction_not_allowed')
    })
  },
  seedFixture,
)
