import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { me, signIn } from '../../testing/auth-fixtures.ts'
import { flush, freshPinia, mockFetch, mountApp } from '../../testing/utils.ts'
import AuditView from './AuditView.vue'

const entry = (id: number, over: Record<string, unknown> = {}) => ({
  id,
  at: '2026-11-26T01:02:03.000Z',
  actor: { id: 'u1', username: 'dispatcher' },
  role: 'dispatcher',
  action: 'auth.login',
  objectType: 'user',
  objectId: 'u1',
  ip: '10.0.0.8',
  userAgent: 'Chromium',
  detail: { via: 'password' },
  ...over,
})

beforeEach(() => {
  freshPinia()
  signIn(me('efficiency_office'))
})
afterEach(() => vi.unstubAllGlobals())

describe('AuditView', () => {
  it('lists entries newest first in Beijing time and pages back with `before`', async () => {
    const { calls } = mockFetch({
      '/api/audit': (url) => ({
        json: url.searchParams.get('before')
          ? { items: [entry(1, { actor: null, role: null, action: 'system.seed', objectType: null, objectId: null, detail: null })], nextBefore: null }
          : { items: [entry(3), entry(2, { action: 'user.create' })], nextBefore: 2 },
      }),
    })
    const { wrapper } = await mountApp(AuditView, { path: '/audit?actor=dispatcher' })
    await flush()
    await flush()
    expect(calls[0]).toBe('/api/audit?actor=dispatcher&limit=50')
    const rows = wrapper.findAll('tbody tr')
    expect(rows.map((r) => r.attributes('data-action'))).toEqual(['auth.login', 'user.create'])
    expect(rows[0]!.text()).toContain('2026/11/26 09:02')
    expect(rows[0]!.text()).toContain('指挥中心坐席')
    expect(rows[0]!.text()).toContain('登录')
    expect(rows[0]!.text()).not.toContain('auth.login')
    expect(rows[0]!.find('[data-testid=audit-detail]').text()).toBe('方式 密码')
    await wrapper.find('[data-testid=audit-more]').trigger('click')
    await flush()
    await flush()
    expect(calls[1]).toBe('/api/audit?actor=dispatcher&before=2&limit=50')
    expect(wrapper.findAll('tbody tr')).toHaveLength(3)
    expect(wrapper.findAll('tbody tr')[2]!.text()).toContain('系统')
    expect(wrapper.text()).toContain('已显示全部记录')
    wrapper.unmount()
  })

  it('filters by action and time range, and refuses a range that ends before it starts', async () => {
    const { calls } = mockFetch({ '/api/audit': { json: { items: [], nextBefore: null } } })
    const { wrapper } = await mountApp(AuditView, { path: '/audit' })
    await flush()
    await wrapper.find('[data-testid=audit-action]').setValue('user.')
    const [from, to] = wrapper.findAll('input[type=datetime-local]')
    await from!.setValue('2026-11-27T08:00')
    await to!.setValue('2026-11-26T08:00')
    expect(wrapper.find('[data-testid=audit-apply]').attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('起始时间不能晚于截止时间。')
    await to!.setValue('2026-11-28T08:00')
    await wrapper.find('[data-testid=audit-filters]').trigger('submit')
    await flush()
    await flush()
    expect(calls.at(-1)).toBe('/api/audit?action=user.&from=2026-11-27T00%3A00%3A00.000Z&to=2026-11-28T00%3A00%3A00.000Z&limit=50')
    expect(wrapper.find('[data-testid=audit-empty]').text()).toBe('没有符合条件的审计记录。')
    wrapper.unmount()
  })
})
