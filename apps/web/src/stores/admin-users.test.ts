import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { adminUser } from '../testing/auth-fixtures.ts'
import { freshPinia, mockFetch } from '../testing/utils.ts'
import { useAdminUsersStore } from './admin-users.ts'

beforeEach(() => freshPinia())
afterEach(() => vi.unstubAllGlobals())

describe('admin users store', () => {
  it('loads with the filters, keeps the last answer only, and replaces a changed user in place', async () => {
    const { calls } = mockFetch({
      '/api/admin/users/': { json: adminUser({ displayName: '陈新' }) },
      '/api/admin/users': { json: { items: [adminUser(), adminUser({ id: '2', username: 'b' })] } },
    })
    const store = useAdminUsersStore()
    await Promise.all([store.load({ q: 'x' }), store.load({ q: ' 陈 ', unit: 'command_center', role: '' })])
    expect(calls.at(-1)).toBe('/api/admin/users?q=%E9%99%88&unit=command_center')
    expect(store.items).toHaveLength(2)
    expect(store.loading).toBe(false)
    await store.update(adminUser().id, { displayName: '陈新' })
    expect(store.items.map((u) => u.displayName)).toEqual(['陈新', '陈巡查'])
  })
})
