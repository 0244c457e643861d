import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { seedFixture, testApp } from './app.ts'
import { asUser, ensureUser, TEST_PASSWORD } from './auth.ts'
import { describeEachEngine } from './engines.ts'

/* eslint-disable @typescript-eslint/no-explicit-any */

const MAX = 5

describeEachEngine('admin: see and clear the sign-in throttle', (ctx) => {
  const app = () => testApp(ctx.database, { signInThrottleMaxFailures: MAX })
  const admin = () => asUser(app(), ctx.database, 'admin')
  const login = (username: string, password: string, ip: string) =>
    app().request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ username, password }),
    })
  const fail = async (ip: string, n: number) => {
    for (let i = 0; i < n; i++) expect((await login('nobody-here', 'wrong', ip)).status).toBe(401)
  }
  const list = async (query = '') => {
    const res = await admin().request(`/api/admin/sign-in-throttle${query}`)
    expect(res.status).toBe(200)
    return (await res.json()) as any
  }
  const clear = (address: string, as = admin()) =>
    as.request(`/api/admin/sign-in-throttle/${encodeURIComponent(address)}`, { method: 'DELETE' })
  const audit = (address: string) =>
    ctx.database.rows<{ action: string; actor: string; objectType: string; detail: any }>(sql`
      SELECT action, actor_username AS actor, object_type AS "objectType", detail FROM audit_log
      WHERE action = 'auth.sign_in_throttle_cleared' AND object_id = ${address}`)

  it('lists a throttled office; an admin clears it (audited) and it may sign in again; clearing again is 404', async () => {
    const u = await ensureUser(ctx.database, { username: 'office-worker' })
    await fail('203.0.113.10', MAX)
    await fail('203.0.113.11', 2) // failures, not throttled yet
    expect((await login(u, TEST_PASSWORD, '203.0.113.10')).status).toBe(429)

    const body = await list()
    expect(body).toMatchObject({ maxFailures: MAX, windowMinutes: 15 })
    const row = body.items.find((r: any) => r.address === '203.0.113.10')
    expect(row).toMatchObject({ address: '203.0.113.10', failures: MAX, throttled: true })
    expect(row.windowStart).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+08:00$/)
    expect(Date.parse(row.windowEndsAt) - Date.parse(row.windowStart)).toBe(15 * 60_000)
    expect(Math.abs(Date.parse(row.windowStart) - Date.now())).toBeLessThan(60_000)
    expect(body.items.some((r: any) => r.address === '203.0.113.11')).toBe(false)
    // ?all=1 also lists the address with failures that is not refused yet.
    expect((await list('?all=1')).items.find((r: any) => r.address === '203.0.113.11')).toMatchObject({ failures: 2, throttled: false })

    const cleared = await clear('203.0.113.10')
    expect(cleared.status).toBe(204)
    expect(await audit('203.0.113.10')).toEqual([
      { action: 'auth.sign_in_throttle_cleared', actor: 'admin', objectType: 'client_network', detail: expect.objectContaining({ failures: MAX, throttled: true }) },
    ])
    expect((await list()).items.some((r: any) => r.address === '203.0.113.10')).toBe(false)
    expect((await login(u, TEST_PASSWORD, '203.0.113.10')).status).toBe(200)

    const again = await clear('203.0.113.10')
    expect(again.status).toBe(404)
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect(await again.json()).toMatchObject({ status: 404, code: 'sign_in_throttle_not_found' })
    expect(await audit('203.0.113.10')).toHaveLength(1)
  })

  it('an IPv6 client is cleared by its /64, given as the listed key or as any address in it', async () => {
    await fail('2001:db8:77:1::5', MAX)
    const row = (await list()).items.find((r: any) => r.address === '2001:db8:77:1::/64')
    expect(row).toMatchObject({ throttled: true })
    expect((await clear('2001:db8:77:1::/64')).status).toBe(204)
    await fail('2001:db8:77:1::6', MAX)
    expect((await clear('2001:db8:77:1:abcd::1')).status).toBe(204)
    expect((await list('?all=1')).items.some((r: any) => r.address === '2001:db8:77:1::/64')).toBe(false)
  })

  it('a window that has ended is nothing to clear (404)', async () => {
    await ctx.database.rows(sql`INSERT INTO sign_in_throttle (address, window_start, attempts) VALUES ('203.0.113.30', now() - interval '2 hours', ${MAX})`)
    expect((await list('?all=1')).items.some((r: any) => r.address === '203.0.113.30')).toBe(false)
    expect((await clear('203.0.113.30')).status).toBe(404)
  })

  it('a malformed address is 400', async () => {
    for (const bad of ['not-an-ip', '203.0.113.999', '203.0.113.1/64', '2001:db8::/48']) {
      const res = await clear(bad)
      expect(res.status, bad).toBe(400)
      expect(await res.json()).toMatchObject({ status: 400, code: 'invalid_address' })
    }
  })

  it('is for administrators only: a dispatcher gets 403 on both', async () => {
    await fail('203.0.113.40', MAX)
    const dispatcher = asUser(app(), ctx.database, 'dispatcher')
    const listed = await dispatcher.request('/api/admin/sign-in-throttle')
    expect(listed.status).toBe(403)
    expect(await listed.json()).toMatchObject({ code: 'forbidden' })
    expect((await clear('203.0.113.40', dispatcher)).status).toBe(403)
    expect((await list()).items.some((r: any) => r.address === '203.0.113.40')).toBe(true)
  })
}, seedFixture)
