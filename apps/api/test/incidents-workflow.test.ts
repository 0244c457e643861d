import { sql } from 'drizzle-orm'
import { afterEach, expect, it } from 'vitest'
import { seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'
import {
  complaint,
  count,
  freezeClock,
  HOUR,
  incidentApi,
  ms,
  pendingTimers,
  photo,
  roadCollapse,
  thaw,
  timersOf,
} from './incidents-helpers.ts'

describeEachEngine(
  'incident workflow',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    afterEach(thaw)

    it('§5 full lifecycle: register → dispatch → accept → arrive → resolve → verifyPass, every transition in the event log', async () => {
      const { code } = (await api.create(complaint())).body
      await api.step(code, 'register', { incidentType: 'complaint' })
      await api.step(code, 'dispatch', { unitCode: 'office_350303002', note: '请尽快处置' })
      await api.step(code, 'accept', {}, 'handler')
      await api.step(code, 'arrive', {}, 'handler')
      const after = [photo()]
      const resolved = await api.step(code, 'resolve', { note: '已清运', afterPhotos: after }, 'handler')
      expect(resolved).toMatchObject({ state: 'resolved', version: 6, unit: { code: 'office_350303002' } })
      const closed = await api.step(code, 'verifyPass', {}, 'inspector')
      expect(closed).toMatchObject({ state: 'closed', version: 7, allowedActions: [] })
      expect(closed.closedAt).toMatch(/\+08:00$/)
      const events = await api.events(code)
      expect(events.map((e) => [e.action, e.from, e.to])).toEqual([
        ['create', null, 'reported'],
        ['register', 'reported', 'registered'],
        ['dispatch', 'registered', 'dispatched'],
        ['accept', 'dispatched', 'accepted'],
        ['arrive', 'accepted', 'on_site'],
        ['resolve', 'on_site', 'resolved'],
        ['verifyPass', 'resolved', 'closed'],
      ])
      expect(events[2]).toMatchObject({ note: '请尽快处置', actorRole: 'dispatcher', data: { unitCode: 'office_350303002' } })
      expect(events[5]).toMatchObject({ actorRole: 'handler', photos: [{ id: after[0], kind: 'after' }] })
      // The timeline names people: an actor with an account gets its display name, anyone else none.
      await ctx.database.db.execute(sql`
        INSERT INTO app_user (username, display_name, unit_code, password_hash)
        SELECT ${events[2]!.actor}, '坐席 王芳', 'office_350303002', 'x' WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE username = ${events[2]!.actor})`)
      const named = await api.events(code)
      const expected = await ctx.database.rows<{ display_name: string }>(sql`SELECT display_name FROM app_user WHERE username = ${events[2]!.actor}`)
      expect(named[2]!.actorName).toBe(expected[0]!.display_name)
      expect(named.every((e) => e.actorName === null || typeof e.actorName === 'string')).toBe(true)
      // Closing ends every pending check.
      expect(await pendingTimers(ctx.database, code)).toEqual({})
    })

    it('version conflict: two dispatchers clicking at once — one wins, the other gets 409 with the current state and version', async () => {
      const { code } = (await api.create(complaint())).body
      const reg = await api.step(code, 'register')
      const [a, b] = await Promise.all([
        api.act(code, 'dispatch', { version: reg.version, unitCode: 'office_350303002' }, { role: 'dispatcher', username: 'seat-1' }),
        api.act(code, 'dispatch', { version: reg.version, unitCode: 'city_admin' }, { role: 'dispatcher', username: 'seat-2' }),
      ])
      const statuses = [a.status, b.status].sort()
      expect(statuses).toEqual([200, 409])
      const loser = a.status === 409 ? a : b
      const winner = a.status === 200 ? a : b
      expect(loser.body).toMatchObject({ code: 'version_conflict', state: 'dispatched', version: reg.version + 1 })
      const events = (await api.events(code)).filter((e) => e.action === 'dispatch')
      expect(events).toHaveLength(1)
      expect(events[0].data.unitCode).toBe(winner.body.unit.code)
    })

    it('a stale version is refused with 409 version_conflict and changes nothing', async () => {
      const { code } = (await api.create(complaint())).body
      await api.step(code, 'register')
      const events = await count(ctx.database, 'incident_event')
      const r = await api.act(code, 'dispatch', { version: 1, unitCode: 'city_admin' })
      expect(r.status).toBe(409)
      expect(r.body).toMatchObject({ code: 'version_conflict', state: 'registered', version: 2 })
      expect(await count(ctx.database, 'incident_event')).toBe(events)
    })

    it('role refusal: 403 role_not_allowed (an inspector cannot register); a viewer may take no action at all (403 forbidden)', async () => {
      const { code, version } = (await api.create(complaint())).body
      const r = await api.act(code, 'register', { version }, 'inspector')
      expect([r.status, r.body.code]).toEqual([403, 'role_not_allowed'])
      expect(r.body.messages.zh).toContain('立案')
      const v = await api.act(code, 'accept', { version }, 'viewer')
      expect([v.status, v.body.code]).toEqual([403, 'forbidden'])
    })

    it('a transition not allowed from the current state is 409 transition_not_allowed', async () => {
      const { code, version } = (await api.create(complaint())).body
      // (A handler could not even see an incident not yet dispatched to their unit: 404.)
      const r = await api.act(code, 'verifyPass', { version }, 'dispatcher')
      expect(r.status).toBe(409)
      expect(r.body).toMatchObject({ code: 'transition_not_allowed', state: 'reported', version: 1 })
      expect(r.body.messages.zh).toContain('已上报')
    })

    it('missing requirements are 422 with every issue listed; unknown actions and units are specific too', async () => {
      const { code } = (await api.create(complaint())).body
      const reg = await api.step(code, 'register')
      const noUnit = await api.act(code, 'dispatch', { version: reg.version })
      expect([noUnit.status, noUnit.body.code]).toEqual([422, 'unit_required'])
      expect(noUnit.body.errors[0]).toMatchObject({ path: 'unitId', code: 'unit_required' })
      const badUnit = await api.act(code, 'dispatch', { version: reg.version, unitCode: 'ministry_of_magic' })
      expect([badUnit.status, badUnit.body.code]).toEqual([422, 'unknown_unit'])
      const unknown = await api.act(code, 'teleport', { version: reg.version })
      expect([unknown.status, unknown.body.code]).toEqual([400, 'unknown_action'])
      const noVersion = await api.act(code, 'dispatch', { unitCode: 'city_admin' })
      expect([noVersion.status, noVersion.body.code]).toEqual([400, 'validation_failed'])
      const missing = await api.act('HJ19990101-99999', 'register', { version: 1 })
      expect([missing.status, missing.body.code]).toEqual([404, 'incident_not_found'])
      await api.step(code, 'dispatch', { unitCode: 'office_350303002' })
      await api.step(code, 'accept', {}, 'handler')
      await api.step(code, 'arrive', {}, 'handler')
      const cur = (await api.get(code)).body
      const resolve = await api.act(code, 'resolve', { version: cur.version, note: ' ' }, 'handler')
      expect(resolve.status).toBe(422)
      expect(resolve.body.errors.map((e: { code: string }) => e.code)).toEqual(['photo_required', 'note_required'])
    })

    it('R1: a complaint registered the day before National Day is due at 17:30 on the make-up Saturday 10-10', async () => {
      const { code } = (await api.create(complaint())).body
      freezeClock('2026-09-30T10:00:00+08:00')
      const reg = await api.step(code, 'register', { incidentType: 'complaint' })
      expect(reg.deadlines.resolveBy).toBe('2026-10-10T17:30:00+08:00')
      expect(reg.registeredAt).toBe('2026-09-30T10:00:00+08:00')
      expect(await pendingTimers(ctx.database, code)).toEqual({ resolveBy: ms('2026-10-10T17:30:00+08:00') })
      const [, ev] = await api.events(code)
      expect(ev.data.deadlines.resolveBy).toMatchObject({ rule: 'R1' })
    })

    it('R2: a consultation is due in 2 working days and the center may answer and close it from registered (R15)', async () => {
      const { code } = (await api.create({ channel: 'hotline_12345', requestType: 'consultation', description: '医保怎么转移？' })).body
      freezeClock('2026-09-30T10:00:00+08:00')
      const reg = await api.step(code, 'register')
      expect(reg.deadlines.resolveBy).toBe('2026-10-09T17:30:00+08:00')
      expect(reg.allowedActions).toContain('answerAndClose')
      const closed = await api.step(code, 'answerAndClose', { note: '见市医保局办事指南第 3 条' })
      expect(closed.state).toBe('closed')
      expect(await pendingTimers(ctx.database, code)).toEqual({})
    })

    it('R3: a simple request is due the same day; after office hours the next working day', async () => {
      const a = (await api.create(complaint({ track: 'simple' }))).body.code
      freezeClock('2026-09-29T10:00:00+08:00')
      expect((await api.step(a, 'register')).deadlines.resolveBy).toBe('2026-09-29T17:30:00+08:00')
      thaw()
      const b = (await api.create(complaint())).body.code
      freezeClock('2026-09-30T18:05:00+08:00')
      const reg = await api.step(b, 'register', { incidentType: 'simple' })
      expect(reg).toMatchObject({ track: 'simple', type: 'simple' })
      expect(reg.deadlines.resolveBy).toBe('2026-10-08T17:30:00+08:00')
    })

    it('registering into a year with no calendar is 422 calendar_year_missing and writes nothing', async () => {
      const { code } = (await api.create(complaint())).body
      freezeClock('2026-12-30T10:00:00+08:00')
      const r = await api.act(code, 'register', { version: 1 })
      expect(r.status).toBe(422)
      expect(r.body).toMatchObject({ code: 'calendar_year_missing', year: 2027 })
      expect(r.body.detail).toContain('2027')
      expect((await api.get(code)).body).toMatchObject({ state: 'reported', version: 1 })
    })

    it('R5 and R10: dispatching an urgent incident sets arrive-by + 6 h and the call-back at + 12 h; R4 dispatch-by is done', async () => {
      const inc = (await api.create(roadCollapse())).body
      await api.step(inc.code, 'register')
      const d = await api.step(inc.code, 'dispatch', { unitCode: 'transport' })
      const at = ms(d.dispatchedAt)
      expect(ms(d.deadlines.arriveBy) - at).toBe(6 * HOUR)
      expect(ms(d.deadlines.callbackAt) - at).toBe(12 * HOUR)
      expect(d.firstUnit).toEqual({ code: 'transport', name: '区交通运输局' })
      expect(await pendingTimers(ctx.database, inc.code)).toEqual({
        ownershipBy: ms(inc.deadlines.ownershipBy),
        arriveBy: ms(d.deadlines.arriveBy),
        callbackAt: ms(d.deadlines.callbackAt),
      })
      const timers = await timersOf(ctx.database, inc.code)
      expect(timers.find((t) => t.kind === 'dispatchBy')).toMatchObject({ cancelled: true })
      // Arriving makes the R5 check moot; accepting settles ownership (R7).
      await api.step(inc.code, 'accept', {}, 'handler')
      await api.step(inc.code, 'arrive', {}, 'handler')
      expect(Object.keys(await pendingTimers(ctx.database, inc.code))).toEqual(['callbackAt'])
    })

    it('R11: an urgent incident is dispatched straight to the section that owns the place', async () => {
      await ctx.database.rows(sql`
        INSERT INTO unit (code, name, name_en, kind, parent_code) VALUES
          ('transport_road_squad', '区交通运输局公路养护中队', 'Road maintenance squad', 'section', 'transport')
        ON CONFLICT DO NOTHING`)
      await ctx.database.rows(sql`
        INSERT INTO responsibility_area (name, unit_code, class_code, geometry_kind, geom, buffer_m) VALUES
          ('县道 X201', 'transport_road_squad', '0105', 'line', ST_GeomFromText('MULTILINESTRING((119.0 25.43, 119.2 25.43))', 4326), 50)`)
      const inc = (await api.create(roadCollapse({ location: { lng: 119.03, lat: 25.4303 } }))).body
      expect(inc.suggestedUnit.code).toBe('transport_road_squad')
      expect(inc.assignment.rule).toBe('responsibility_area')
      await api.step(inc.code, 'register')
      const d = await api.step(inc.code, 'dispatch', { unitCode: inc.suggestedUnit.code })
      expect(d.unit.code).toBe('transport_road_squad')
      expect((await api.events(inc.code)).filter((e) => e.action === 'dispatch')).toHaveLength(1)
    })

    it('R6: a hazard is returned only after marking it, then re-dispatched with handle-by + 6 h', async () => {
      const inc = (await api.create(roadCollapse())).body
      await api.step(inc.code, 'register')
      await api.step(inc.code, 'dispatch', { unitCode: 'city_admin' })
      await api.step(inc.code, 'accept', {}, 'handler')
      const cur = (await api.get(inc.code)).body
      const unmarked = await api.act(inc.code, 'returnToCenter', { version: cur.version, reason: '非我单位管辖' }, 'handler')
      expect([unmarked.status, unmarked.body.code]).toEqual([422, 'hazard_mark_required'])
      expect(unmarked.body.messages.zh).toContain('提醒标识')
      const returned = await api.step(inc.code, 'returnToCenter', { reason: '非我单位管辖，属交通局', hazardMarked: true }, 'handler')
      expect(returned).toMatchObject({ state: 'returned', hazardMarked: true, unit: null, firstUnit: { code: 'city_admin' } })
      expect(Object.keys(await pendingTimers(ctx.database, inc.code))).toEqual(['ownershipBy'])
      const re = await api.step(inc.code, 'redispatch', { unitCode: 'transport' })
      expect(re).toMatchObject({ state: 'dispatched', unit: { code: 'transport' }, firstUnit: { code: 'city_admin' } })
      expect(ms(re.deadlines.handleBy) - ms(re.dispatchedAt)).toBe(6 * HOUR)
      expect(ms(re.deadlines.callbackAt) - ms(re.dispatchedAt)).toBe(12 * HOUR)
      const pending = await pendingTimers(ctx.database, inc.code)
      expect(pending.handleBy).toBe(ms(re.deadlines.handleBy))
      const ret = (await api.events(inc.code)).find((e) => e.action === 'returnToCenter')
      expect(ret.data).toMatchObject({ reason: '非我单位管辖，属交通局', unitCode: 'city_admin', hazardMarked: true })
    })

    it('R7: the ownership check keeps running while the incident is returned, and stops once a unit accepts it', async () => {
      const inc = (await api.create(roadCollapse())).body
      await api.step(inc.code, 'register')
      await api.step(inc.code, 'dispatch', { unitCode: 'city_admin' })
      await api.step(inc.code, 'returnToCenter', { reason: '不归我们', hazardMarked: true }, 'handler')
      expect((await pendingTimers(ctx.database, inc.code)).ownershipBy).toBe(ms(inc.deadlines.ownershipBy))
      await api.step(inc.code, 'redispatch', { unitCode: 'transport' })
      await api.step(inc.code, 'accept', {}, 'handler')
      expect((await pendingTimers(ctx.database, inc.code)).ownershipBy).toBeUndefined()
    })

    it('verification failure sends it back to accepted and counts rework; the resolve deadline is watched again', async () => {
      const { code } = (await api.create(complaint())).body
      await api.step(code, 'register')
      await api.step(code, 'dispatch', { unitCode: 'office_350303002' })
      await api.step(code, 'accept', {}, 'handler')
      await api.step(code, 'arrive', {}, 'handler')
      await api.step(code, 'resolve', { note: '已清理', afterPhotos: [photo()] }, 'handler')
      expect(await pendingTimers(ctx.database, code)).toEqual({})
      const noReason = await api.act(code, 'verifyFail', { version: (await api.get(code)).body.version }, 'inspector')
      expect([noReason.status, noReason.body.code]).toEqual([422, 'reason_required'])
      const failed = await api.step(code, 'verifyFail', { reason: '仍有垃圾残留', photos: [photo()] }, 'inspector')
      expect(failed).toMatchObject({ state: 'accepted', reworkCount: 1, resolvedAt: null })
      expect(Object.keys(await pendingTimers(ctx.database, code))).toEqual(['resolveBy'])
      await api.step(code, 'arrive', {}, 'handler')
      await api.step(code, 'resolve', { note: '已彻底清理', afterPhotos: [photo()] }, 'handler')
      const again = await api.step(code, 'verifyFail', { reason: '又堆了' }, 'inspector')
      expect(again.reworkCount).toBe(2)
      const ev = (await api.events(code)).filter((e) => e.action === 'verifyFail')
      expect(ev.map((e) => e.data.reworkCount)).toEqual([1, 2])
    })

    it('reopen after a bad callback: closed → registered, counted, with a fresh deadline', async () => {
      const { code } = (await api.create({ channel: 'hotline_12345', requestType: 'consultation', description: '公交线路咨询' })).body
      await api.step(code, 'register')
      await api.step(code, 'answerAndClose', { note: '已答复' })
      const noReason = await api.act(code, 'reopen', { version: 3 })
      expect([noReason.status, noReason.body.code]).toEqual([422, 'reason_required'])
      freezeClock('2026-11-02T09:00:00+08:00')
      const reopened = await api.step(code, 'reopen', { reason: '回访不满意，答复不准确' })
      expect(reopened).toMatchObject({ state: 'registered', reopenCount: 1, closedAt: null })
      expect(reopened.deadlines.resolveBy).toBe('2026-11-04T17:30:00+08:00')
      expect(Object.keys(await pendingTimers(ctx.database, code))).toEqual(['resolveBy'])
    })

    it('reject needs a reason and ends the incident; a rejected incident allows nothing', async () => {
      const { code } = (await api.create(complaint())).body
      const r = await api.act(code, 'reject', { version: 1 })
      expect([r.status, r.body.code]).toEqual([422, 'reason_required'])
      const rejected = await api.step(code, 'reject', { reason: '重复来电，无具体诉求' })
      expect(rejected).toMatchObject({ state: 'rejected', allowedActions: [] })
      const again = await api.act(code, 'register', { version: rejected.version })
      expect([again.status, again.body.code]).toEqual([409, 'transition_not_allowed'])
    })

    it('R9: merging links the incident to its primary; a missing primary or itself is refused', async () => {
      const primary = (await api.create(complaint())).body.code
      const { code } = (await api.create(complaint())).body
      expect((await api.act(code, 'merge', { version: 1, primaryCode: code })).body.code).toBe('merge_into_self')
      expect((await api.act(code, 'merge', { version: 1, primaryCode: 'HJ20000101-00001' })).body.code).toBe('primary_not_found')
      const merged = await api.step(code, 'merge', { primaryCode: primary })
      expect(merged).toMatchObject({ state: 'merged', primaryCode: primary })
    })

    it('R13: a patrol finding fixed on the spot goes reported → closed with before and after photos', async () => {
      const inspector = { role: 'inspector', username: 'inspector-12' } as const
      const { code } = (await api.create(complaint({ channel: 'patrol', requestType: 'report', reporter: null }), {}, inspector)).body
      const r = await api.act(code, 'selfResolve', { version: 1, afterPhotos: [photo()] }, 'inspector')
      expect([r.status, r.body.code]).toEqual([422, 'photo_required'])
      const before = [photo()]
      const after = [photo()]
      const closed = await api.step(code, 'selfResolve', { beforePhotos: before, afterPhotos: after, note: '已当场清理' }, 'inspector')
      expect(closed).toMatchObject({ state: 'closed' })
      const ev = (await api.events(code)).at(-1)
      expect(ev).toMatchObject({ action: 'selfResolve', from: 'reported', to: 'closed', actorRole: 'inspector' })
      expect(ev.photos).toEqual([
        { id: before[0], kind: 'before' },
        { id: after[0], kind: 'after' },
      ])
    })

    it('R13: a patrol finding not fixable on the spot is logged with a deadline (台账) and closed out when done', async () => {
      const { code } = (await api.create(complaint({ channel: 'patrol', requestType: 'report', hazardMarked: true }), {}, 'inspector')).body
      const reg = await api.step(code, 'register', { incidentType: 'complaint' })
      expect(reg.deadlines.resolveBy).toMatch(/T17:30:00\+08:00$/)
      expect(reg.hazardMarked).toBe(true)
      const ledger = await api.list('state=registered,dispatched,accepted,on_site')
      expect(ledger.body.items.map((i: { code: string }) => i.code)).toContain(code)
    })
  },
  seedFixture,
)

