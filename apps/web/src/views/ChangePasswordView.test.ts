import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { me, problem, signIn } from '../testing/auth-fixtures.ts'
import { flush, freshPinia, mockFetch, mountApp } from '../testing/utils.ts'
import ChangePasswordView from './ChangePasswordView.vue'

beforeEach(() => {
  freshPinia()
  signIn(me('dispatcher', { mustChangePassword: true, permissions: [] }))
})
afterEach(() => vi.unstubAllGlobals())

type W = Awaited<ReturnType<typeof mountApp>>['wrapper']
const met = (w: W) => Object.fromEntries(w.findAll('[data-rule]').map((li) => [li.attributes('data-rule'), li.attributes('data-met') === 'true']))

describe('ChangePasswordView', () => {
  it('shows the rules live and enables saving once all are met', async () => {
    mockFetch({})
    const { wrapper } = await mountApp(ChangePasswordView, { path: '/password' })
    expect(wrapper.find('[data-testid=password-notice]').text()).toContain('请先设置新密码')
    await wrapper.find('[data-testid=password-current]').setValue('hanjiang-demo')
    await wrapper.find('[data-testid=password-new]').setValue('short')
    expect(met(wrapper)).toMatchObject({ length: false, kinds: false, match: false })
    expect(wrapper.find('[data-testid=password-submit]').attributes('disabled')).toBeDefined()
    await wrapper.find('[data-testid=password-new]').setValue('Harbour-Lights-7')
    await wrapper.find('[data-testid=password-confirm]').setValue('Harbour-Lights-7')
    expect(Object.values(met(wrapper)).every(Boolean)).toBe(true)
    expect(wrapper.find('[data-testid=password-submit]').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })

  it('saves, refreshes who is signed in and returns to the page asked for', async () => {
    let changed = false
    mockFetch({
      '/api/auth/password': () => ((changed = true), { status: 204 }),
      '/api/auth/me': () => ({ json: { user: me('dispatcher', { mustChangePassword: !changed }), csrfToken: 'c' } }),
    })
    const { wrapper, router } = await mountApp(ChangePasswordView, { path: '/password?redirect=/about' })
    await wrapper.find('[data-testid=password-current]').setValue('hanjiang-demo')
    await wrapper.find('[data-testid=password-new]').setValue('Harbour-Lights-7')
    await wrapper.find('[data-testid=password-confirm]').setValue('Harbour-Lights-7')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/about'), { timeout: 15_000 })
    wrapper.unmount()
  })

  it('says when the current password is wrong', async () => {
    mockFetch({ '/api/auth/password': problem(422, 'wrong_password', { errors: [{ path: 'currentPassword', message: 'wrong password' }] }) })
    const { wrapper } = await mountApp(ChangePasswordView, { path: '/password' })
    await wrapper.find('[data-testid=password-current]').setValue('nope')
    await wrapper.find('[data-testid=password-new]').setValue('Harbour-Lights-7')
    await wrapper.find('[data-testid=password-confirm]').setValue('Harbour-Lights-7')
    await wrapper.find('form').trigger('submit')
    await flush()
    await flush()
    expect(wrapper.find('[data-testid=password-error]').text()).toBe('当前密码不正确。')
    wrapper.unmount()
  })

  it('offers signing out instead while the change is forced', async () => {
    const { calls } = mockFetch({ '/api/auth/logout': { status: 204 } })
    const { wrapper, router } = await mountApp(ChangePasswordView, { path: '/password' })
    expect(wrapper.find('[data-testid=password-leave]').text()).toBe('退出登录')
    await wrapper.find('[data-testid=password-leave]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'), { timeout: 15_000 })
    expect(calls).toContain('/api/auth/logout')
    wrapper.unmount()
  })
})
