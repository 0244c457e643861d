import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { me, signIn } from '../testing/auth-fixtures.ts'
import { freshPinia, mockFetch, mountApp } from '../testing/utils.ts'
import { useAuthStore } from '../stores/auth.ts'
import UserMenu from './UserMenu.vue'

beforeEach(() => {
  freshPinia()
  signIn(me('dispatcher', { roles: ['dispatcher', 'viewer'] }))
})
afterEach(() => vi.unstubAllGlobals())

describe('UserMenu', () => {
  it('shows name, unit and roles, closes on Esc, and signs out to the sign-in page', async () => {
    const { calls } = mockFetch({ '/api/auth/logout': { status: 204 } })
    const { wrapper, router } = await mountApp(UserMenu, { path: '/forbidden', attachTo: document.body })
    expect(wrapper.find('[data-testid=user-menu-name]').text()).toBe('林调度')
    await wrapper.find('[data-testid=user-menu]').trigger('click')
    expect(wrapper.find('[data-testid=user-roles]').text()).toBe('指挥中心坐席领导（只读）')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    await wrapper.vm.$nextTick()
    expect(wrapper.find('[data-testid=user-menu-panel]').exists()).toBe(false)

    await wrapper.find('[data-testid=user-menu]').trigger('click')
    await wrapper.find('[data-testid=logout]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'), { timeout: 15_000 })
    expect(calls).toEqual(['/api/auth/logout'])
    expect(useAuthStore().user).toBeNull()
    wrapper.unmount()
  }, 30_000)

  it('shows nothing when nobody is signed in', async () => {
    signIn(null)
    const { wrapper } = await mountApp(UserMenu, { path: '/forbidden' })
    expect(wrapper.find('[data-testid=user-menu]').exists()).toBe(false)
    wrapper.unmount()
  }, 30_000)
})
