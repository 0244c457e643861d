import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { seedFixture } from './app.ts'
import type { Who } from './auth.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, count, incidentApi, MINUTE, HOUR, ms, pendingTimers, photo, POINTS, roadCollapse, type Json } from './incidents-helpers.ts'

describeEachEngine(
  'incident intake',
  (ctx) => {
    const api = incidentApi(() => ctx.database)

    it('creates a reported incident with a readable code, a random tracking code and the assignment snapshot', async () => {
      const photos = [photo()]
      const r = await api.create(complaint({ photos }))
      expect(r.status).toBe(201)
      const inc = r.body
      expect(inc.code).toMatch(/^HJ\d{8}-\d{5,}$/)
      expect(r.headers.get('location')).toBe(`/api/incidents/${inc.code}`)
      expect(inc.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/)
      expect(inc).toMatchObject({
        state: 'reported',
        version: 1,
        channel: 'hotline_12345',
        requestType: 'complaint',
        track: 'normal',
        type: 'complaint',
        fineClass: { code: '020602' },
        unit: null,
        suggestedUnit: { code: 'office_350303002', name: '涵西街道办事处' },
        needsReview: false,
        regions: { street: { code: '350303002000', name: '涵西街道' }, grid: { code: expect.stringMatching(/^350303002001/) } },
        reporter: { name: '张*', phone: '138****1234' },
        allowedActions: ['register', 'reject', 'merge'],
      })
      expect(inc.regionVersions.grid).toEqual(expect.any(Number))
      expect(inc.assignment.rule).toBe('territorial')
      expect(inc.assignment.explanation.length).toBeGreaterThan(0)
      // Non-urgent: R1–R3 start at registration, nothing is due yet.
      expect(Object.values(inc.deadlines).every((d) => d === null)).toBe(true)

      // The detail reads back the same, and the first event carries who, when, to, photos.
      const detail = (await api.get(inc.code)).body
      expect(detail).toEqual(inc)
      const [ev, ...rest] = await api.events(inc.code)
      expect(rest).toHaveLength(0)
      expect(ev).toMatchObject({ action: 'create', from: null, to: 'reported', actor: 'dispatcher', actorRole: 'dispatcher' })
      expect(ev.photos).toEqual([{ id: photos[0], kind: 'attachment' }])
      expect(ev.at).toMatch(/\+08:00$/)
      // Personal data is stored in full, masked only on display.
      const [row] = await ctx.database.rows<{ phone: string }>(sql`SELECT reporter_phone AS phone FROM incident WHERE code = ${inc.code}`)
      expect(row!.phone).toBe('13812341234')
    })

    it('codes are unique and increase', async () => {
      const a = (await api.create(complaint())).body.code as string
      const b = (await api.create(complaint())).body.code as string
      expect(a).not.toBe(b)
      expect(Number(b.split('-')[1])).toBeGreaterThan(Number(a.split('-')[1]))
    })

    it('R4: an urgent safety hazard gets dispatch-by intake + 15 min and R7 ownership-by intake + 12 h, with timers', async () => {
      const before = Date.now()
      const r = await api.create(roadCollapse())
      expect(r.status).toBe(201)
      const inc = r.body
      expect(inc).toMatchObject({ track: 'urgent', type: 'urgent', safetyHazard: true, suggestedUnit: { code: 'transport' } })
      expect(inc.deadlines.dispatchBy).toMatch(/\+08:00$/)
      const created = ms(inc.createdAt)
      expect(created).toBeGreaterThanOrEqual(before - 1000)
      expect(ms(inc.deadlines.dispatchBy) - created).toBe(15 * MINUTE)
      expect(ms(inc.deadlines.ownershipBy) - created).toBe(12 * HOUR)
      expect(await pendingTimers(ctx.database, inc.code)).toEqual({
        dispatchBy: ms(inc.deadlines.dispatchBy),
        ownershipBy: ms(inc.deadlines.ownershipBy),
      })
    })

    it('a safety-hazard class may still be taken on the normal track when the seat says so', async () => {
      const inc = (await api.create(roadCollapse({ track: 'normal' }))).body
      expect(inc).toMatchObject({ track: 'normal', safetyHazard: true })
      expect(inc.deadlines.dispatchBy).toBeNull()
    })

    it('R16: the branch hotlines 12315 and 12369 are channels of 12345; 110 is not', async () => {
      for (const channel of ['hotline_12315', 'hotline_12369', 'patrol', 'public_web', 'open311', 'other_system']) {
        expect((await api.create(complaint({ channel }))).status).toBe(201)
      }
      const r = await api.create(complaint({ channel: 'hotline_110' }))
      expect(r.status).toBe(400)
      expect(r.body.errors[0].path).toBe('channel')
    })

    it('a point outside every jurisdiction is accepted and flagged for review (R12 lead unit)', async () => {
      const r = await api.create(roadCollapse({ location: POINTS.outside }))
      expect(r.status).toBe(201)
      expect(r.body).toMatchObject({
        needsReview: true,
        regions: { street: null, community: null, grid: null },
        suggestedUnit: { code: 'transport' },
        assignment: { rule: 'lead_unit_fallback' },
      })
    })

    it('GCJ-02 input is stored as WGS84 with its CRS noted', async () => {
      const r = await api.create(complaint({ location: { lng: 119.1246, lat: 25.4773, crs: 'gcj02' } }))
      expect(r.status).toBe(201)
      expect(r.body.locationCrs).toBe('gcj02')
      expect(Math.abs(r.body.location.lng - 119.12)).toBeLessThan(0.01)
      expect(r.body.location.lng).not.toBe(119.1246)
    })

    it('a consultation without class or location goes to the command center for review', async () => {
      const r = await api.create({ channel: 'hotline_12345', requestType: 'consultation', description: '请问居住证怎么办理？' })
      expect(r.status).toBe(201)
      expect(r.body).toMatchObject({ type: 'consultation', location: null, needsReview: true, suggestedUnit: { code: 'command_center' } })
      expect(r.body.assignment.rule).toBe('no_location')
    })

    it('refuses bad input with specific problems and writes nothing', async () => {
      const before = await count(ctx.database, 'incident')
      const cases: [Record<string, unknown>, number, string][] = [
        [complaint({ fineClass: '999999' }), 422, 'unknown_fine_class'],
        [complaint({ fineClass: 'road' }), 422, 'unknown_fine_class'],
        [complaint({ location: undefined }), 422, 'location_required'],
        [roadCollapse({ fineClass: undefined, track: 'urgent', location: null }), 422, 'location_required'],
        [{ channel: 'patrol', requestType: 'report', description: '井盖缺失' }, 422, 'location_required'],
        [complaint({ location: { lng: 25.48, lat: 119.12 } }), 422, 'invalid_location'],
        [complaint({ location: { lng: 119.12 } }), 400, 'validation_failed'],
        [complaint({ description: '  ' }), 400, 'validation_failed'],
        [complaint({ requestType: 'praise' }), 400, 'validation_failed'],
        [complaint({ photos: ['not-a-uuid'] }), 400, 'validation_failed'],
        [complaint({ reporter: { phone: 'call me' } }), 400, 'validation_failed'],
        [complaint({ colour: 'red' }), 400, 'validation_failed'],
      ]
      for (const [body, status, code] of cases) {
        const r = await api.create(body)
        expect([r.status, r.body.code], JSON.stringify(body)).toEqual([status, code])
        expect(r.headers.get('content-type')).toContain('application/problem+json')
      }
      const swapped = await api.create(complaint({ location: { lng: 25.48, lat: 119.12 } }))
      expect(swapped.body.detail).toContain('swapped')
      expect(await count(ctx.database, 'incident')).toBe(before)
    })

    it('a role that may not report is refused (403 forbidden); the reporter is the signed-in user, never a header', async () => {
      const r = await api.create(complaint(), {}, 'viewer')
      expect([r.status, r.body.code]).toEqual([403, 'forbidden'])
      // Headers naming another actor or role are ignored: the session decides.
      const claimed = await api.create(complaint(), { 'x-actor-role': 'system', 'x-actor': 'timer-worker' }, 'viewer')
      expect(claimed.status).toBe(403)
      const ins = await api.create(complaint({ channel: 'patrol' }), {}, { role: 'inspector', username: 'inspector-7' })
      expect(ins.status).toBe(201)
      expect(ins.body.createdBy).toBe('inspector-7')
    })
  },
  seedFixture,
)

