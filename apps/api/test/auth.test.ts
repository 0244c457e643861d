import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { seedFixture, testApp } from './app.ts'
import { ensureUser, signIn, TEST_PASSWORD } from './auth.ts'
import { describeEachEngine } from './engines.ts'

/* eslint-disable @typescript-eslint/no-explicit-any */

describeEachEngine('auth: sign-in, sessions, CSRF, lock-out, password', (ctx) => {
  const app = () => testApp(ctx.database)
  const login = (username: string, password: string) =>
    app().request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
  const json = async (r: Response) => (await r.json()) as any

  it('signs in with cookies (HttpOnly session, readable CSRF), answers me, signs out', async () => {
    const username = await ensureUser(ctx.database, { username: 'alice', roles: ['dispatcher', 'inspector'], areas: ['350303001000'] })
    const res = await login(username, TEST_PASSWORD)
    expect(res.status).toBe(200)
    const body = await json(res)
    expect(body.user).toMatchObject({ username: 'alice', roles: ['dispatcher', 'inspector'], mustChangePassword: false, unit: { code: 'command_center' } })
    expect(body.user.areas).toEqual([{ code: '350303001000', name: '涵东街道', level: 'street' }])
    expect(body.user.permissions).toContain('incident.dispatch')
    const cookies = res.headers.getSetCookie()
    const session = cookies.find((c) => c.startsWith('hj_session='))!
    const csrf = cookies.find((c) => c.startsWith('hj_csrf='))!
    expect(session).toMatch(/HttpOnly/)
    expect(session).toMatch(/SameSite=Strict/)
    expect(csrf).not.toMatch(/HttpOnly/)
    expect(csrf).toContain(body.csrfToken)
    // Only the hash is stored.
    const sid = session.split(';')[0]!.split('=')[1]!
    const stored = await ctx.database.rows<{ id_hash: string }>(sql`SELECT id_hash FROM user_session`)
    expect(stored.map((r) => r.id_hash)).not.toContain(sid)

    const headers = { cookie: cookies.map((c) => c.split(';')[0]).join('; '), 'x-csrf-token': body.csrfToken }
    const me = await app().request('/api/auth/me', { headers })
    expect(me.status).toBe(200)
    expect((await json(me)).csrfToken).toBe(body.csrfToken)
    const out = await app().request('/api/auth/logout', { method: 'POST', headers })
    expect(out.status).toBe(204)
    expect(out.headers.getSetCookie().join()).toMatch(/hj_session=;/)
    expect((await app().request('/api/auth/me', { headers })).status).toBe(401)
  })

  it('answers the same 401 for an unknown name and a wrong password', async () => {
    await ensureUser(ctx.database, { username: 'bob' })
    const a = await login('nobody', TEST_PASSWORD)
    const b = await login('bob', 'wrong-password')
    expect(a.status).toBe(401)
    expect(b.status).toBe(401)
    const [x, y] = [await json(a), await json(b)]
    expect(x.code).toBe('invalid-credentials')
    expect(y.detail).toBe(x.detail)
  })

  it('401 unauthenticated without a session, 403 csrf without the token on unsafe methods', async () => {
    const none = await app().request('/api/incidents')
    expect(none.status).toBe(401)
    expect((await json(none)).code).toBe('unauthenticated')
    const s = await signIn(app(), ctx.database, 'dispatcher')
    const noCsrf = await app().request('/api/incidents', {
      method: 'POST',
      headers: { cookie: s.headers.cookie!, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(noCsrf.status).toBe(403)
    expect((await json(noCsrf)).code).toBe('csrf')
    const wrong = await app().request('/api/auth/logout', { method: 'POST', headers: { cookie: s.headers.cookie!, 'x-csrf-token': 'x'.repeat(43) } })
    expect((await json(wrong)).code).toBe('csrf')
    // Reads need no token.
    expect((await app().request('/api/incidents', { headers: { cookie: s.headers.cookie! } })).status).toBe(200)
  })

  /** A sign-in from client address `ip` (X-Forwarded-For, believed without a socket). */
  const loginFrom = (username: string, password: string, ip: string) =>
    app().request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ username, password }),
    })

  it('five wrong passwords from five addresses lock nobody out: the right password works from a sixth and from the known address', async () => {
    await ensureUser(ctx.database, { username: 'carol' })
    expect((await loginFrom('carol', TEST_PASSWORD, '192.0.2.10')).status).toBe(200) // her office
    for (let i = 1; i <= 5; i++) expect((await loginFrom('carol', `wrong-${i}`, `198.51.100.${i}`)).status).toBe(401)
    expect((await loginFrom('carol', TEST_PASSWORD, '198.51.100.6')).status).toBe(200)
    // Many failures from one attacker's address slow that address only, never her office.
    for (let i = 0; i < 8; i++) expect((await loginFrom('carol', `guess-${i}`, '198.51.100.1')).status).toBe(401)
    expect((await loginFrom('carol', TEST_PASSWORD, '192.0.2.10')).status).toBe(200)
    const failures = await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login_failed' AND actor_username = 'carol'`)
    expect(Number(failures[0]!.n)).toBe(13)
  })

  it('a slowed-down account answers exactly like an unknown name (and like a wrong password), even for the right password', async () => {
    await ensureUser(ctx.database, { username: 'carla' })
    const ip = '203.0.113.77'
    for (let i = 0; i < 6; i++) {
      const [known, unknown] = [await loginFrom('carla', `wrong-${i}`, ip), await loginFrom('no-such-carla', `wrong-${i}`, ip)]
      expect(known.status).toBe(401)
      expect(unknown.status).toBe(401)
    }
    // Within the delay after the last failure: the right password is not even checked, and nothing tells.
    const right = await loginFrom('carla', TEST_PASSWORD, ip)
    const unknown = await loginFrom('no-such-carla', TEST_PASSWORD, ip)
    const wrong = await loginFrom('bob', 'wrong-password', '203.0.113.78')
    expect(right.status).toBe(401)
    expect(unknown.status).toBe(401)
    const [a, b, c] = [await right.text(), await unknown.text(), await wrong.text()]
    expect(a).toBe(b)
    expect(a).toBe(c)
    const headerNames = (r: Response) => [...r.headers.keys()].filter((k) => k !== 'date').sort()
    expect(headerNames(right)).toEqual(headerNames(unknown))
    expect(right.headers.get('retry-after')).toBeNull()
    expect(right.headers.getSetCookie()).toEqual([])
    // Once the delay has passed, the right password works from that address too.
    await ctx.database.rows(sql`UPDATE sign_in_failure SET last_failure_at = now() - interval '1 hour'`)
    expect((await loginFrom('carla', TEST_PASSWORD, ip)).status).toBe(200)
  })

  it('refuses a disabled account (403 account-disabled) only after the right password', async () => {
    await ensureUser(ctx.database, { username: 'dave' })
    await ctx.database.rows(sql`UPDATE app_user SET disabled = true WHERE username = 'dave'`)
    expect((await login('dave', 'nope-nope')).status).toBe(401)
    const r = await login('dave', TEST_PASSWORD)
    expect(r.status).toBe(403)
    expect((await json(r)).code).toBe('account-disabled')
  })

  it('ends sessions after the idle timeout, at the absolute timeout, and on revocation', async () => {
    const idle = await signIn(app(), ctx.database, { username: 'erin' })
    await ctx.database.rows(sql`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM app_user WHERE username = 'erin')`)
    expect((await app().request('/api/auth/me', { headers: idle.headers })).status).toBe(401)

    const abs = await signIn(app(), ctx.database, { username: 'erin' })
    expect((await app().request('/api/auth/me', { headers: abs.headers })).status).toBe(200)
    await ctx.database.rows(sql`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE username = 'erin')`)
    expect((await app().request('/api/auth/me', { headers: abs.headers })).status).toBe(401)

    const admin = await signIn(app(), ctx.database, 'admin')
    const s = await signIn(app(), ctx.database, { username: 'erin' })
    const me = await json(await app().request('/api/auth/me', { headers: s.headers }))
    const rv = await app().request(`/api/admin/users/${me.user.id}/revoke-sessions`, { method: 'POST', headers: admin.headers })
    expect(rv.status).toBe(200)
    expect((await json(rv)).revoked).toBeGreaterThanOrEqual(1)
    expect((await app().request('/api/auth/me', { headers: s.headers })).status).toBe(401)
  })

  it('forces a password change: 403 password-change-required until rules-abiding new password is set', async () => {
    const s = await signIn(app(), ctx.database, { username: 'frank', mustChangePassword: true })
    const me = await json(await app().request('/api/auth/me', { headers: s.headers }))
    expect(me.user).toMatchObject({ mustChangePassword: true, permissions: [] })
    const blocked = await app().request('/api/incidents', { headers: s.headers })
    expect(blocked.status).toBe(403)
    expect((await json(blocked)).code).toBe('password-change-required')
    const change = (currentPassword: string, newPassword: string) =>
      app().request('/api/auth/password', { method: 'POST', headers: { ...s.headers, 'content-type': 'application/json' }, body: JSON.stringify({ currentPassword, newPassword }) })
    const weak = await change(TEST_PASSWORD, 'short')
    expect(weak.status).toBe(422)
    expect((await json(weak)).errors.length).toBeGreaterThan(0)
    expect((await change('not-it', 'Another-Pass-42')).status).toBe(422)
    expect((await change(TEST_PASSWORD, 'Another-Pass-42')).status).toBe(204)
    expect((await app().request('/api/incidents', { headers: s.headers })).status).toBe(200)
    expect((await login('frank', 'Another-Pass-42')).status).toBe(200)
  })

  it('accepts a bearer API token without cookies or CSRF', async () => {
    const { randomToken, sha256 } = await import('../src/auth/crypto.ts')
    const { insertApiToken, findUserByUsername } = await import('../src/db/repositories/accounts.ts')
    await ensureUser(ctx.database, { username: 'robot', roles: ['dispatcher'] })
    const token = randomToken()
    const user = await findUserByUsername(ctx.database, 'robot')
    await insertApiToken(ctx.database, { name: 'open311', tokenHash: sha256(token), userId: user!.id, expiresAt: null })
    expect((await app().request('/api/incidents', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
    expect((await app().request('/api/incidents', { headers: { authorization: 'Bearer nope' } })).status).toBe(401)
  })

  it('keeps the audit log append-only (UPDATE, DELETE and TRUNCATE refused by the database)', async () => {
    const refused = async (q: ReturnType<typeof sql>) => {
      const e = await ctx.database.rows(q).then(() => null, (err: any) => err)
      return String(e?.cause?.message ?? e?.message)
    }
    expect(await refused(sql`UPDATE audit_log SET action = 'x'`)).toMatch(/append-only/)
    expect(await refused(sql`DELETE FROM audit_log`)).toMatch(/append-only/)
    expect(await refused(sql`TRUNCATE audit_log`)).toMatch(/append-only/)
    expect(Number((await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`))[0]!.n)).toBeGreaterThan(0)
  })
}, seedFixture)
