import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch } from '../testing/utils.ts'
import { emptyAuditFilters, shanghaiToIso, useAuditLog } from './use-audit-log.ts'

afterEach(() => vi.unstubAllGlobals())

const entry = (id: number) => ({
  id,
  at: '2026-11-26T01:00:00.000Z',
  actor: { id: 'u1', username: 'dispatcher' },
  role: 'dispatcher',
  action: 'auth.login',
  objectType: 'user',
  objectId: 'u1',
  ip: '127.0.0.1',
  userAgent: 'test',
  detail: null,
})

describe('shanghaiToIso', () => {
  it('reads a datetime-local value as Beijing time', () => {
    expect(shanghaiToIso('2026-11-27T08:00')).toBe('2026-11-27T00:00:00.000Z')
    expect(shanghaiToIso('')).toBeUndefined()
    expect(shanghaiToIso('yesterday')).toBeUndefined()
  })
})

describe('useAuditLog', () => {
  it('searches with the filters and pages back with `before`', async () => {
    const { calls } = mockFetch({
      '/api/audit': (url) => ({
        json: url.searchParams.get('before') ? { items: [entry(1)], nextBefore: null } : { items: [entry(3), entry(2)], nextBefore: 2 },
      }),
    })
    const log = useAuditLog(2)
    await log.search({ ...emptyAuditFilters(), actor: ' dispatcher ', from: '2026-11-26T08:00' })
    expect(calls[0]).toBe('/api/audit?actor=dispatcher&from=2026-11-26T00%3A00%3A00.000Z&limit=2')
    expect(log.items.value.map((e) => e.id)).toEqual([3, 2])
    expect(log.hasMore.value).toBe(true)
    await log.more()
    expect(calls[1]).toBe('/api/audit?actor=dispatcher&from=2026-11-26T00%3A00%3A00.000Z&before=2&limit=2')
    expect(log.items.value.map((e) => e.id)).toEqual([3, 2, 1])
    expect(log.hasMore.value).toBe(false)
  })

  it('flags a time range that ends before it starts, and keeps a failure to show', async () => {
    mockFetch({ '/api/audit': { status: 403, json: { title: 'Forbidden', status: 403, code: 'forbidden' } } })
    const log = useAuditLog()
    expect(log.badRange({ ...emptyAuditFilters(), from: '2026-11-27T08:00', to: '2026-11-26T08:00' })).toBe(true)
    await log.search(emptyAuditFilters())
    expect(log.error.value).toBeTruthy()
  })
})