describeEachEngine(
  'incident transitions are all or nothing',
  (ctx) => {
    const api = incidentApi(() => ctx.database)

    it('half-written check: a failing timer write rolls back the state change and its event', async () => {
      await ctx.database.rows(sql.raw(`
        CREATE FUNCTION hj_test_fail_timer() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (SELECT description FROM incident WHERE id = NEW.incident_id) = 'FAIL-TIMER' THEN
            RAISE EXCEPTION 'injected failure';
          END IF;
          RETURN NEW;
        END $$`))
      await ctx.database.rows(sql.raw(`
        CREATE TRIGGER hj_test_fail_timer BEFORE INSERT ON timer FOR EACH ROW EXECUTE FUNCTION hj_test_fail_timer()`))
      const { code } = (await api.create(complaint({ description: 'FAIL-TIMER' }))).body
      const events = await count(ctx.database, 'incident_event')
      const r = await api.act(code, 'register', { version: 1 })
      expect(r.status).toBe(500)
      expect((await api.get(code)).body).toMatchObject({ state: 'reported', version: 1, deadlines: { resolveBy: null } })
      expect(await count(ctx.database, 'incident_event')).toBe(events)
      expect(await timersOf(ctx.database, code)).toEqual([])
      // Another incident is unaffected.
      const ok = (await api.create(complaint())).body.code
      expect((await api.step(ok, 'register')).state).toBe('registered')
    })
  },
  seedFixture,
)