describeEachEngine(
  'incident intake idempotency',
  (ctx) => {
    const api = incidentApi(() => ctx.database)

    it('a retry with the same Idempotency-Key and body returns the same incident (200, Idempotent-Replayed), never a second one', async () => {
      const key = 'seat-3:call-20261126-0001'
      const first = await api.create(complaint(), { 'idempotency-key': key })
      expect(first.status).toBe(201)
      const n = await count(ctx.database, 'incident')
      const events = await count(ctx.database, 'incident_event')
      // Same body with keys in another order is the same request.
      const { reporter, ...rest } = complaint()
      const again = await api.create({ reporter, ...rest }, { 'idempotency-key': key })
      expect(again.status).toBe(200)
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      expect(again.body.code).toBe(first.body.code)
      expect(again.body.trackingCode).toBe(first.body.trackingCode)
      expect(await count(ctx.database, 'incident')).toBe(n)
      expect(await count(ctx.database, 'incident_event')).toBe(events)
    })

    it('the same key with a different body is refused: 422 idempotency_key_reused', async () => {
      const key = 'seat-3:call-20261126-0002'
      const first = await api.create(complaint(), { 'idempotency-key': key })
      const r = await api.create(complaint({ description: '另一件事' }), { 'idempotency-key': key })
      expect([r.status, r.body.code]).toEqual([422, 'idempotency_key_reused'])
      // names nothing: not the incident, its code or tracking code
      expect(r.body.incident).toBeUndefined()
      expect(JSON.stringify(r.body)).not.toContain(first.body.code)
      expect(JSON.stringify(r.body)).not.toContain(first.body.trackingCode)
    })

    it("keys are per user: another user sending a dispatcher's key (and body) gets their own incident, never the dispatcher's", async () => {
      const key = 'seat-3:call-20261126-0003'
      const first = await api.create(complaint(), { 'idempotency-key': key })
      expect(first.status).toBe(201)
      const others: Who[] = [{ role: 'dispatcher', username: 'seat-9' }, { role: 'inspector', username: 'insp-far', areas: ['350303002000'] }]
      for (const other of others) {
        const r = await api.create(complaint({ channel: other.role === 'inspector' ? 'patrol' : 'hotline_12345' }), { 'idempotency-key': key }, other)
        expect(r.status, JSON.stringify(r.body)).toBe(201)
        expect(r.headers.get('idempotent-replayed')).toBeNull()
        expect(r.body.code).not.toBe(first.body.code)
        expect(r.body.trackingCode).not.toBe(first.body.trackingCode)
        expect(JSON.stringify(r.body)).not.toContain(first.body.code)
        // a different body under that key is refused for them only if THEY used it: here it is their own key again
        const again = await api.create(complaint({ description: '另一件事', channel: other.role === 'inspector' ? 'patrol' : 'hotline_12345' }), { 'idempotency-key': key }, other)
        expect(again.status).toBe(422)
        expect(JSON.stringify(again.body)).not.toContain(first.body.code)
        expect(JSON.stringify(again.body)).not.toContain(r.body.code)
      }
      // the dispatcher's own replay still finds hers
      const mine = await api.create(complaint(), { 'idempotency-key': key })
      expect([mine.status, mine.body.code]).toEqual([200, first.body.code])
    })

    it('a replay checks the replayer\'s scope now: an incident out of reach is not shown again', async () => {
      const key = 'insp-key-0001'
      const who: Who = { role: 'inspector', username: 'insp-moved', areas: ['350303002000'] }
      const body = complaint({ channel: 'patrol', location: POINTS.hanxi })
      const first = await api.create(body, { 'idempotency-key': key }, who)
      expect(first.status).toBe(201)
      expect((await api.get(first.body.code, who)).status).toBe(200)
      // moved to another street: GET says 404, and so must the replay (no view, nothing named)
      await ctx.database.rows(sql`UPDATE user_area SET region_code = '350303001000', prefix = '350303001'
        WHERE user_id = (SELECT id FROM app_user WHERE username = 'insp-moved')`)
      expect((await api.get(first.body.code, who)).status).toBe(404)
      const replay = await api.create(body, { 'idempotency-key': key }, who)
      expect(replay.status).toBe(422)
      expect(replay.body.code).toBe('idempotency_key_reused')
      expect(JSON.stringify(replay.body)).not.toContain(first.body.code)
      expect(JSON.stringify(replay.body)).not.toContain(first.body.trackingCode)
    })

    it('a client id in the body works as the key', async () => {
      const body = complaint({ clientId: 'app-7f3a-0001' })
      const a = await api.create(body)
      const b = await api.create(body)
      expect([a.status, b.status]).toEqual([201, 200])
      expect(b.body.code).toBe(a.body.code)
    })

    it('concurrent retries with one key create exactly one incident', async () => {
      const key = 'burst-key-1'
      const rs = await Promise.all(Array.from({ length: 8 }, () => api.create(roadCollapse(), { 'idempotency-key': key })))
      expect(rs.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201])
      expect(new Set(rs.map((r) => r.body.code)).size).toBe(1)
      const [row] = await ctx.database.rows<{ n: number; t: number }>(sql`
        SELECT count(*)::int AS n, (SELECT count(*)::int FROM timer t JOIN incident i ON i.id = t.incident_id WHERE i.idempotency_key = ${key}) AS t
        FROM incident WHERE idempotency_key = ${key}`)
      expect(row).toEqual({ n: 1, t: 2 })
    })

    it('refuses a malformed key', async () => {
      const r = await api.create(complaint(), { 'idempotency-key': 'has space' })
      expect(r.status).toBe(400)
    })
  },
  seedFixture,
)

