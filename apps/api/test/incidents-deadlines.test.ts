import { sql } from 'drizzle-orm'
import { afterEach, expect, it } from 'vitest'
import { invalidateCalendar } from '../src/services/calendar/working-calendar.ts'
import { loadConfig } from '../src/config.ts'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, freezeClock, incidentApi, ms, pendingTimers, photo, roadCollapse, thaw, type Json } from './incidents-helpers.ts'

describeEachEngine(
  'deadline preview',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const preview = (q: string) => api.call('GET', `/api/deadlines/preview?${q}`)

    it('the working-day calendar is seeded from CALENDAR_2026 into calendar_day', async () => {
      const rows = await ctx.database.rows<{ kind: string; n: number }>(
        sql`SELECT kind, count(*)::int AS n FROM calendar_day WHERE date BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY kind ORDER BY kind`,
      )
      // 3 + 9 + 3 + 5 + 3 + 3 + 7 holiday days; 6 make-up working days.
      expect(rows).toEqual([
        { kind: 'holiday', n: 33 },
        { kind: 'workday', n: 6 },
      ])
    })

    it('R1 preview: complaint 3 working days, skipping National Day and counting the make-up Saturday, +08:00', async () => {
      const r = await preview(`type=complaint&start=${encodeURIComponent('2026-09-30T10:00:00+08:00')}`)
      expect(r.status).toBe(200)
      expect(r.body).toEqual({
        type: 'complaint',
        start: '2026-09-30T10:00:00+08:00',
        deadlines: [{ kind: 'resolveBy', rule: 'R1', dueAt: '2026-10-10T17:30:00+08:00' }],
      })
    })

    it('R2 preview: consultation 2 working days (a UTC start is shown in Shanghai time)', async () => {
      const r = await preview('type=consultation&start=2026-02-13T01:00:00Z')
      // Fri 2-13; 2-14 (Sat) is a make-up working day, then 春节 2-15…2-23: 2 days = 2-14, 2-24.
      expect(r.body.start).toBe('2026-02-13T09:00:00+08:00')
      expect(r.body.deadlines).toEqual([{ kind: 'resolveBy', rule: 'R2', dueAt: '2026-02-24T17:30:00+08:00' }])
    })

    it('R3 preview: simple the same day, or the next working day after hours', async () => {
      expect((await preview('type=simple&start=2026-05-08T16:00:00%2B08:00')).body.deadlines[0].dueAt).toBe('2026-05-08T17:30:00+08:00')
      // Fri 5-8 after hours → Sat 5-9 is a make-up working day.
      expect((await preview('type=simple&start=2026-05-08T17:45:00%2B08:00')).body.deadlines[0].dueAt).toBe('2026-05-09T17:30:00+08:00')
    })

    it('R4/R7 preview: urgent dispatch-by + 15 min and ownership-by + 12 h, whatever the calendar', async () => {
      const r = await preview('type=urgent&start=2026-10-01T23:50:00%2B08:00')
      expect(r.body.deadlines).toEqual([
        { kind: 'dispatchBy', rule: 'R4', dueAt: '2026-10-02T00:05:00+08:00' },
        { kind: 'ownershipBy', rule: 'R7', dueAt: '2026-10-02T11:50:00+08:00' },
      ])
    })

    it('a start in a year with no calendar → 422 calendar_year_missing naming the year', async () => {
      const r = await preview('type=complaint&start=2027-03-01T09:00:00%2B08:00')
      expect(r.status).toBe(422)
      expect(r.body).toMatchObject({ code: 'calendar_year_missing', year: 2027 })
      expect(r.body.detail).toContain('2027')
      expect(r.body.messages.zh).toContain('2027年')
      // A period that runs into the missing year fails the same way.
      expect((await preview('type=complaint&start=2026-12-30T09:00:00%2B08:00')).body).toMatchObject({ year: 2027 })
    })

    it('once the admin enters the year (calendar_day rows), it is used', async () => {
      await ctx.database.rows(sql`INSERT INTO calendar_day (date, kind, name) VALUES ('2027-01-01', 'holiday', '元旦')`)
      invalidateCalendar(ctx.database)
      const r = await preview('type=complaint&start=2026-12-30T09:00:00%2B08:00')
      // 12-31 (Thu), 1-1 holiday, 1-2/1-3 weekend, 1-4 (Mon), 1-5 (Tue).
      expect(r.body.deadlines[0].dueAt).toBe('2027-01-05T17:30:00+08:00')
      await ctx.database.rows(sql`DELETE FROM calendar_day WHERE date >= '2027-01-01'`)
      invalidateCalendar(ctx.database)
    })

    it('bad parameters are 400', async () => {
      expect((await preview('type=eventually&start=2026-10-01T09:00:00Z')).status).toBe(400)
      expect((await preview('type=complaint&start=2026-10-01T09:00:00')).status).toBe(400)
      expect((await preview('type=complaint&start=tomorrow')).status).toBe(400)
    })

    it('without a start it previews from now', async () => {
      const r = await preview('type=urgent')
      expect(r.status).toBe(200)
      expect(Math.abs(ms(r.body.start) - Date.now())).toBeLessThan(60_000)
    })

    it('OFFICE_HOURS: the preview and the stored deadlines end when the configured office hours close', async () => {
      const officeHours = loadConfig({ OFFICE_HOURS: '08:00-12:00,14:30-18:00' }).officeHours
      const app = testApp(ctx.database, { officeHours }, 'dispatcher')
      const get = async (q: string) => (await (await app.request(`/api/deadlines/preview?${q}`)).json()) as Json
      expect((await get('type=complaint&start=2026-09-30T10:00:00%2B08:00')).deadlines).toEqual([{ kind: 'resolveBy', rule: 'R1', dueAt: '2026-10-10T18:00:00+08:00' }])
      expect((await get('type=consultation&start=2026-02-13T09:00:00%2B08:00')).deadlines[0].dueAt).toBe('2026-02-24T18:00:00+08:00')
      // R3: 17:45 is still in today's hours when they close at 18:00 (with the default 17:30 it is the next working day).
      expect((await get('type=simple&start=2026-05-08T17:45:00%2B08:00')).deadlines[0].dueAt).toBe('2026-05-08T18:00:00+08:00')
      expect((await preview('type=simple&start=2026-05-08T17:45:00%2B08:00')).body.deadlines[0].dueAt).toBe('2026-05-09T17:30:00+08:00')
      // Urgent clock-hour deadlines do not move.
      expect((await get('type=urgent&start=2026-10-01T23:50:00%2B08:00')).deadlines[0].dueAt).toBe('2026-10-02T00:05:00+08:00')

      // Registering through the same app stores the deadline the preview showed.
      const created = (await (await app.request('/api/incidents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(complaint()) })).json()) as Json
      try {
        freezeClock('2026-09-30T10:00:00+08:00')
        const res = await app.request(`/api/incidents/${created.code}/actions/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ version: created.version, incidentType: 'complaint' }),
        })
        expect(res.status).toBe(200)
        expect(((await res.json()) as Json).deadlines.resolveBy).toBe('2026-10-10T18:00:00+08:00')
      } finally {
        thaw()
      }
    })
  },
  seedFixture,
)

describeEachEngine(
  'R8 extensions',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    afterEach(thaw)

    /** A complaint registered Mon 2026-11-02 09:00 (due Thu 11-05 17:30), dispatched and accepted. */
    async function working(): Promise<string> {
      const { code } = (await api.create(complaint())).body
      freezeClock('2026-11-02T09:00:00+08:00')
      const reg = await api.step(code, 'register')
      expect(reg.deadlines.resolveBy).toBe('2026-11-05T17:30:00+08:00')
      await api.step(code, 'dispatch', { unitCode: 'office_350303002' })
      await api.step(code, 'accept', {}, 'handler')
      return code
    }

    it('R8: requested before the deadline with a reason (shown), approved by a dispatcher: the deadline moves, the old one stays in the log', async () => {
      const code = await working()
      freezeClock('2026-11-04T10:00:00+08:00')
      const req = await api.step(code, 'requestExtension', { reason: '需采购专用配件', newDueAt: '2026-11-09T17:30:00+08:00' }, 'handler')
      expect(req).toMatchObject({
        state: 'accepted',
        extensionPending: true,
        extension: { pending: true, requestedDueAt: '2026-11-09T17:30:00+08:00', reason: '需采购专用配件' },
        deadlines: { resolveBy: '2026-11-05T17:30:00+08:00' },
      })
      expect(req.allowedActions).not.toContain('requestExtension')
      expect((await api.get(code, 'dispatcher')).body.allowedActions).toEqual(['decideExtension'])
      // Only one request at a time.
      const twice = await api.act(code, 'requestExtension', { version: req.version, reason: 'x', newDueAt: '2026-11-10T17:30:00+08:00' }, 'handler')
      expect([twice.status, twice.body.code]).toEqual([409, 'extension_pending'])
      // A handler cannot approve their own request.
      const self = await api.act(code, 'decideExtension', { version: req.version, approve: true }, 'handler')
      expect([self.status, self.body.code]).toEqual([403, 'role_not_allowed'])

      const ok = await api.step(code, 'decideExtension', { approve: true, note: '同意延期' })
      expect(ok).toMatchObject({
        state: 'accepted',
        extensionPending: false,
        extension: { pending: false },
        deadlines: { resolveBy: '2026-11-09T17:30:00+08:00' },
      })
      expect(await pendingTimers(ctx.database, code)).toEqual({ resolveBy: ms('2026-11-09T17:30:00+08:00') })
      const [request, decision] = (await api.events(code)).slice(-2)
      expect(request).toMatchObject({
        action: 'requestExtension',
        from: 'accepted',
        to: 'accepted',
        data: { kind: 'resolveBy', reason: '需采购专用配件' },
      })
      expect(ms(request.data.currentDueAt)).toBe(ms('2026-11-05T17:30:00+08:00'))
      expect(decision).toMatchObject({ action: 'decideExtension', note: '同意延期', data: { approved: true, kind: 'resolveBy', requestReason: '需采购专用配件' } })
      expect(ms(decision.data.oldDueAt)).toBe(ms('2026-11-05T17:30:00+08:00'))
      expect(ms(decision.data.newDueAt)).toBe(ms('2026-11-09T17:30:00+08:00'))
    })

    it('R8: a refusal needs a reason and leaves the deadline where it was', async () => {
      const code = await working()
      freezeClock('2026-11-05T09:00:00+08:00')
      await api.step(code, 'requestExtension', { reason: '人手不足', newDueAt: '2026-11-12T17:30:00+08:00' }, 'handler')
      const noReason = await api.act(code, 'decideExtension', { version: (await api.get(code)).body.version, approve: false })
      expect([noReason.status, noReason.body.code]).toEqual([422, 'reason_required'])
      const refused = await api.step(code, 'decideExtension', { approve: false, reason: '理由不充分' })
      expect(refused).toMatchObject({ extensionPending: false, deadlines: { resolveBy: '2026-11-05T17:30:00+08:00' } })
      expect((await api.events(code)).at(-1).data).toMatchObject({ approved: false, reason: '理由不充分' })
      expect(await pendingTimers(ctx.database, code)).toEqual({ resolveBy: ms('2026-11-05T17:30:00+08:00') })
    })

    it('R8: an extension requested after the deadline is 422 extension_requested_too_late; an earlier new deadline is 422 extension_not_later', async () => {
      const code = await working()
      freezeClock('2026-11-05T17:31:00+08:00')
      const { version } = (await api.get(code)).body
      const late = await api.act(code, 'requestExtension', { version, reason: '来不及了', newDueAt: '2026-11-09T17:30:00+08:00' }, 'handler')
      expect([late.status, late.body.code]).toEqual([422, 'extension_requested_too_late'])
      freezeClock('2026-11-05T09:00:00+08:00')
      const earlier = await api.act(code, 'requestExtension', { version, reason: '提前', newDueAt: '2026-11-05T12:00:00+08:00' }, 'handler')
      expect([earlier.status, earlier.body.code]).toEqual([422, 'extension_not_later'])
      const bad = await api.act(code, 'requestExtension', { version, reason: 'x', newDueAt: 'next week' }, 'handler')
      expect([bad.status, bad.body.code]).toEqual([422, 'due_invalid'])
      expect((await api.get(code)).body).toMatchObject({ version, extensionPending: false })
    })

    it('R8 for an urgent incident re-dispatched under R6: the handle-by deadline is the one extended', async () => {
      const inc = (await api.create(roadCollapse())).body
      await api.step(inc.code, 'register')
      await api.step(inc.code, 'dispatch', { unitCode: 'city_admin' })
      await api.step(inc.code, 'returnToCenter', { reason: '非我单位', hazardMarked: true }, 'handler')
      const re = await api.step(inc.code, 'redispatch', { unitCode: 'transport' })
      const newDue = new Date(ms(re.deadlines.handleBy) + 4 * 3_600_000).toISOString()
      await api.step(inc.code, 'requestExtension', { reason: '需封闭施工', newDueAt: newDue }, 'handler')
      const ok = await api.step(inc.code, 'decideExtension', { approve: true })
      expect(ms(ok.deadlines.handleBy)).toBe(ms(newDue))
      expect((await pendingTimers(ctx.database, inc.code)).handleBy).toBe(ms(newDue))
    })

    it('a pending request lapses when the unit resolves the incident', async () => {
      const code = await working()
      freezeClock('2026-11-04T10:00:00+08:00')
      await api.step(code, 'requestExtension', { reason: '等材料', newDueAt: '2026-11-09T17:30:00+08:00' }, 'handler')
      await api.step(code, 'arrive', {}, 'handler')
      const resolved = await api.step(code, 'resolve', { note: '已处理', afterPhotos: [photo()] }, 'handler')
      expect(resolved).toMatchObject({ extensionPending: false, deadlines: { resolveBy: '2026-11-05T17:30:00+08:00' } })
      expect((await api.events(code)).at(-1).data.extensionDropped).toMatchObject({ reason: '等材料' })
    })
  },
  seedFixture,
)
