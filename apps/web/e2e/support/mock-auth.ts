/**
 * The auth contract (notes/auth-contract.md) for the mock API: demo accounts, cookie sessions with a CSRF token,
 * lock-out, forced password change, admin users/units and an audit log — all in memory. Enough to develop and
 * browser-test the web app's sign-in and admin screens without the real server.
 */
import crypto from 'node:crypto'
import type http from 'node:http'
import { passwordIssues, permissionsOf, type UserRole } from '@hanjiang/shared'

const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'hanjiang-demo'
const MAX_FAILURES = 5
const LOCK_MS = 15 * 60_000

interface Unit { code: string; name: string; nameEn: string; kind: string; parentCode: string | null; regionCode: string | null; active: boolean }
interface User {
  id: string; username: string; displayName: string; unitCode: string; roles: UserRole[]
  areas: { code: string; name: string; level: string }[]; password: string; mustChangePassword: boolean
  disabled: boolean; failures: number; lockedUntil: number; lastLoginAt: string | null; createdAt: string
}
interface Session { userId: string; csrf: string }

type Send = (status: number, body?: unknown, headers?: Record<string, string>) => void

export function createMockAuth() {
  const units: Unit[] = [
    { code: 'command_center', name: '区数字城管中心', nameEn: 'Digital City Management Center', kind: 'command', parentCode: null, regionCode: null, active: true },
    { code: 'efficiency_office', name: '区效能办', nameEn: 'District Efficiency Office', kind: 'supervision', parentCode: null, regionCode: null, active: true },
    { code: 'city_admin', name: '区城市管理局', nameEn: 'City Administration Bureau', kind: 'department', parentCode: null, regionCode: null, active: true },
    { code: 'transport', name: '区交通运输局', nameEn: 'Transport Bureau', kind: 'department', parentCode: null, regionCode: null, active: true },
    { code: 'office_350303001', name: '涵东街道办事处', nameEn: 'Handong Street Office', kind: 'street_office', parentCode: null, regionCode: '350303001000', active: true },
  ]
  const at = new Date().toISOString()
  const mk = (username: string, displayName: string, unitCode: string, roles: UserRole[], areas: User['areas'] = []): User => ({
    id: crypto.randomUUID(), username, displayName, unitCode, roles, areas, password: DEMO_PASSWORD, mustChangePassword: false,
    disabled: false, failures: 0, lockedUntil: 0, lastLoginAt: null, createdAt: at,
  })
  const handong = [{ code: '350303001000', name: '涵东街道', level: 'street' }]
  const users: User[] = [
    mk('admin', '系统管理员', 'command_center', ['admin']),
    mk('dispatcher', '调度员 王敏', 'command_center', ['dispatcher']),
    mk('inspector', '监督员 陈静', 'command_center', ['inspector'], handong),
    mk('grid_admin', '网格管理员 黄伟', 'office_350303001', ['grid_admin'], handong),
    mk('handler', '处置员 郑强', 'city_admin', ['handler']),
    mk('handler.transport', '处置员 吴刚', 'transport', ['handler']),
    mk('unit_supervisor', '科长 蔡明', 'city_admin', ['unit_supervisor']),
    mk('efficiency_office', '效能办 周红', 'efficiency_office', ['efficiency_office']),
    mk('viewer', '领导（只读）', 'command_center', ['viewer']),
  ]
  const sessions = new Map<string, Session>()
  const audit: { id: number; at: string; actor: { id: string; username: string } | null; role: string | null; action: string; objectType: string | null; objectId: string | null; ip: string | null; userAgent: string | null; detail: unknown }[] = []

  const unitName = (code: string) => units.find((u) => u.code === code)?.name ?? code
  const meOf = (u: User) => ({
    id: u.id, username: u.username, displayName: u.displayName, unit: { code: u.unitCode, name: unitName(u.unitCode) },
    roles: u.roles, areas: u.areas, mustChangePassword: u.mustChangePassword,
    permissions: u.mustChangePassword ? [] : permissionsOf(u.roles),
  })
  const adminOf = (u: User) => {
    const { permissions: _p, ...me } = meOf(u)
    return { ...me, disabled: u.disabled, lockedUntil: u.lockedUntil > Date.now() ? new Date(u.lockedUntil).toISOString() : null, lastLoginAt: u.lastLoginAt, createdAt: u.createdAt }
  }
  const record = (req: http.IncomingMessage, actor: User | null, action: string, objectId: string | null, detail: unknown = null) =>
    audit.push({
      id: audit.length + 1, at: new Date().toISOString(), actor: actor ? { id: actor.id, username: actor.username } : null,
      role: actor?.roles[0] ?? null, action, objectType: 'user', objectId, ip: req.socket.remoteAddress ?? null,
      userAgent: req.headers['user-agent'] ?? null, detail,
    })

  function cookie(req: http.IncomingMessage, name: string): string | undefined {
    return new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(req.headers.cookie ?? '')?.[1]
  }
  const problem = (send: Send, status: number, code: string, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    send(status, { type: `https://hanjiang.example/problems/${code}`, title: code, status, detail, code, ...extra }, headers)

  /** Answers the auth/admin/audit routes; false for any other path. */
  function handle(req: http.IncomingMessage, body: unknown, path: string, query: URLSearchParams, send: Send): boolean {
    const method = req.method ?? 'GET'
    const b = (body ?? {}) as Record<string, unknown>
    const sid = cookie(req, 'hj_session')
    const session = sid ? sessions.get(sid) : undefined
    const user = session ? users.find((u) => u.id === session.userId && !u.disabled) : undefined

    if (method === 'POST' && path === '/api/auth/login') {
      const u = users.find((x) => x.username === String(b.username ?? '').trim().toLowerCase())
      if (u && u.lockedUntil > Date.now()) {
        const s = Math.ceil((u.lockedUntil - Date.now()) / 1000)
        return problem(send, 423, 'account_locked', `Try again in ${Math.ceil(s / 60)} minutes.`, { retryAfterSeconds: s }, { 'retry-after': String(s) }), true
      }
      if (!u || u.password !== b.password) {
        if (u && ++u.failures >= MAX_FAILURES) u.lockedUntil = Date.now() + LOCK_MS
        record(req, u ?? null, 'auth.login_failed', u?.id ?? null)
        return problem(send, 401, 'invalid_credentials', 'Wrong user name or password.'), true
      }
      if (u.disabled) return problem(send, 403, 'account_disabled', 'This account is disabled.'), true
      u.failures = 0
      u.lastLoginAt = new Date().toISOString()
      const id = crypto.randomBytes(24).toString('base64url')
      const csrf = crypto.randomBytes(24).toString('base64url')
      sessions.set(id, { userId: u.id, csrf })
      record(req, u, 'auth.login', u.id)
      send(200, { user: meOf(u), csrfToken: csrf }, {
        'set-cookie': [`hj_session=${id}; HttpOnly; SameSite=Strict; Path=/`, `hj_csrf=${csrf}; SameSite=Strict; Path=/`] as unknown as string,
      })
      return true
    }
    if (!path.startsWith('/api/auth/') && !path.startsWith('/api/admin/') && path !== '/api/audit') return false
    if (!user) return problem(send, 401, 'unauthenticated', 'Sign in first.'), true
    if (method !== 'GET' && req.headers['x-csrf-token'] !== session!.csrf) return problem(send, 403, 'csrf', 'X-CSRF-Token missing or wrong.'), true

    if (path === '/api/auth/me') return send(200, { user: meOf(user), csrfToken: session!.csrf }), true
    if (path === '/api/auth/logout' && method === 'POST') {
      sessions.delete(sid!)
      record(req, user, 'auth.logout', user.id)
      return send(204, undefined, { 'set-cookie': ['hj_session=; Max-Age=0; Path=/', 'hj_csrf=; Max-Age=0; Path=/'] as unknown as string }), true
    }
    if (path === '/api/auth/password' && method === 'POST') {
      if (b.currentPassword !== user.password) return problem(send, 422, 'wrong_password', 'The current password is wrong.', { errors: [{ path: 'currentPassword', message: 'wrong password' }] }), true
      const issues = passwordIssues(String(b.newPassword ?? ''), { username: user.username, current: user.password })
      if (issues.length) return problem(send, 422, 'password_rules', 'The new password breaks the rules.', { errors: issues.map((i) => ({ path: 'newPassword', message: i.message, code: i.code })) }), true
      user.password = String(b.newPassword)
      user.mustChangePassword = false
      record(req, user, 'auth.password_change', user.id)
      return send(204), true
    }
    if (user.mustChangePassword) return problem(send, 403, 'password_change_required', 'Change your password first.'), true
    const can = (p: string) => (permissionsOf(user.roles) as string[]).includes(p)

    if (path === '/api/audit') {
      if (!can('audit.read')) return problem(send, 403, 'forbidden', 'Your roles do not allow this.'), true
      const before = Number(query.get('before') ?? Infinity)
      const limit = Number(query.get('limit') ?? 100)
      const from = query.get('from'), to = query.get('to'), actor = query.get('actor'), action = query.get('action')
      const rows = audit
        .filter((e) => e.id < before && (!actor || e.actor?.username === actor) && (!action || e.action === action || (action.endsWith('.') && e.action.startsWith(action))))
        .filter((e) => (!from || e.at >= from) && (!to || e.at <= to))
        .reverse()
        .slice(0, limit)
      return send(200, { items: rows, nextBefore: rows.length === limit ? rows.at(-1)!.id : null }), true
    }
    if (path === '/api/admin/units' && method === 'GET') {
      if (!can('unit.read')) return problem(send, 403, 'forbidden', 'Your roles do not allow this.'), true
      return send(200, { items: units }), true
    }
    if (!can('user.manage')) return problem(send, 403, 'forbidden', 'Your roles do not allow this.'), true
    if (path === '/api/admin/units' && method === 'POST') {
      const u = { nameEn: '', parentCode: null, regionCode: null, active: true, ...b } as Unit
      if (units.some((x) => x.code === u.code)) return problem(send, 409, 'unit-exists', `Unit ${u.code} exists.`), true
      units.push(u)
      return send(201, u), true
    }
    const unitPatch = /^\/api\/admin\/units\/([^/]+)$/.exec(path)
    if (unitPatch && method === 'PATCH') {
      const u = units.find((x) => x.code === decodeURIComponent(unitPatch[1]!))
      if (!u) return problem(send, 404, 'unit-not-found', 'No such unit.'), true
      Object.assign(u, b)
      return send(200, u), true
    }
    if (path === '/api/admin/users' && method === 'GET') {
      const q = (query.get('q') ?? '').toLowerCase(), unit = query.get('unit'), role = query.get('role')
      const items = users
        .filter((u) => (!q || u.username.includes(q) || u.displayName.toLowerCase().includes(q)) && (!unit || u.unitCode === unit) && (!role || u.roles.includes(role as UserRole)))
        .sort((a, c) => a.username.localeCompare(c.username))
      return send(200, { items: items.map(adminOf) }), true
    }
    if (path === '/api/admin/users' && method === 'POST') {
      if (users.some((u) => u.username === String(b.username).toLowerCase())) return problem(send, 409, 'username-taken', 'That user name is taken.'), true
      const issues = passwordIssues(String(b.password ?? ''), { username: String(b.username) })
      if (issues.length) return problem(send, 422, 'password_rules', 'The password breaks the rules.', { errors: issues.map((i) => ({ path: 'password', message: i.message })) }), true
      const u = mk(String(b.username).toLowerCase(), String(b.displayName), String(b.unitCode), b.roles as UserRole[], ((b.areaCodes as string[]) ?? []).map((code) => ({ code, name: code, level: code.length === 15 ? 'grid' : 'street' })))
      u.password = String(b.password)
      u.mustChangePassword = true
      users.push(u)
      record(req, user, 'user.create', u.id, { roles: u.roles, unitCode: u.unitCode })
      return send(201, adminOf(u)), true
    }
    const userPath = /^\/api\/admin\/users\/([^/]+)(\/revoke-sessions)?$/.exec(path)
    const target = userPath ? users.find((u) => u.id === userPath[1]) : undefined
    if (userPath && !target) return problem(send, 404, 'user-not-found', 'No such user.'), true
    if (target && userPath![2] && method === 'POST') {
      let revoked = 0
      for (const [k, s] of sessions) if (s.userId === target.id) (sessions.delete(k), revoked++)
      record(req, user, 'user.revoke_sessions', target.id)
      return send(200, { revoked }), true
    }
    if (target && method === 'PATCH') {
      if (typeof b.displayName === 'string') target.displayName = b.displayName
      if (typeof b.unitCode === 'string') target.unitCode = b.unitCode
      if (Array.isArray(b.roles)) target.roles = b.roles as UserRole[]
      if (Array.isArray(b.areaCodes)) target.areas = (b.areaCodes as string[]).map((code) => target.areas.find((a) => a.code === code) ?? { code, name: code, level: 'street' })
      if (typeof b.disabled === 'boolean') target.disabled = b.disabled
      if (typeof b.password === 'string') {
        target.password = b.password
        target.mustChangePassword = true
      }
      if (b.disabled === true || typeof b.password === 'string') for (const [k, s] of sessions) if (s.userId === target.id) sessions.delete(k)
      record(req, user, 'user.update', target.id, Object.keys(b))
      return send(200, adminOf(target)), true
    }
    return problem(send, 404, 'route_not_found', `No API route at ${method} ${path}`), true
  }

  return { handle }
}
