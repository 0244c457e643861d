import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { NOTIFICATION_RULES } from '@hanjiang/shared'
import { seedFixture } from './app.ts'
import { ensureUser } from './auth.ts'
import { describeEachEngine } from './engines.ts'
import {
  addSection, client, DISPATCHER, HANDLER, HANXI, INSPECTOR, OTHER_HANDLER, photoId, SUPERVISOR, type Json,
} from './workbench-helpers.ts'

describeEachEngine(
  'unit workbench',
  (ctx) => {
    const api = client(() => ctx.database)
    const queue = async (who = HANDLER): Promise<Json[]> => {
      const r = await api.call(who, 'GET', '/api/workbench/queue')
      expect(r.status).toBe(200)
      return r.body.items
    }
    const unread = async (who: typeof HANDLER): Promise<number> => (await api.call(who, 'GET', '/api/notifications/unread-count')).body.unread

    it('queue: the unit\'s open incidents, overdue first, then by deadline; other units\' not there', async () => {
      const late = await api.dispatched()
      const soon = await api.dispatched()
      const later = await api.dispatched()
      const elsewhere = await api.dispatched('office_350303002')
      const at = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString()
      await ctx.database.rows(sql`UPDATE incident SET resolve_by = ${at(-2)}::timestamptz WHERE code = ${late}`)
      await ctx.database.rows(sql`UPDATE incident SET resolve_by = ${at(5)}::timestamptz WHERE code = ${soon}`)
      await ctx.database.rows(sql`UPDATE incident SET resolve_by = ${at(50)}::timestamptz WHERE code = ${later}`)
      const items = await queue()
      const codes = items.map((i) => i.code)
      expect(codes).not.toContain(elsewhere)
      const mine = codes.filter((c) => [late, soon, later].includes(c))
      expect(mine).toEqual([late, soon, later])
      expect(items.findIndex((i) => i.code === late)).toBe(0)
      const first = items[0]
      expect(first).toMatchObject({ code: late, overdue: true, state: 'dispatched', due: { kind: 'resolveBy' } })
      expect(first.due.at).toMatch(/\+08:00$/)
      expect(first.allowedActions).toContain('accept')
      expect(first.reporter.phone).toBe('138****1234')
      // another unit's handler sees its own only
      const other = (await queue(OTHER_HANDLER)).map((i) => i.code)
      expect(other).toContain(elsewhere)
      expect(other).not.toContain(late)
      // not for roles outside the unit
      expect((await api.call(DISPATCHER, 'GET', '/api/workbench/queue')).status).toBe(403)
    })

    it('a dispatch notifies the unit in the same transaction; unread count, list, mark read; other units see nothing', async () => {
      const before = await unread(HANDLER)
      const otherBefore = await unread(OTHER_HANDLER)
      const code = await api.dispatched()
      expect(await unread(HANDLER)).toBe(before + 1)
      expect(await unread(SUPERVISOR)).toBeGreaterThan(0)
      expect(await unread(OTHER_HANDLER)).toBe(otherBefore)
      const list = (await api.call(HANDLER, 'GET', '/api/notifications?unread=1')).body
      const n = list.items.find((x: Json) => x.incidentCode === code)
      expect(n).toMatchObject({ kind: 'assignment', read: false, data: { action: 'dispatch', unitCode: 'city_admin' } })
      expect(JSON.stringify(n)).not.toContain('1381234')
      const rows = await ctx.database.rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM notification n JOIN incident_event e ON e.id = n.event_id
        WHERE n.incident_code = ${code} AND e.action = 'dispatch'`)
      expect(Number(rows[0]!.n)).toBe(1)
      const r = await api.call(HANDLER, 'POST', '/api/notifications/read', { ids: [n.id] })
      expect(r.body).toMatchObject({ marked: 1, unread: before })
      // per person: the supervisor still has it unread
      expect((await api.call(SUPERVISOR, 'GET', '/api/notifications?unread=1')).body.items.some((x: Json) => x.id === n.id)).toBe(true)
      expect((await api.call(HANDLER, 'POST', '/api/notifications/read', { all: true })).body.unread).toBe(0)
      expect((await api.call(HANDLER, 'POST', '/api/notifications/read', { ids: [] })).status).toBe(400)
    })

    it('urges reach the unit (and its supervisor); level-2 supervision only the supervisor; level 3 the district', async () => {
      const code = await api.dispatched()
      await api.call(SUPERVISOR, 'POST', '/api/notifications/read', { all: true })
      await api.call(HANDLER, 'POST', '/api/notifications/read', { all: true })
      const id = (await ctx.database.rows<{ id: number }>(sql`SELECT id FROM incident WHERE code = ${code}`))[0]!.id
      const escalate = (action: string, to: object, level: number) =>
        ctx.database.rows(sql`INSERT INTO incident_event (incident_id, actor, actor_role, action, from_state, to_state, data)
          VALUES (${id}, 'timer-worker', 'system', ${action}, 'dispatched', 'dispatched',
            ${JSON.stringify({ rule: 'R10', level, to, message: { zh: '催办', en: 'urge' } })}::jsonb) RETURNING id`)
      await escalate('urge', { role: 'handler', unitCode: 'city_admin' }, 1)
      expect(await unread(HANDLER)).toBe(1)
      expect(await unread(SUPERVISOR)).toBe(1)
      await escalate('supervise', { role: 'unit_supervisor', unitCode: 'city_admin' }, 2)
      expect(await unread(HANDLER)).toBe(1)
      expect(await unread(SUPERVISOR)).toBe(2)
      const sup = (await api.call(SUPERVISOR, 'GET', '/api/notifications')).body.items
      expect(sup.slice(0, 2).map((x: Json) => [x.kind, x.data.level])).toEqual([['supervision', 2], ['urge', 1]])
      const eff = { role: 'efficiency_office' as const, unit: 'efficiency_office', username: 'eff-1' }
      const effBefore = await unread(eff)
      await escalate('supervise', { role: 'efficiency_office', unitCode: null }, 3)
      expect(await unread(eff)).toBe(effBefore + 1)
      expect(await unread(SUPERVISOR)).toBe(2)
    })

    it('accept, arrive with the location check (warns beyond 200 m), resolve → verification task for the grid\'s inspectors', async () => {
      const code = await api.dispatched()
      await api.step(HANDLER, code, 'accept')
      const v = (await api.get(code)).version
      const far = await api.call(HANDLER, 'POST', `/api/workbench/incidents/${code}/arrive`, {
        version: v,
        position: { lng: HANXI.lng + 0.01, lat: HANXI.lat },
      })
      expect(far.status).toBe(200)
      expect(far.body.incident.state).toBe('on_site')
      expect(far.body.locationCheck).toMatchObject({ far: true, toleranceM: 200 })
      expect(far.body.locationCheck.distanceM).toBeGreaterThan(900)
      const events = (await api.call(DISPATCHER, 'GET', `/api/incidents/${code}/events`)).body.events
      expect(events.at(-1)).toMatchObject({ action: 'arrive', data: { arrival: { far: true } } })
      const inspectorBefore = await unread(INSPECTOR)
      await api.step(HANDLER, code, 'resolve', { note: '已清运', afterPhotos: [photoId()] })
      expect(await unread(INSPECTOR)).toBe(inspectorBefore + 1)
      const task = (await api.call(INSPECTOR, 'GET', '/api/notifications?unread=1')).body.items[0]
      expect(task).toMatchObject({ kind: 'verification', incidentCode: code })

      const near = await api.dispatched()
      await api.step(HANDLER, near, 'accept')
      const ok = await api.call(HANDLER, 'POST', `/api/workbench/incidents/${near}/arrive`, {
        version: (await api.get(near)).version,
        position: { lng: HANXI.lng + 0.001, lat: HANXI.lat, crs: 'wgs84', accuracyM: 15 },
      })
      expect(ok.body.locationCheck).toMatchObject({ far: false })
      expect(ok.body.locationCheck.distanceM).toBeLessThan(200)
      // a stale version is refused like any workflow action
      const stale = await api.call(HANDLER, 'POST', `/api/workbench/incidents/${near}/arrive`, { version: 1, position: null })
      expect(stale.status).toBe(409)
      // not the unit's incident: 404, whatever it is
      const theirs = await api.dispatched('office_350303002')
      const no = await api.call(HANDLER, 'POST', `/api/workbench/incidents/${theirs}/arrive`, { version: 1, position: null })
      expect(no.status).toBe(404)
    })

    it('assigns within the unit: to a section (which is notified) and a colleague; shown in the queue', async () => {
      await addSection(ctx.database, 'city_admin.roads', 'city_admin')
      const code = await api.dispatched()
      const sections = (await api.call(SUPERVISOR, 'GET', '/api/workbench/sections')).body.sections
      expect(sections.map((s: Json) => s.code)).toContain('city_admin.roads')
      const r = await api.call(SUPERVISOR, 'POST', `/api/workbench/incidents/${code}/assign`, { sectionCode: 'city_admin.roads', assignee: 'handler-ca' })
      expect(r.status).toBe(200)
      const item = (await queue(SUPERVISOR)).find((i) => i.code === code)
      expect(item).toMatchObject({ section: { code: 'city_admin.roads' }, assignee: 'handler-ca' })
      const n = await ctx.database.rows<{ unit_code: string; user_id: string }>(sql`
        SELECT unit_code, user_id FROM notification WHERE incident_code = ${code} AND data->>'action' = 'assign'`)
      expect(n).toEqual([{ unit_code: 'city_admin.roads', user_id: 'handler-ca' }])
      // "mine": the colleague's own queue holds it; another colleague's does not
      const mine = (await api.call(HANDLER, 'GET', '/api/workbench/queue?mine=1')).body.items.map((i: Json) => i.code)
      expect(mine).toContain(code)
      const otherColleague = { role: 'handler' as const, unit: 'city_admin', username: 'handler-ca-2' }
      expect((await api.call(otherColleague, 'GET', '/api/workbench/queue?mine=1')).body.items.map((i: Json) => i.code)).not.toContain(code)
      expect((await api.call(SUPERVISOR, 'POST', `/api/workbench/incidents/${code}/assign`, { sectionCode: 'office_350303002' })).status).toBe(422)
      expect((await api.call(SUPERVISOR, 'POST', `/api/workbench/incidents/${code}/assign`, {})).status).toBe(400)
    })

    it('colleagues: the enabled handlers and supervisors of the caller\'s own unit only; the picker\'s choice is checked', async () => {
      const mate = { role: 'handler' as const, unit: 'city_admin', username: 'handler-ca-mate' }
      const gone = { role: 'handler' as const, unit: 'city_admin', username: 'handler-ca-gone' }
      const viewerCa = { role: 'viewer' as const, unit: 'city_admin', username: 'viewer-ca' }
      for (const w of [HANDLER, SUPERVISOR, OTHER_HANDLER, mate, gone, viewerCa]) await ensureUser(ctx.database, w)
      await ctx.database.rows(sql`UPDATE app_user SET display_name = '处置员 李娜' WHERE username = 'handler-ca-mate'`)
      await ctx.database.rows(sql`UPDATE app_user SET disabled = true WHERE username = 'handler-ca-gone'`)
      const r = await api.call(HANDLER, 'GET', '/api/workbench/colleagues')
      expect(r.status).toBe(200)
      expect(r.body.unitCode).toBe('city_admin')
      const names = r.body.colleagues.map((c: Json) => c.username)
      expect(names).toEqual(expect.arrayContaining(['handler-ca', 'sup-ca', 'handler-ca-mate']))
      for (const no of ['handler-ca-gone', 'viewer-ca', 'handler-hx']) expect(names).not.toContain(no)
      expect(r.body.colleagues.find((c: Json) => c.username === 'handler-ca')).toMatchObject({ me: true, roles: ['handler'] })
      expect(r.body.colleagues.find((c: Json) => c.username === 'handler-ca-mate')).toMatchObject({ me: false, displayName: '处置员 李娜' })
      expect(r.body.colleagues.find((c: Json) => c.username === 'sup-ca')).toMatchObject({ roles: ['unit_supervisor'] })
      // another unit's handler sees their own unit, whatever they ask
      const other = (await api.call(OTHER_HANDLER, 'GET', '/api/workbench/colleagues?unit=city_admin')).body
      expect(other.unitCode).toBe('office_350303002')
      expect(other.colleagues.map((c: Json) => c.username)).toEqual(['handler-hx'])
      expect((await api.call(DISPATCHER, 'GET', '/api/workbench/colleagues')).status).toBe(403)

      // A handler hands work to the colleague (with a section of the unit): the colleague's bell rings, live
      // list included, though they are not staff of the section; the card names them.
      await addSection(ctx.database, 'city_admin.roads', 'city_admin')
      const code = await api.dispatched()
      await api.call(mate, 'POST', '/api/notifications/read', { all: true })
      const a = await api.call(HANDLER, 'POST', `/api/workbench/incidents/${code}/assign`, { sectionCode: 'city_admin.roads', assignee: 'Handler-CA-Mate' })
      expect(a.status).toBe(200)
      expect(a.body).toMatchObject({ assignee: 'handler-ca-mate', assigneeName: '处置员 李娜' })
      expect(await unread(mate)).toBe(1)
      const bell = (await api.call(mate, 'GET', '/api/notifications?unread=1')).body.items
      expect(bell[0]).toMatchObject({ kind: 'assignment', incidentCode: code, data: { action: 'assign' } })
      // the assigner and the section's supervisor are not rung by it
      expect((await api.call(HANDLER, 'GET', '/api/notifications?unread=1')).body.items.some((n: Json) => n.incidentCode === code && n.data.action === 'assign')).toBe(false)
      const item = (await queue(SUPERVISOR)).find((i) => i.code === code)
      expect(item).toMatchObject({ assignee: 'handler-ca-mate', assigneeName: '处置员 李娜', section: { code: 'city_admin.roads' } })
      expect((await api.call(mate, 'GET', '/api/workbench/queue?mine=1')).body.items.map((i: Json) => i.code)).toContain(code)
      // not a colleague: another unit's handler, a disabled account, a viewer, nobody
      for (const who of ['handler-hx', 'handler-ca-gone', 'viewer-ca', 'nobody']) {
        const no = await api.call(HANDLER, 'POST', `/api/workbench/incidents/${code}/assign`, { assignee: who })
        expect(no.status).toBe(422)
        expect(no.body.code).toBe('unknown_colleague')
      }
      expect((await queue(SUPERVISOR)).find((i) => i.code === code)).toMatchObject({ assignee: 'handler-ca-mate' })
    })

    it('ledger: JSON and an XLSX that opens and has the rows; export only for roles with incident.export', async () => {
      const code = await api.dispatched()
      const ledger = (await api.call(SUPERVISOR, 'GET', '/api/workbench/ledger')).body.items
      expect(ledger.map((i: Json) => i.code)).toContain(code)
      const res = (await api.call(SUPERVISOR, 'GET', '/api/workbench/ledger.xlsx')).body as Response
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('spreadsheetml')
      expect(res.headers.get('content-disposition')).toContain('.xlsx')
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(await res.arrayBuffer())
      const ws = wb.getWorksheet('台账')!
      expect(ws.getRow(2).getCell(2).value).toBe('案件编号')
      expect(String(ws.getRow(1).getCell(1).value)).toMatch(/台账（生成于 .*北京时间）/)
      const codes: string[] = []
      ws.eachRow((row, i) => {
        if (i > 2) codes.push(String(row.getCell(2).value))
      })
      expect(codes).toEqual(ledger.map((i: Json) => i.code))
      // Dates are Excel dates showing Shanghai wall-clock time (not text), and the file is named by Shanghai's day.
      const first = ledger[0] as Json
      const dispatched = ws.getRow(3).getCell(9)
      expect(dispatched.value).toBeInstanceOf(Date)
      expect(dispatched.numFmt).toBe('yyyy-mm-dd hh:mm')
      expect((dispatched.value as Date).toISOString().slice(0, 16)).toBe(String(first.dispatchedAt).slice(0, 16))
      expect(ws.getRow(3).getCell(10).value).toBeInstanceOf(Date)
      const shanghaiDay = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
      expect(res.headers.get('content-disposition')).toContain(`-${shanghaiDay}.xlsx`)
      const en = (await api.call(SUPERVISOR, 'GET', '/api/workbench/ledger.xlsx?lang=en')).body as Response
      const wbEn = new ExcelJS.Workbook()
      await wbEn.xlsx.load(await en.arrayBuffer())
      expect(wbEn.getWorksheet('Ledger')!.getRow(2).getCell(2).value).toBe('Incident')
      expect((await api.call(HANDLER, 'GET', '/api/workbench/ledger.xlsx')).status).toBe(403)
    })

    it('history rings no bells: an event that is not the incident\'s latest step makes no notification', async () => {
      const code = await api.dispatched()
      await api.step(HANDLER, code, 'accept')
      const id = (await ctx.database.rows<{ id: number }>(sql`SELECT id FROM incident WHERE code = ${code}`))[0]!.id
      await ctx.database.rows(sql`INSERT INTO incident_event (incident_id, actor, actor_role, action, from_state, to_state, data)
        VALUES (${id}, 'import', 'system', 'dispatch', 'registered', 'dispatched', '{}'::jsonb) RETURNING id`)
      const n = await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM notification WHERE incident_code = ${code}`)
      expect(Number(n[0]!.n)).toBe(1) // the real dispatch only
    })

    it('the notification triggers cover exactly the shared rule table', async () => {
      // incident_event_notification (0010/0013) and, for R9 closures, incident_event_closure_notification (0016).
      const rows = await ctx.database.rows<{ def: string }>(sql`
        SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger
        WHERE tgname IN ('incident_event_notification', 'incident_event_closure_notification')`)
      expect(rows).toHaveLength(2)
      const listed = rows.flatMap((row) => [...row.def.matchAll(/'([a-zA-Z]+)'::text/g)].map((m) => m[1])).sort()
      expect(listed).toEqual(Object.keys(NOTIFICATION_RULES).sort())
    })
  },
  seedFixture,
)
