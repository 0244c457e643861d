import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { issueKey } from './open311-helpers.ts'
import { client, DISPATCHER } from './workbench-helpers.ts'

/* eslint-disable @typescript-eslint/no-explicit-any */
const jsonOf = (r: Response): Promise<any> => r.json()

describeEachEngine(
  'API keys: issue, list, revoke, rotate; bearer keys within their scopes',
  (ctx) => {
    const api = client(() => ctx.database)
    const ADMIN = { role: 'admin' as const, username: 'keys-admin' }
    const bearer = (key: string, path: string, init: RequestInit = {}) =>
      testApp(ctx.database).request(path, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.headers ?? {}) } })

    it('issues a key shown once, stores only its hash, lists it without the key, audits the issue', async () => {
      const r = await api.call(ADMIN, 'POST', '/api/admin/api-keys', { name: '微信小程序', unitCode: 'command_center', scopes: ['open311:write', 'incidents:read'], rateLimitPerMinute: 30 })
      expect(r.status).toBe(201)
      expect(r.headers.get('cache-control')).toBe('no-store')
      expect(r.body.key).toMatch(/^hj_[A-Za-z0-9_-]{43}$/)
      expect(r.body).toMatchObject({ name: '微信小程序', unit: { code: 'command_center' }, scopes: ['open311:write', 'incidents:read'], rateLimitPerMinute: 30, active: true, useCount: 0 })
      expect(r.body.prefix).toBe(r.body.key.slice(0, 10))
      const stored = await ctx.database.rows<any>(sql`SELECT token_hash FROM api_token WHERE id = ${r.body.id}::uuid`)
      expect(stored[0].token_hash).not.toContain(r.body.key)
      const list = await api.call(ADMIN, 'GET', '/api/admin/api-keys')
      expect(list.status).toBe(200)
      const item = list.body.items.find((k: any) => k.id === r.body.id)
      expect(item).toBeTruthy()
      expect(item).not.toHaveProperty('key')
      expect(JSON.stringify(list.body)).not.toContain(r.body.key)
      const audit = await ctx.database.rows<any>(sql`SELECT action, actor_username, detail::text AS detail FROM audit_log WHERE object_id = ${r.body.id}`)
      expect(audit.map((a) => a.action)).toEqual(['api_key.create'])
      expect(audit[0].actor_username).toBe('keys-admin')
      expect(audit[0].detail).not.toContain(r.body.key)
    })

    it('refuses bad input with problem details, and non-admins', async () => {
      const bad: [unknown, string][] = [
        [{ name: '', unitCode: 'command_center', scopes: ['open311:write'] }, 'name'],
        [{ name: 'x', unitCode: 'command_center', scopes: [] }, 'scopes'],
        [{ name: 'x', unitCode: 'command_center', scopes: ['root'] }, 'scopes.0'],
        [{ name: 'x', unitCode: 'command_center', scopes: ['open311:write'], rateLimitPerMinute: 0 }, 'rateLimitPerMinute'],
        [{ name: 'x', unitCode: 'command_center', scopes: ['open311:write'], expiresAt: '2020-01-01T00:00:00+08:00' }, 'expiresAt'],
      ]
      for (const [body, path] of bad) {
        const r = await api.call(ADMIN, 'POST', '/api/admin/api-keys', body)
        expect(r.status, JSON.stringify(body)).toBe(400)
        expect(r.body.errors.map((e: any) => e.path)).toContain(path)
      }
      const unit = await api.call(ADMIN, 'POST', '/api/admin/api-keys', { name: 'x', unitCode: 'no_such_unit', scopes: ['open311:write'] })
      expect(unit.status).toBe(422)
      expect(unit.body.code).toBe('unknown_unit')
      expect((await api.call(DISPATCHER, 'GET', '/api/admin/api-keys')).status).toBe(403)
      expect((await api.call(null, 'GET', '/api/admin/api-keys')).status).toBe(401)
      expect((await api.call(ADMIN, 'POST', '/api/admin/api-keys/not-a-uuid/revoke')).status).toBe(400)
      expect((await api.call(ADMIN, 'POST', `/api/admin/api-keys/${crypto.randomUUID()}/revoke`)).status).toBe(404)
    })

    it('a key reads incidents of its unit within incidents:read, counted per use; nothing a scope does not grant', async () => {
      const created = await api.registered()
      const r = await api.call(ADMIN, 'POST', '/api/admin/api-keys', { name: 'reader', unitCode: 'command_center', scopes: ['incidents:read'] })
      const key = r.body.key as string
      const list = await bearer(key, '/api/incidents')
      expect(list.status).toBe(200)
      expect((await jsonOf(list)).items.map((i: any) => i.code)).toContain(created)
      expect((await bearer(key, `/api/incidents/${created}`)).status).toBe(200)
      // Not granted: writes, admin, the signed-in user's own routes.
      expect((await bearer(key, '/api/incidents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(403)
      expect((await bearer(key, '/api/admin/users')).status).toBe(403)
      expect((await bearer(key, '/api/auth/me')).status).toBe(403)
      // A unit's key sees its unit only.
      const unitKey = 'test-unit-reader-0001'
      await issueKey(ctx.database, unitKey, { scopes: ['incidents:read'], unitCode: 'transport' })
      expect((await jsonOf(await bearer(unitKey, '/api/incidents'))).items).toEqual([])
      const [row] = await ctx.database.rows<any>(sql`SELECT use_count FROM api_token WHERE id = ${r.body.id}::uuid`)
      expect(Number(row.use_count)).toBe(5)
      // An Open311 key has no /api permission at all.
      await issueKey(ctx.database, 'test-o311-only-0001')
      expect((await bearer('test-o311-only-0001', '/api/incidents')).status).toBe(403)
    })

    it('rotates (new key, same settings, old one stops at once) and revokes (confirmed by 409 the second time), audited', async () => {
      const r = await api.call(ADMIN, 'POST', '/api/admin/api-keys', { name: 'crm', unitCode: 'command_center', scopes: ['incidents:read'], rateLimitPerMinute: 99 })
      const rot = await api.call(ADMIN, 'POST', `/api/admin/api-keys/${r.body.id}/rotate`)
      expect(rot.status).toBe(201)
      expect(rot.body).toMatchObject({ name: 'crm', scopes: ['incidents:read'], rateLimitPerMinute: 99, replacesId: r.body.id, active: true })
      expect(rot.body.key).not.toBe(r.body.key)
      expect((await bearer(r.body.key, '/api/incidents')).status).toBe(401)
      expect((await bearer(rot.body.key, '/api/incidents')).status).toBe(200)
      expect((await api.call(ADMIN, 'POST', `/api/admin/api-keys/${r.body.id}/rotate`)).status).toBe(409)
      const rev = await api.call(ADMIN, 'POST', `/api/admin/api-keys/${rot.body.id}/revoke`)
      expect(rev.status).toBe(200)
      expect(rev.body.active).toBe(false)
      expect(rev.body.revokedAt).toMatch(/\+08:00$/)
      expect((await bearer(rot.body.key, '/api/incidents')).status).toBe(401)
      const again = await api.call(ADMIN, 'POST', `/api/admin/api-keys/${rot.body.id}/revoke`)
      expect(again.status).toBe(409)
      expect(again.body.code).toBe('api_key_revoked')
      const actions = await ctx.database.rows<any>(sql`SELECT action FROM audit_log WHERE object_type = 'api_key' AND object_id IN (${r.body.id}, ${rot.body.id}) ORDER BY id`)
      expect(actions.map((a) => a.action)).toEqual(['api_key.create', 'api_key.rotate', 'api_key.revoke'])
    })

    it('a key over its per-minute limit gets 429 with Retry-After on /api too', async () => {
      await issueKey(ctx.database, 'test-rate-reader-0001', { scopes: ['incidents:read'], rateLimitPerMinute: 1 })
      const a = await bearer('test-rate-reader-0001', '/api/incidents')
      const b = await bearer('test-rate-reader-0001', '/api/incidents')
      // Two calls may straddle a minute boundary; then both pass.
      if (b.status === 429) {
        expect(a.status).toBe(200)
        expect(Number(b.headers.get('retry-after'))).toBeGreaterThan(0)
        expect((await jsonOf(b)).code).toBe('rate_limited')
      } else {
        expect(b.status).toBe(200)
      }
    })
  },
  seedFixture,
)