describeEachEngine(
  'incident intake is all or nothing',
  (ctx) => {
    const api = incidentApi(() => ctx.database)

    it('half-written check: when the event insert fails, no incident, event or timer is left', async () => {
      await ctx.database.rows(sql.raw(`
        CREATE FUNCTION hj_test_fail_event() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.note = 'FAIL' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`))
      await ctx.database.rows(sql.raw(`
        CREATE TRIGGER hj_test_fail_event BEFORE INSERT ON incident_event FOR EACH ROW EXECUTE FUNCTION hj_test_fail_event()`))
      const counts = async () => [await count(ctx.database, 'incident'), await count(ctx.database, 'incident_event'), await count(ctx.database, 'timer')]
      const before = await counts()
      const r = await api.create(roadCollapse({ note: 'FAIL' }), { 'idempotency-key': 'half-1' })
      expect(r.status).toBe(500)
      expect(r.body.code).toBe('internal_error')
      expect(JSON.stringify(r.body)).not.toContain('injected')
      expect(await counts()).toEqual(before)
      // The key was not burnt: the retry succeeds.
      const ok: Json = await api.create(roadCollapse({ note: 'ok' }), { 'idempotency-key': 'half-1' })
      expect(ok.status).toBe(201)
    })

    it('half-written check, batched: concurrent intakes share a statement, yet a failing one fails alone', async () => {
      const before = await count(ctx.database, 'incident')
      const rs = await Promise.all(
        Array.from({ length: 12 }, (_, i) => api.create(roadCollapse({ note: i === 5 ? 'FAIL' : `n${i}` }))),
      )
      expect(rs.map((r) => r.status)).toEqual(rs.map((_, i) => (i === 5 ? 500 : 201)))
      expect(await count(ctx.database, 'incident')).toBe(before + 11)
      for (const r of rs.filter((x) => x.status === 201)) {
        expect((await api.events(r.body.code)).map((e: Json) => e.action)).toEqual(['create'])
      }
      const [row] = await ctx.database.rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM incident i WHERE NOT EXISTS (SELECT 1 FROM incident_event e WHERE e.incident_id = i.id)`)
      expect(row!.n).toBe(0)
    })
  },
  seedFixture,
)
