import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { adminUser, me, signIn } from '../../testing/auth-fixtures.ts'
import { flush, freshPinia, mockFetch, mountApp } from '../../testing/utils.ts'
import UsersView from './UsersView.vue'

const units = { json: { items: [{ code: 'command_center', name: '区城市管理指挥中心', nameEn: '', kind: 'command', parentCode: null, regionCode: null, active: true }] } }

beforeEach(() => {
  freshPinia()
  signIn(me('admin'))
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const settle = async () => {
  await new Promise((r) => setTimeout(r, 300))
  await flush()
}

describe('UsersView', () => {
  it('lists the users with unit, roles, areas and status, and filters on the server', async () => {
    const { calls } = mockFetch({
      '/api/admin/units': units,
      '/api/admin/users': (url) => ({
        json: { items: url.searchParams.get('role') === 'admin' ? [] : [adminUser(), adminUser({ id: '2', username: 'old', disabled: true, mustChangePassword: true, lastLoginAt: null, areas: [] })] },
      }),
    })
    const { wrapper } = await mountApp(UsersView, { path: '/admin/users' })
    await settle()
    const rows = wrapper.findAll('tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.text()).toContain('inspector.handong')
    expect(rows[0]!.text()).toContain('信息采集员')
    expect(rows[0]!.text()).toContain('涵东街道')
    expect(rows[0]!.text()).toContain('正常')
    expect(rows[1]!.text()).toContain('已停用')
    expect(rows[1]!.text()).toContain('待改密')
    expect(rows[1]!.text()).toContain('从未登录')

    await wrapper.find('[data-testid=user-search]').setValue('陈')
    await wrapper.find('[data-testid=user-filter-role]').setValue('admin')
    await settle()
    expect(calls.at(-1)).toBe('/api/admin/users?q=%E9%99%88&role=admin')
    expect(wrapper.find('[data-testid=users-empty]').text()).toBe('没有符合条件的用户。')
    wrapper.unmount()
  })

  it('creates a user with roles, unit and password, and shows the new row', async () => {
    const { fn } = mockFetch({
      '/api/admin/units': units,
      '/api/admin/users': (_url, init) =>
        init?.method === 'POST'
          ? { status: 201, json: adminUser({ id: '9', username: 'lin.new', displayName: '林新', roles: ['dispatcher'], areas: [], mustChangePassword: true }) }
          : { json: { items: [] } },
    })
    const { wrapper } = await mountApp(UsersView, { path: '/admin/users', attachTo: document.body })
    await settle()
    await wrapper.find('[data-testid=user-create]').trigger('click')
    // Saving without the required fields says what is missing.
    await wrapper.find('[data-testid=user-form]').trigger('submit')
    expect(wrapper.find('[data-testid=user-form]').text()).toContain('请至少选择一个角色')
    await wrapper.find('[data-testid=user-username]').setValue('lin.new')
    await wrapper.find('[data-testid=user-display-name]').setValue('林新')
    await wrapper.find('[data-testid=user-unit]').setValue('command_center')
    await wrapper.find('[data-role=dispatcher]').setValue(true)
    await wrapper.find('[data-testid=user-password]').setValue('Harbour-Lights-7')
    await wrapper.find('[data-testid=user-form]').trigger('submit')
    await settle()
    const post = fn.mock.calls.find((c) => c[1]?.method === 'POST')!
    expect(JSON.parse(String(post[1]!.body))).toEqual({
      displayName: '林新',
      unitCode: 'command_center',
      roles: ['dispatcher'],
      areaCodes: [],
      username: 'lin.new',
      password: 'Harbour-Lights-7',
    })
    expect(wrapper.find('[data-testid=admin-toast]').text()).toBe('已创建用户 lin.new。')
    expect(wrapper.find('[data-username="lin.new"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=admin-dialog]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('disables after confirmation, ends sessions and resets the password', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true)
    const { fn } = mockFetch({
      '/api/admin/units': units,
      '/api/admin/users/': (url, init) =>
        url.pathname.endsWith('/revoke-sessions')
          ? { json: { revoked: 2 } }
          : { json: adminUser({ ...JSON.parse(String(init?.body)), ...(JSON.parse(String(init?.body)).password ? { mustChangePassword: true } : {}) }) },
      '/api/admin/users': { json: { items: [adminUser()] } },
    })
    const { wrapper } = await mountApp(UsersView, { path: '/admin/users', attachTo: document.body })
    await settle()
    await wrapper.find('[data-action=toggle]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid=admin-toast]').text()).toBe('已停用 inspector.handong。')
    expect(wrapper.find('tbody tr').text()).toContain('已停用')

    await wrapper.find('[data-action=revoke]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid=admin-toast]').text()).toBe('已使 inspector.handong 的 2 个会话下线。')

    await wrapper.find('[data-action=reset]').trigger('click')
    await wrapper.find('[data-testid=reset-password]').setValue('Temporary-Pass-9')
    await wrapper.find('[data-testid=reset-form]').trigger('submit')
    await settle()
    const patches = fn.mock.calls.filter((c) => c[1]?.method === 'PATCH').map((c) => JSON.parse(String(c[1]!.body)))
    expect(patches).toEqual([{ disabled: true }, { password: 'Temporary-Pass-9' }])
    expect(wrapper.find('[data-testid=admin-toast]').text()).toContain('已重置 inspector.handong 的密码')
    expect(wrapper.find('tbody tr').text()).toContain('待改密')
    wrapper.unmount()
  })

  it('names the refused action when the server says no', async () => {
    mockFetch({
      '/api/admin/units': units,
      '/api/admin/users': { status: 403, json: { title: 'Forbidden', status: 403, code: 'forbidden' } },
    })
    const { wrapper } = await mountApp(UsersView, { path: '/admin/users' })
    await settle()
    expect(wrapper.find('[role=alert]').text()).toContain('无权操作：查看用户列表')
    wrapper.unmount()
  })
})
