import { sql } from 'drizzle-orm'
import { afterEach, expect, it } from 'vitest'
import { seedFixture, testApp } from './app.ts'
import { ensureUser, TEST_PASSWORD } from './auth.ts'
import { describeEachEngine } from './engines.ts'
import { freezeClock, thaw } from './incidents-helpers.ts'

/* eslint-disable @typescript-eslint/no-explicit-any */

const MAX = 5
const WINDOW_S = 15 * 60

describeEachEngine('auth: sign-in throttle per client address', (ctx) => {
  const app = () => testApp(ctx.database, { signInThrottleMaxFailures: MAX })
  /** A sign-in from `ip` (X-Forwarded-For, believed without a socket), or from a socket peer when `peer` is given. */
  const login = (username: string, password: string, ip: string, peer?: string) =>
    app().request(
      '/api/auth/login',
      { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ username, password }) },
      peer ? { incoming: { socket: { remoteAddress: peer, remotePort: 40000, remoteFamily: 'IPv4' } } } : undefined,
    )
  const statuses = async (rs: (Response | Promise<Response>)[]) => (await Promise.all(rs)).map((r) => r.status)
  const failedLogins = async (username: string) =>
    Number((await ctx.database.rows<{ n: number }>(sql`SELECT coalesce(sum(f.failures), 0)::int AS n FROM sign_in_failure f JOIN app_user u ON u.id = f.user_id WHERE u.username = ${username}`))[0]!.n)
  const users = async (prefix: string, n: number) => {
    const out: string[] = []
    for (let i = 0; i < n; i++) out.push(await ensureUser(ctx.database, { username: `${prefix}${i}` }))
    return out
  }

  afterEach(() => thaw())

  it('a spray over many accounts from one address gets 429 + Retry-After, the password unchecked; other addresses go on', async () => {
    const names = await users('spray', 8)
    // One wrong password per account (no account reaches its own lock-out), plus an unknown name.
    for (const u of [...names.slice(0, MAX - 1), 'nobody-here']) expect((await login(u, 'wrong-password', '198.51.100.7')).status).toBe(401)

    const refused = await login(names[5]!, TEST_PASSWORD, '198.51.100.7') // even the right password
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/)
    const body = (await refused.json()) as any
    expect(body).toMatchObject({ status: 429, code: 'too_many_sign_in_attempts', type: 'https://hanjiang.example/problems/too_many_sign_in_attempts' })
    expect(body.detail).toBe('Too many failed sign-ins from this network; try again in 15 minutes.')
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBe(body.retryAfterSeconds)
    expect(retryAfter).toBeGreaterThan(WINDOW_S - 60)
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_S)
    expect(refused.headers.getSetCookie()).toEqual([])

    // Refused before the account is looked at: a wrong password leaves no failure on the account.
    expect((await login(names[6]!, 'wrong-password', '198.51.100.7')).status).toBe(429)
    expect(await failedLogins(names[6]!)).toBe(0)
    // The trip is audited once (not once per refused attempt).
    const audit = await ctx.database.rows<{ objectId: string; ip: string }>(
      sql`SELECT object_id AS "objectId", ip FROM audit_log WHERE action = 'auth.sign_in_throttled' AND object_id = '198.51.100.7'`,
    )
    expect(audit).toEqual([{ objectId: '198.51.100.7', ip: '198.51.100.7' }])

    // Another address is not affected.
    expect((await login(names[5]!, TEST_PASSWORD, '198.51.100.8')).status).toBe(200)
  })

  it('successful sign-ins are not counted, only failures', async () => {
    const [ok, other] = await users('office', 2)
    for (let i = 0; i < MAX * 2; i++) expect((await login(ok!, TEST_PASSWORD, '198.51.100.20')).status).toBe(200)
    for (let i = 0; i < MAX - 1; i++) expect((await login(other!, `wrong-${i}`, '198.51.100.20')).status).toBe(401)
    expect((await login(ok!, TEST_PASSWORD, '198.51.100.20')).status).toBe(200)
    expect((await login('nobody-here', 'wrong', '198.51.100.20')).status).toBe(401) // the MAXth failure
    expect((await login(ok!, TEST_PASSWORD, '198.51.100.20')).status).toBe(429)
  })

  it('the window ends WINDOW after the first failure; then the address may sign in again and counts afresh', async () => {
    const [u] = await users('window', 1)
    const t0 = Date.parse('2026-03-02T02:00:00Z')
    freezeClock(new Date(t0).toISOString())
    for (let i = 0; i < MAX; i++) expect((await login('nobody-here', 'wrong', '198.51.100.30')).status).toBe(401)
    freezeClock(new Date(t0 + (WINDOW_S - 1) * 1000).toISOString())
    const late = await login(u!, TEST_PASSWORD, '198.51.100.30')
    expect(late.status).toBe(429)
    expect(late.headers.get('retry-after')).toBe('1')
    freezeClock(new Date(t0 + WINDOW_S * 1000).toISOString())
    expect((await login(u!, TEST_PASSWORD, '198.51.100.30')).status).toBe(200)
    for (let i = 0; i < MAX; i++) expect((await login('nobody-here', 'wrong', '198.51.100.30')).status).toBe(401)
    expect((await login(u!, TEST_PASSWORD, '198.51.100.30')).status).toBe(429)
  })

  it('counts an IPv6 client by its /64 (a host cannot take a fresh address per attempt)', async () => {
    const [u] = await users('six', 1)
    for (let i = 1; i <= MAX; i++) expect((await login('nobody-here', 'wrong', `2001:db8:aa:1::${i}`)).status).toBe(401)
    expect((await login(u!, TEST_PASSWORD, '2001:db8:aa:1:ffff:1:2:3')).status).toBe(429)
    expect((await login(u!, TEST_PASSWORD, '2001:db8:aa:2::1')).status).toBe(200)
  })

  it('parallel attempts cannot all pass a low count: exactly MAX are checked', async () => {
    const [u] = await users('burst', 1)
    await ensureUser(ctx.database, { username: 'burst-target' })
    const got = await statuses(Array.from({ length: MAX + 7 }, (_, i) => login(i % 2 ? u! : 'burst-target', `wrong-${i}`, '198.51.100.40')))
    expect(got.filter((s) => s === 401)).toHaveLength(MAX)
    expect(got.filter((s) => s === 429)).toHaveLength(7)
  })

  it('X-Forwarded-For from a peer that is not a trusted proxy is ignored: made-up addresses do not reset the count', async () => {
    const [u] = await users('direct', 1)
    for (let i = 0; i < MAX; i++) expect((await login('nobody-here', 'wrong', `10.9.0.${i}`, '203.0.113.50')).status).toBe(401)
    expect((await login(u!, TEST_PASSWORD, '10.9.0.99', '203.0.113.50')).status).toBe(429)
    // Behind the loopback proxy the client is the rightmost untrusted entry, not what the client put first.
    for (let i = 0; i < MAX; i++) expect((await login('nobody-here', 'wrong', `10.8.0.${i}, 203.0.113.60`, '127.0.0.1')).status).toBe(401)
    expect((await login(u!, TEST_PASSWORD, '10.8.0.99, 203.0.113.60', '127.0.0.1')).status).toBe(429)
  })

  it('ended windows of other addresses are deleted by later sign-ins (the table does not grow)', async () => {
    await ctx.database.rows(sql`
      INSERT INTO sign_in_throttle (address, window_start, attempts)
      SELECT '192.0.2.' || g, now() - interval '2 hours', 3 FROM generate_series(1, 5) g`)
    await ctx.database.rows(sql`INSERT INTO sign_in_throttle (address, window_start, attempts) VALUES ('192.0.2.100', now(), 3)`)
    expect((await login('nobody-here', 'wrong', '198.51.100.70')).status).toBe(401)
    const left = await ctx.database.rows<{ address: string }>(sql`SELECT address FROM sign_in_throttle WHERE address LIKE '192.0.2.%' ORDER BY address`)
    expect(left.map((r) => r.address)).toEqual(['192.0.2.100'])
  })
}, seedFixture)
