import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { adminUser } from '../../testing/auth-fixtures.ts'
import { flush, freshPinia, mockFetch, mountApp } from '../../testing/utils.ts'
import UserForm from './UserForm.vue'

const units = [{ code: 'office_350303001', name: '涵东街道办事处', nameEn: '', kind: 'street_office' as const, parentCode: null, regionCode: null, active: true }]

beforeEach(() => freshPinia())
afterEach(() => vi.unstubAllGlobals())

describe('UserForm', () => {
  it('edits a user without touching the user name, and asks for areas for inspectors', async () => {
    const { fn } = mockFetch({ '/api/admin/users/': (_u, init) => ({ json: adminUser(JSON.parse(String(init?.body))) }) })
    const { wrapper } = await mountApp(UserForm, { path: '/forbidden', props: { user: adminUser(), units } })
    expect(wrapper.find('[data-testid=user-username]').attributes('disabled')).toBeDefined()
    expect(wrapper.find('[data-testid=user-password]').exists()).toBe(false)
    await wrapper.find('.chip-remove').trigger('click')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.text()).toContain('信息采集员和网格长须至少指定一个责任区域')
    expect(fn).not.toHaveBeenCalled()

    await wrapper.find('[data-role=inspector]').setValue(false)
    await wrapper.find('[data-role=viewer]').setValue(true)
    await wrapper.find('form').trigger('submit')
    await flush()
    expect(JSON.parse(String(fn.mock.calls[0]![1]!.body))).toEqual({
      displayName: '陈巡查',
      unitCode: 'office_350303001',
      roles: ['viewer'],
      areaCodes: [],
    })
    expect(wrapper.emitted('saved')).toHaveLength(1)
    wrapper.unmount()
  })

  it('shows the server’s field errors', async () => {
    mockFetch({
      '/api/admin/users': { status: 409, json: { title: 'Conflict', status: 409, detail: 'That user name is taken.', code: 'username-taken' } },
    })
    const { wrapper } = await mountApp(UserForm, { path: '/forbidden', props: { user: null, units } })
    await wrapper.find('[data-testid=user-username]').setValue('dispatcher')
    await wrapper.find('[data-testid=user-display-name]').setValue('重名')
    await wrapper.find('[data-testid=user-unit]').setValue('office_350303001')
    await wrapper.find('[data-role=dispatcher]').setValue(true)
    await wrapper.find('[data-testid=user-password]').setValue('Harbour-Lights-7')
    await wrapper.find('form').trigger('submit')
    await flush()
    await flush()
    expect(wrapper.find('[data-testid=user-form-error]').text()).toBe('That user name is taken.')
    wrapper.unmount()
  })
})
