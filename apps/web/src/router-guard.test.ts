import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { createApiClient } from './api/client.ts'
import { me, problem } from './testing/auth-fixtures.ts'
import { freshPinia, mockFetch } from './testing/utils.ts'
import { installAuthGuard, safeReturnPath } from './router-guard.ts'

const Empty = { render: () => null }
const routes = [
  { path: '/', redirect: '/map' },
  { path: '/map', name: 'map', component: Empty, meta: { permission: 'map.read' } },
  { path: '/admin/users', name: 'admin-users', component: Empty, meta: { permission: 'user.manage' } },
  { path: '/login', name: 'login', component: Empty, meta: { public: true } },
  { path: '/password', name: 'change-password', component: Empty, meta: { chrome: false } },
  { path: '/forbidden', name: 'forbidden', component: Empty },
  { path: '/report', name: 'public-report', component: Empty, meta: { public: true } },
]

let router: Router
let uninstall: (() => void) | undefined
function setup(answer: Parameters<typeof mockFetch>[0][string]) {
  freshPinia()
  const mock = mockFetch({ '/api/auth/me': answer })
  router = createRouter({ history: createMemoryHistory(), routes })
  uninstall = installAuthGuard(router)
  return mock
}
afterEach(() => {
  uninstall?.()
  vi.unstubAllGlobals()
})

describe('safeReturnPath', () => {
  it('keeps only paths of this app', () => {
    expect(safeReturnPath('/incidents/A1?x=1')).toBe('/incidents/A1?x=1')
    expect(safeReturnPath('//evil.example/x')).toBe('/')
    expect(safeReturnPath('https://evil.example')).toBe('/')
    expect(safeReturnPath('/login?redirect=/x')).toBe('/')
    expect(safeReturnPath(undefined)).toBe('/')
  })
})

describe('auth guard', () => {
  it('sends a visitor without a session to the sign-in page, keeping the way back', async () => {
    setup(problem(401, 'unauthenticated'))
    await router.push('/admin/users?q=lin')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/admin/users?q=lin')
  })

  it('lets anyone reach the public pages without asking the server', async () => {
    const { calls } = setup(problem(401, 'unauthenticated'))
    await router.push('/report')
    expect(router.currentRoute.value.name).toBe('public-report')
    expect(calls).toEqual([])
  })

  it('opens screens the permissions allow and says "not allowed" otherwise', async () => {
    setup({ json: { user: me('dispatcher'), csrfToken: 'c' } })
    await router.push('/map')
    expect(router.currentRoute.value.name).toBe('map')
    await router.push('/admin/users')
    expect(router.currentRoute.value.name).toBe('forbidden')
    expect(router.currentRoute.value.query).toMatchObject({ need: 'user.manage', path: '/admin/users' })
  })

  it('holds a user with a pending password change on the change-password page', async () => {
    setup({ json: { user: me('admin', { mustChangePassword: true, permissions: [] }), csrfToken: 'c' } })
    await router.push('/map')
    expect(router.currentRoute.value.name).toBe('change-password')
    expect(router.currentRoute.value.query.redirect).toBe('/map')
  })

  it('moves a signed-in user on from the sign-in page to where they were going', async () => {
    setup({ json: { user: me('dispatcher'), csrfToken: 'c' } })
    await router.push('/login?redirect=/map')
    expect(router.currentRoute.value.fullPath).toBe('/map')
  })

  it('goes to the sign-in page when any request finds the session gone', async () => {
    setup({ json: { user: me('dispatcher'), csrfToken: 'c' } })
    await router.push('/map')
    mockFetch({ '/api/incidents': problem(401, 'unauthenticated') })
    await createApiClient().get('/api/incidents').catch(() => {})
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'))
    expect(router.currentRoute.value.query).toMatchObject({ redirect: '/map', expired: '1' })
  })

  it('goes to the change-password page when a request says a change is required', async () => {
    setup({ json: { user: me('dispatcher'), csrfToken: 'c' } })
    await router.push('/map')
    mockFetch({ '/api/incidents': problem(403, 'password_change_required') })
    await createApiClient().get('/api/incidents').catch(() => {})
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('change-password'))
  })
})

