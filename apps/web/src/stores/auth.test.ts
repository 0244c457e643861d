import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { csrfToken, setCsrfToken } from '../api/client.ts'
import { me, problem } from '../testing/auth-fixtures.ts'
import { freshPinia, mockFetch } from '../testing/utils.ts'
import { useAuthStore } from './auth.ts'

beforeEach(() => freshPinia())
afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('auth store', () => {
  it('asks who is signed in once, keeps the CSRF token and answers permission questions', async () => {
    const { calls } = mockFetch({ '/api/auth/me': { json: { user: me('dispatcher'), csrfToken: 'c1' } } })
    const auth = useAuthStore()
    const [a, b] = await Promise.all([auth.ensureLoaded(), auth.ensureLoaded()])
    expect(a?.username).toBe('dispatcher')
    expect(b).toBe(a)
    await auth.ensureLoaded()
    expect(calls).toEqual(['/api/auth/me'])
    expect(csrfToken()).toBe('c1')
    expect(auth.can('incident.dispatch')).toBe(true)
    expect(auth.can('user.manage')).toBe(false)
    expect(auth.can()).toBe(true)
  })

  it('treats 401 as signed out, and asks again after any other failure', async () => {
    mockFetch({ '/api/auth/me': problem(401, 'unauthenticated') })
    const auth = useAuthStore()
    expect(await auth.ensureLoaded()).toBeNull()
    expect(auth.known).toBe(true)
    expect(auth.loadError).toBeNull()

    freshPinia()
    const { calls } = mockFetch({ '/api/auth/me': new TypeError('Failed to fetch') })
    const again = useAuthStore()
    expect(await again.ensureLoaded()).toBeNull()
    expect(again.loadError).toBeTruthy()
    await again.ensureLoaded()
    expect(calls).toHaveLength(2)
  })

  it('signs in, signs out (forgetting the session even if the server fails) and changes the password', async () => {
    let changed = false
    const { fn } = mockFetch({
      '/api/auth/login': { json: { user: me('admin', { mustChangePassword: true, permissions: [] }), csrfToken: 'c2' } },
      '/api/auth/password': () => ((changed = true), { status: 204 }),
      '/api/auth/me': () => ({ json: { user: me('admin', { mustChangePassword: !changed }), csrfToken: 'c2' } }),
      '/api/auth/logout': { status: 500, json: { title: 'boom', status: 500 } },
    })
    const auth = useAuthStore()
    const user = await auth.login('  admin ', 'pw')
    expect(user.mustChangePassword).toBe(true)
    const body = JSON.parse(String(fn.mock.calls[0]![1]!.body))
    expect(body).toEqual({ username: 'admin', password: 'pw' })

    await auth.changePassword('pw', 'New-Password-2026')
    expect(JSON.parse(String(fn.mock.calls[1]![1]!.body))).toEqual({ currentPassword: 'pw', newPassword: 'New-Password-2026' })
    expect((fn.mock.calls[1]![1]!.headers as Record<string, string>)['X-CSRF-Token']).toBe('c2')
    expect(auth.user?.mustChangePassword).toBe(false)
    expect(auth.can('user.manage')).toBe(true)

    await auth.logout()
    expect(auth.user).toBeNull()
    expect(csrfToken()).toBeNull()
  })

  it('withdraws every permission while a password change is pending', () => {
    const auth = useAuthStore()
    auth.user = me('admin')
    auth.requirePasswordChange()
    expect(auth.user.mustChangePassword).toBe(true)
    expect(auth.can('user.manage')).toBe(false)
  })
})
