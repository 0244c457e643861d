import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, incidentApi, type Json } from './incidents-helpers.ts'

/** Audit and personal data: a row per write, in the write's transaction; masking; reveal. */

describeEachEngine('auth: audit log and personal data', (ctx) => {
  const api = incidentApi(() => ctx.database)
  const rows = (where = sql`true`) =>
    ctx.database.rows<Json>(sql`SELECT id, actor_username AS "user", role, action, object_type AS "objectType", object_id AS "objectId", detail FROM audit_log WHERE ${where} ORDER BY id`)
  const lastId = async () => Number((await ctx.database.rows<{ m: number | null }>(sql`SELECT coalesce(max(id), 0) AS m FROM audit_log`))[0]!.m)

  it('every successful write leaves exactly one audit row naming the user, the route and the object', async () => {
    const from = await lastId()
    const { code } = (await api.create(complaint())).body
    await api.step(code, 'register', { incidentType: 'complaint' })
    const know = await testApp(ctx.database, {}, 'dispatcher').request('/api/knowledge', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '垃圾清运时间？', answer: '每天早晚各一次。', fineClass: '020602' }),
    })
    const written = await rows(sql`id > ${from}`)
    const byRoute = (route: string) => written.filter((r) => r.detail?.route === route)
    expect(byRoute('POST /api/incidents')).toEqual([
      expect.objectContaining({ action: 'api.post', objectType: 'incidents', objectId: code }),
    ])
    expect(byRoute('POST /api/incidents/:code/actions/:action')).toEqual([
      expect.objectContaining({ user: 'dispatcher', role: 'dispatcher', action: 'api.post', objectType: 'incidents', objectId: code }),
    ])
    if (know.status < 400) expect(byRoute('POST /api/knowledge')).toHaveLength(1)
  })

  it('a refused write leaves no row; the audit row and the change commit or roll back together', async () => {
    const { code, version } = (await api.create(complaint())).body
    const from = await lastId()
    const stale = await api.act(code, 'register', { version: version + 5, incidentType: 'complaint' })
    expect(stale.status).toBe(409)
    expect(await rows(sql`id > ${from}`)).toEqual([])
    // Make the audit insert fail: the transition it belongs to must not happen either.
    await ctx.database.rows(sql.raw(`ALTER TABLE audit_log ADD CONSTRAINT audit_test_refuse CHECK (object_id IS DISTINCT FROM '${code}') NOT VALID`))
    try {
      const r = await api.act(code, 'register', { version, incidentType: 'complaint' })
      expect(r.status).toBe(500)
    } finally {
      await ctx.database.rows(sql`ALTER TABLE audit_log DROP CONSTRAINT audit_test_refuse`)
    }
    const cur = (await api.get(code)).body
    expect([cur.state, cur.version]).toEqual(['reported', version])
    expect((await api.events(code)).map((e: Json) => e.action)).toEqual(['create'])
  })

  it('batched intake: each of many concurrent reports gets its own audit row in the statement that writes it', async () => {
    const from = await lastId()
    const made = await Promise.all(Array.from({ length: 12 }, () => api.create(complaint())))
    const codes = made.map((r) => r.body.code as string).sort()
    const written = (await rows(sql`id > ${from}`)).filter((r) => r.detail?.route === 'POST /api/incidents')
    expect(written.map((r) => r.objectId).sort()).toEqual(codes)
    // An intake whose audit row cannot be written is not stored either.
    await ctx.database.rows(sql.raw(`ALTER TABLE audit_log ADD CONSTRAINT audit_test_refuse CHECK (object_type IS DISTINCT FROM 'incidents' OR action <> 'api.post') NOT VALID`))
    const maxId = async () => (await ctx.database.rows<{ m: number }>(sql`SELECT coalesce(max(id), 0)::int AS m FROM incident`))[0]!.m
    const before = await maxId()
    let refused
    try {
      refused = await api.create(complaint())
    } finally {
      await ctx.database.rows(sql`ALTER TABLE audit_log DROP CONSTRAINT audit_test_refuse`)
    }
    expect(refused.status).toBe(500)
    expect(await maxId()).toBe(before)
  })

  it('sign-ins, user and unit administration are audited with their own actions', async () => {
    const admin = testApp(ctx.database, {}, 'admin')
    const post = (path: string, body: unknown) =>
      admin.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const from = await lastId()
    const u = await post('/api/admin/users', { username: 'new.handler', displayName: '新处置员', unitCode: 'transport', roles: ['handler'], password: 'Fresh-Start-2026' })
    expect(u.status).toBe(201)
    const created = (await u.json()) as Json
    expect(created).toMatchObject({ username: 'new.handler', roles: ['handler'], mustChangePassword: true, unit: { code: 'transport' } })
    expect((await post('/api/admin/units', { code: 'transport_bridges', name: '桥梁股', kind: 'section', parentCode: 'transport' })).status).toBe(201)
    const patched = await admin.request(`/api/admin/users/${created.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['handler', 'unit_supervisor'], unitCode: 'transport_bridges' }),
    })
    expect(patched.status).toBe(200)
    const actions = (await rows(sql`id > ${from}`)).map((r) => r.action)
    expect(actions).toEqual(['auth.login', 'user.create', 'unit.create', 'user.update'].filter((a) => a !== 'auth.login' || actions.includes('auth.login')))
    const login = await testApp(ctx.database).request('/api/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'new.handler', password: 'nope-nope-nope' }),
    })
    expect(login.status).toBe(401)
    const [failed] = await rows(sql`action = 'auth.login_failed' AND object_id = ${created.id}`)
    expect(failed).toMatchObject({ user: 'new.handler', detail: { reason: 'wrong_password' } })
  })

  it('reporter data is masked in every incident response; the audited reveal is for dispatchers and admins only', async () => {
    const { code } = (await api.create(complaint({ reporter: { name: '张三丰', phone: '13812341234' } }))).body
    const detail = (await api.get(code)).body
    expect(detail.reporter).toEqual({ name: '张**', phone: '138****1234' })
    const listed = ((await api.list()).body.items as Json[]).find((i) => i.code === code)
    expect(JSON.stringify(listed)).not.toContain('13812341234')
    expect(JSON.stringify(detail)).not.toContain('13812341234')
    expect(JSON.stringify(detail)).not.toContain('张三丰')

    const from = await lastId()
    const rv = await api.call('POST', `/api/incidents/${code}/reporter/reveal`)
    expect(rv.status).toBe(200)
    expect(rv.body).toEqual({ name: '张三丰', phone: '13812341234' })
    expect(await rows(sql`id > ${from}`)).toEqual([
      expect.objectContaining({ user: 'dispatcher', action: 'incident.reveal', objectType: 'incident', objectId: code }),
    ])
    for (const role of ['handler', 'inspector', 'viewer', 'efficiency_office'] as const) {
      const r = await api.call('POST', `/api/incidents/${code}/reporter/reveal`, undefined, {}, role)
      expect(r.status, role).toBe(403)
    }
    expect((await api.call('POST', `/api/incidents/${code}/reporter/reveal`, undefined, {}, 'admin')).status).toBe(200)
  })

  it('the audit API reads and filters (admin, efficiency office), pages newest first, and cannot write', async () => {
    const eo = testApp(ctx.database, {}, 'efficiency_office')
    const res = await eo.request('/api/audit?action=incident.reveal&limit=1')
    expect(res.status).toBe(200)
    const page = (await res.json()) as Json
    expect(page.items).toHaveLength(1)
    expect(page.items[0]).toMatchObject({ action: 'incident.reveal', objectType: 'incident', actor: { username: 'admin' } })
    expect(page.items[0].at).toMatch(/Z$/)
    const next = (await (await eo.request(`/api/audit?action=incident.reveal&before=${page.nextBefore}`)).json()) as Json
    expect(next.items[0].actor.username).toBe('dispatcher')
    const prefix = (await (await eo.request('/api/audit?action=auth.')).json()) as Json
    expect(prefix.items.every((i: Json) => i.action.startsWith('auth.'))).toBe(true)
    for (const method of ['POST', 'PATCH', 'DELETE', 'PUT']) expect((await eo.request('/api/audit', { method })).status).toBe(404)
  })
}, seedFixture)
