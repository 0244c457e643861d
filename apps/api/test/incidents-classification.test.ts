import { expect, it } from 'vitest'
import { seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, incidentApi } from './incidents-helpers.ts'

describeEachEngine(
  'incident reclassification by the dispatcher',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const classify = (code: string, body: unknown, who: Parameters<typeof api.call>[4] = 'dispatcher') =>
      api.call('POST', `/api/incidents/${code}/classification`, body, {}, who)

    it('recomputes the assignment for the new class at the same point and logs it, in one versioned step', async () => {
      const created = (await api.create(complaint())).body
      expect(created.suggestedUnit.code).toBe('office_350303002')
      const r = await classify(created.code, { version: created.version, fineClass: '010502' })
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({
        state: 'reported',
        version: created.version + 1,
        fineClass: { code: '010502', name: '路面塌陷' },
        suggestedUnit: { code: 'transport' },
        safetyHazard: true,
        regions: created.regions,
      })
      expect(r.body.assignment).toMatchObject({ rule: 'fine_class', unit: { code: 'transport' }, fineClass: '010502' })
      expect(r.body.assignment.explanation.length).toBeGreaterThan(0)
      const events = await api.events(created.code)
      expect(events.at(-1)).toMatchObject({
        action: 'reclassify',
        from: 'reported',
        to: 'reported',
        actor: expect.any(String),
        data: { fromClass: '020602', toClass: '010502', unitCode: 'transport', rule: 'fine_class', version: created.version + 1 },
      })
      // The dispatch that follows can use the new suggestion.
      await api.step(created.code, 'register', { incidentType: 'urgent' })
      const d = await api.step(created.code, 'dispatch', { unitCode: r.body.suggestedUnit.code })
      expect(d.unit.code).toBe('transport')
    })

    it('refuses a stale version, a dispatched incident, bad or unknown classes and an incident without a location', async () => {
      const c = (await api.create(complaint())).body
      expect((await classify(c.code, { version: c.version + 5, fineClass: '010501' })).body.code).toBe('version_conflict')
      const bad = await classify(c.code, { version: c.version, fineClass: '0105' })
      expect(bad.status).toBe(400)
      expect(bad.body.errors[0].path).toBe('fineClass')
      expect((await classify(c.code, { version: c.version })).status).toBe(400)
      const unknown = await classify(c.code, { version: c.version, fineClass: '999999' })
      expect([unknown.status, unknown.body.code]).toEqual([422, 'unknown_fine_class'])
      expect((await classify('NOPE', { version: 1, fineClass: '010501' })).status).toBe(404)

      await api.step(c.code, 'register', { incidentType: 'complaint' })
      const dispatched = await api.step(c.code, 'dispatch', { unitCode: 'office_350303002' })
      const late = await classify(c.code, { version: dispatched.version, fineClass: '010501' })
      expect([late.status, late.body.code]).toEqual([409, 'transition_not_allowed'])

      const noPlace = (await api.create(complaint({ fineClass: null, location: null }))).body
      const nl = await classify(noPlace.code, { version: noPlace.version, fineClass: '010501' })
      expect([nl.status, nl.body.code]).toEqual([422, 'location_required'])
    })

    it('is the command center’s: other roles are refused', async () => {
      const c = (await api.create(complaint())).body
      for (const role of ['handler', 'inspector', 'viewer'] as const) {
        expect((await classify(c.code, { version: c.version, fineClass: '010501' }, role)).status, role).toBe(403)
      }
    })
  },
  seedFixture,
)
