import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { me, signIn } from '../../testing/auth-fixtures.ts'
import { flush, freshPinia, mockFetch, mountApp } from '../../testing/utils.ts'
import SignInLimits from './SignInLimits.vue'

const office = {
  address: '203.0.113.10',
  failures: 20,
  throttled: true,
  windowStart: '2026-03-02T10:00:00+08:00',
  windowEndsAt: '2026-03-02T10:15:00+08:00',
}
const six = { ...office, address: '2001:db8:aa:1::/64' }
const failing = { ...office, address: '203.0.113.11', failures: 3, throttled: false }
const list = (items: unknown[]) => ({ json: { maxFailures: 20, windowMinutes: 15, items } })

beforeEach(() => {
  freshPinia()
  signIn(me('admin'))
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const settle = async () => {
  await new Promise((r) => setTimeout(r, 20))
  await flush()
}

describe('SignInLimits', () => {
  it('lists the limited addresses with their times in Shanghai time, and says when there are none', async () => {
    mockFetch({ '/api/admin/sign-in-throttle': list([office, six, failing]) })
    const { wrapper } = await mountApp(SignInLimits, { path: '/admin/users' })
    await settle()
    expect(wrapper.find('h2').text()).toBe('登录限制')
    const rows = wrapper.findAll('tbody tr')
    expect(rows.map((r) => r.attributes('data-address'))).toEqual(['203.0.113.10', '2001:db8:aa:1::/64']) // not the one only failing
    expect(rows[0]!.text()).toContain('20')
    expect(rows[0]!.text()).toContain('10:00')
    expect(rows[0]!.text()).toContain('10:15')
    expect(rows[0]!.find('[data-action=clear-limit]').text()).toBe('解除')
    wrapper.unmount()

    mockFetch({ '/api/admin/sign-in-throttle': list([failing]) })
    const empty = (await mountApp(SignInLimits, { path: '/admin/users', locale: 'en' })).wrapper
    await settle()
    expect(empty.find('h2').text()).toBe('Sign-in limits')
    expect(empty.find('[data-testid=sign-in-limits-empty]').text()).toBe('No address is limited')
    expect(empty.find('table').exists()).toBe(false)
    empty.unmount()
  })

  it('clears an address after confirmation (busy while it runs), and the row goes', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true)
    let release!: () => void
    const { fn } = mockFetch({
      '/api/admin/sign-in-throttle/': () => new Promise((r) => (release = () => r({ status: 204 }))),
      '/api/admin/sign-in-throttle': list([office, six]),
    })
    const { wrapper } = await mountApp(SignInLimits, { path: '/admin/users' })
    await settle()
    await wrapper.find('[data-address="2001:db8:aa:1::/64"] [data-action=clear-limit]').trigger('click')
    await flush()
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('2001:db8:aa:1::/64'))
    const busy = wrapper.find('[data-address="2001:db8:aa:1::/64"] [data-action=clear-limit]')
    expect(busy.text()).toBe('正在解除…')
    expect(busy.attributes('aria-busy')).toBe('true')
    expect(wrapper.findAll('[data-action=clear-limit]').every((b) => b.attributes('disabled') !== undefined)).toBe(true)
    release()
    await settle()
    const del = fn.mock.calls.find((c) => c[1]?.method === 'DELETE')!
    expect(String(del[0])).toBe('/api/admin/sign-in-throttle/2001%3Adb8%3Aaa%3A1%3A%3A%2F64')
    expect(wrapper.findAll('tbody tr').map((r) => r.attributes('data-address'))).toEqual(['203.0.113.10'])
    expect(wrapper.find('[data-testid=sign-in-limits-toast]').text()).toBe('已解除 2001:db8:aa:1::/64 的登录限制。')
    wrapper.unmount()
  })

  it('does nothing when the confirmation is declined, and shows the error when clearing fails', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false)
    let items = [office]
    const { fn } = mockFetch({
      '/api/admin/sign-in-throttle/': () => {
        items = []
        return { status: 404, json: { type: 'about:blank', title: 'Not found', status: 404, code: 'sign_in_throttle_not_found', detail: 'No sign-in limit on 203.0.113.10' } }
      },
      '/api/admin/sign-in-throttle': () => list(items),
    })
    const { wrapper } = await mountApp(SignInLimits, { path: '/admin/users' })
    await settle()
    await wrapper.find('[data-action=clear-limit]').trigger('click')
    await settle()
    expect(fn.mock.calls.some((c) => c[1]?.method === 'DELETE')).toBe(false)

    confirm.mockReturnValue(true)
    await wrapper.find('[data-action=clear-limit]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid=sign-in-limits-error]').exists()).toBe(true)
    // The list is read again: the address is no longer limited.
    expect(wrapper.find('[data-testid=sign-in-limits-empty]').exists()).toBe(true)
    wrapper.unmount()
  })
})
