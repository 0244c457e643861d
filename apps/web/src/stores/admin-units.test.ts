import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { freshPinia, mockFetch } from '../testing/utils.ts'
import { useAdminUnitsStore } from './admin-units.ts'

beforeEach(() => freshPinia())
afterEach(() => vi.unstubAllGlobals())

const unit = { code: 'water', name: '区水利局', nameEn: '', kind: 'department' as const, parentCode: null, regionCode: null, active: true }

describe('admin units store', () => {
  it('loads once, indexes by code, adds a created unit, and keeps a failure to show', async () => {
    const { calls } = mockFetch({ '/api/admin/units': (_u, init) => (init?.method === 'POST' ? { status: 201, json: { ...unit, code: 'new_one' } } : { json: { items: [unit] } }) })
    const store = useAdminUnitsStore()
    await Promise.all([store.load(), store.load()])
    expect(calls).toEqual(['/api/admin/units'])
    expect(store.byCode.get('water')?.name).toBe('区水利局')
    await store.create({ ...unit, code: 'new_one' })
    expect(store.items.map((u) => u.code)).toEqual(['water', 'new_one'])

    freshPinia()
    mockFetch({ '/api/admin/units': { status: 500, json: { title: 'boom', status: 500 } } })
    const failing = useAdminUnitsStore()
    await failing.load()
    expect(failing.error).toBeTruthy()
  })
})
