import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from '../api/client.ts'
import { me, problem } from '../testing/auth-fixtures.ts'
import { flush, freshPinia, mockFetch, mountApp } from '../testing/utils.ts'
import { useAuthStore } from '../stores/auth.ts'
import LoginView from './LoginView.vue'

beforeEach(() => freshPinia())
afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

async function fill(wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper'], username: string, password: string) {
  await wrapper.find('[data-testid=login-username]').setValue(username)
  await wrapper.find('[data-testid=login-password]').setValue(password)
  await wrapper.find('form').trigger('submit')
  await flush()
  await flush()
}

describe('LoginView', () => {
  it('signs in on submit (Enter) and goes back to where the user was going', async () => {
    const { fn } = mockFetch({ '/api/auth/login': { json: { user: me('dispatcher'), csrfToken: 'c' } } })
    const { wrapper, router } = await mountApp(LoginView, { path: '/login?redirect=/about', attachTo: document.body })
    expect(document.activeElement).toBe(wrapper.find('[data-testid=login-username]').element)
    await fill(wrapper, 'dispatcher', 'hanjiang-demo')
    expect(JSON.parse(String(fn.mock.calls[0]![1]!.body))).toEqual({ username: 'dispatcher', password: 'hanjiang-demo' })
    expect(useAuthStore().user?.username).toBe('dispatcher')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/about'), { timeout: 15_000 })
    wrapper.unmount()
  })

  it('says what is missing before asking the server', async () => {
    const { fn } = mockFetch({})
    const { wrapper } = await mountApp(LoginView, { path: '/login' })
    await fill(wrapper, 'dispatcher', '')
    expect(wrapper.find('[data-testid=login-error]').text()).toBe('请输入用户名和密码。')
    expect(fn).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('explains wrong credentials, the network throttle with the minutes to wait, and a disabled account', async () => {
    let answer = problem(401, 'invalid-credentials')
    mockFetch({ '/api/auth/login': () => answer })
    const { wrapper } = await mountApp(LoginView, { path: '/login' })
    await fill(wrapper, 'dispatcher', 'wrong')
    expect(wrapper.find('[data-testid=login-error]').text()).toBe('用户名或密码错误。')
    expect((wrapper.find('[data-testid=login-password]').element as HTMLInputElement).value).toBe('')

    answer = problem(429, 'too_many_sign_in_attempts', { retryAfterSeconds: 870 })
    await fill(wrapper, 'dispatcher', 'wrong')
    expect(wrapper.find('[data-testid=login-error]').text()).toBe('本网络登录失败次数过多，暂时无法登录，请 15 分钟后再试。')

    answer = problem(403, 'account-disabled')
    await fill(wrapper, 'dispatcher', 'x')
    expect(wrapper.find('[data-testid=login-error]').text()).toBe('该账号已停用，请联系系统管理员。')
    wrapper.unmount()
  })

  it('sends a user who must change the password to the change-password page', async () => {
    mockFetch({ '/api/auth/login': { json: { user: me('admin', { mustChangePassword: true, permissions: [] }), csrfToken: 'c' } } })
    const { wrapper, router } = await mountApp(LoginView, { path: '/login?redirect=/audit' })
    await fill(wrapper, 'newbie', 'Temp-Password-1')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('change-password'), { timeout: 15_000 })
    expect(router.currentRoute.value.query.redirect).toBe('/audit')
    wrapper.unmount()
  })

  it('explains the per-network sign-in throttle in English too', async () => {
    mockFetch({ '/api/auth/login': () => problem(429, 'too_many_sign_in_attempts', { retryAfterSeconds: 30 }) })
    const { wrapper } = await mountApp(LoginView, { path: '/login', locale: 'en' })
    await fill(wrapper, 'dispatcher', 'wrong')
    expect(wrapper.find('[data-testid=login-error]').text()).toBe('Too many failed sign-ins from this network: signing in is paused. Try again in a minute.')
    wrapper.unmount()
    mockFetch({ '/api/auth/login': () => problem(429, 'too_many_sign_in_attempts', { retryAfterSeconds: 601 }) })
    const again = await mountApp(LoginView, { path: '/login', locale: 'en' })
    await fill(again.wrapper, 'dispatcher', 'wrong')
    expect(again.wrapper.find('[data-testid=login-error]').text()).toBe('Too many failed sign-ins from this network: signing in is paused. Try again in 11 minutes.')
    again.wrapper.unmount()
  })

  it('says why the user is here after an expired session, in English too', async () => {
    mockFetch({})
    const { wrapper } = await mountApp(LoginView, { path: '/login?expired=1', locale: 'en' })
    expect(wrapper.find('[data-testid=login-notice]').text()).toBe('Your session expired or was ended elsewhere. Please sign in again.')
    expect(wrapper.find('[data-testid=login-submit]').text()).toBe('Sign in')
    wrapper.unmount()
  })
})

describe('LoginView when the server cannot be reached', () => {
  it('says so before anything is typed', async () => {
    mockFetch({ '/api/auth/me': new TypeError('Failed to fetch') })
    await useAuthStore().ensureLoaded()
    const { wrapper } = await mountApp(LoginView, { path: '/login' })
    expect(wrapper.find('[data-testid=login-error]').text()).toBe('无法连接服务器，请检查网络或稍后重试。')
    wrapper.unmount()
  })
})
