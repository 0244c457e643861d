import { expect, it } from 'vitest'
import { permissionsOf, USER_ROLES, type UserRole } from '@hanjiang/shared'
import { ROUTE_RULES, ruleFor, type RouteRule } from '../src/auth/route-rules.ts'
import { seedFixture, testApp } from './app.ts'
import { signIn, type Session } from './auth.ts'
import { describeEachEngine } from './engines.ts'

/**
 * The role × route matrix: every route the real app registers, called by an anonymous client and by a
 * user of each role, must be allowed or denied exactly as its rule in src/auth/route-rules.ts says. A route
 * without a rule fails here (and is denied at run time).
 */

const PARAMS: Record<string, string> = {
  code: '350303001000',
  id: '00000000-0000-4000-8000-000000000000',
  action: 'register',
  unit: 'city_admin',
}

function apiRoutes(app: { routes: { method: string; path: string }[] }): { method: string; path: string }[] {
  const seen = new Set<string>()
  const out: { method: string; path: string }[] = []
  for (const r of app.routes) {
    // `use` middleware and the /api/* 404 fallback register as ALL; the SPA shell lives outside /api. The Open311
    // server (/open311/v2) sits behind the same route table.
    if (r.method === 'ALL' || !(r.path.startsWith('/api/') || r.path.startsWith('/open311/'))) continue
    const key = `${r.method} ${r.path}`
    if (!seen.has(key)) {
      seen.add(key)
      out.push({ method: r.method, path: r.path })
    }
  }
  // Sign-out last: it ends the session the other calls use.
  return out.sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'))
}

const concrete = (path: string) => path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(PARAMS[name] ?? 'x'))

type Who = UserRole | 'anonymous'

function expected(rule: RouteRule, who: Who): 'allowed' | 'unauthenticated' | 'forbidden' {
  if (rule.access === 'public') return 'allowed'
  if (who === 'anonymous') return 'unauthenticated'
  if (rule.access === 'signedIn') return 'allowed'
  return permissionsOf([who]).includes(rule.permission) ? 'allowed' : 'forbidden'
}

describeEachEngine('auth: role × route matrix', (ctx) => {
  const app = () => testApp(ctx.database)

  it('every registered API route has a rule, and every rule a route', () => {
    const routes = apiRoutes(app())
    const missing = routes.filter((r) => !ruleFor(r.method, r.path)).map((r) => `${r.method} ${r.path}`)
    expect(missing, 'routes without a rule in src/auth/route-rules.ts').toEqual([])
    const registered = new Set(routes.map((r) => `${r.method} ${r.path}`))
    expect(Object.keys(ROUTE_RULES).filter((k) => !registered.has(k)), 'rules without a route').toEqual([])
  })

  it('allows and denies each route for anonymous callers and each role exactly as its rule says', async () => {
    const routes = apiRoutes(app())
    const sessions = new Map<Who, Session | null>([['anonymous', null]])
    for (const role of USER_ROLES) sessions.set(role, await signIn(app(), ctx.database, { role, username: `matrix-${role}` }))
    const mismatches: string[] = []
    let cells = 0
    for (const route of routes) {
      const rule = ruleFor(route.method, route.path)!
      for (const [who, session] of sessions) {
        const unsafe = route.method !== 'GET'
        const res = await app().request(concrete(route.path), {
          method: route.method,
          headers: { ...(session?.headers ?? {}), ...(unsafe ? { 'content-type': 'application/json' } : {}) },
          body: unsafe ? '{}' : undefined,
        })
        let outcome: 'allowed' | 'unauthenticated' | 'forbidden' = 'allowed'
        if (res.status === 401 || res.status === 403) {
          const body = (await res.json().catch(() => ({}))) as { code?: string }
          if (body.code === 'unauthenticated') outcome = 'unauthenticated'
          else if (body.code === 'forbidden') outcome = 'forbidden'
          else if (body.code === 'csrf' || body.code === 'password_change_required') outcome = 'forbidden'
        } else {
          await res.body?.cancel() // event streams never end
        }
        cells++
        const want = expected(rule, who)
        if (outcome !== want) mismatches.push(`${route.method} ${route.path} as ${who}: ${outcome} (${res.status}), rule says ${want}`)
      }
    }
    expect(mismatches).toEqual([])
    expect(cells).toBe(routes.length * (USER_ROLES.length + 1))
    console.log(`role × route matrix: ${routes.length} routes × ${USER_ROLES.length + 1} callers = ${cells} cells`)
  }, 300_000)

  it('spot checks: the sensitive routes are closed to the roles that must not have them', () => {
    const denied = (key: string, roles: UserRole[]) => {
      const [method, path] = key.split(' ') as [string, string]
      for (const role of roles) expect(expected(ruleFor(method, path)!, role), `${key} as ${role}`).toBe('forbidden')
    }
    denied('GET /api/admin/users', ['dispatcher', 'inspector', 'grid_admin', 'handler', 'unit_supervisor', 'efficiency_office', 'viewer'])
    denied('GET /api/audit', ['dispatcher', 'inspector', 'grid_admin', 'handler', 'unit_supervisor', 'viewer'])
    denied('POST /api/incidents/:code/reporter/reveal', ['inspector', 'grid_admin', 'handler', 'unit_supervisor', 'efficiency_office', 'viewer'])
    denied('POST /api/regions', ['dispatcher', 'inspector', 'handler', 'unit_supervisor', 'efficiency_office', 'viewer'])
    denied('POST /api/region-changes', ['dispatcher', 'inspector', 'handler', 'unit_supervisor', 'efficiency_office', 'viewer'])
    // Grid admins submit change sets; only admins approve or reject them (docs/GRID-EDITOR.md).
    denied('POST /api/region-changes/:id/approve', ['dispatcher', 'inspector', 'grid_admin', 'handler', 'unit_supervisor', 'efficiency_office', 'viewer'])
    denied('POST /api/region-changes/:id/reject', ['dispatcher', 'inspector', 'grid_admin', 'handler', 'unit_supervisor', 'efficiency_office', 'viewer'])
    denied('POST /api/incidents/:code/actions/:action', ['viewer', 'efficiency_office', 'grid_admin', 'admin'])
    denied('POST /api/incidents', ['viewer', 'efficiency_office', 'grid_admin', 'unit_supervisor', 'admin'])
    for (const key of ['GET /api/incidents', 'GET /api/events', 'GET /api/incidents/map', 'GET /api/admin/units']) {
      expect(expected(ruleFor(...(key.split(' ') as [string, string]))!, 'anonymous'), key).toBe('unauthenticated')
    }
  })
}, seedFixture)
