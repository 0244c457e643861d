import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { OwedCallbackItem } from '../api/incidents.ts'
import { listItem } from '../testing/incidents.ts'
import { freshPinia, mockFetch } from '../testing/utils.ts'
import { RECOUNT_MS } from './dispatch.ts'
import { useOwedCallbacksStore } from './owed-callbacks.ts'

/** The 待回访 list's store over a stand-in of GET /api/dispatch/queue?view=callbacks (the rule is the server's). */

const owed = (code: string): OwedCallbackItem => ({ ...listItem({ code, state: 'closed' }), callback: { kind: 'satisfaction', dueAt: '2026-11-26T10:00:00+08:00' } })

function fakeServer(initial: string[]) {
  let codes = [...initial]
  const requests: string[] = []
  const fetch = mockFetch({
    '/api/dispatch/queue': (url) => {
      requests.push(url.search)
      expect(url.searchParams.get('view')).toBe('callbacks')
      const limit = Number(url.searchParams.get('limit') ?? 100)
      const cursor = url.searchParams.get('cursor')
      const rest = cursor ? codes.slice(codes.indexOf(cursor) + 1) : codes
      const items = rest.slice(0, limit).map(owed)
      return { json: { items, nextCursor: limit > 0 && rest.length > limit ? items.at(-1)!.code : null, total: codes.length, urgent: 0 } }
    },
  })
  return { requests, fetch, set: (next: string[]) => (codes = next) }
}

beforeEach(() => freshPinia())
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('owed callbacks store', () => {
  it('counts only until the list is opened; then pages; j/k move among the rows loaded', async () => {
    const server = fakeServer(['A', 'B', 'C'])
    const store = useOwedCallbacksStore()
    await store.count()
    expect(server.requests).toEqual(['?view=callbacks&limit=0'])
    expect([store.total, store.items.length, store.status]).toEqual([3, 0, 'idle'])
    await store.load()
    expect(store.items.map((i) => i.code)).toEqual(['A', 'B', 'C'])
    expect(store.neighbour('A', 1)).toBe('B')
    expect(store.neighbour('C', 1)).toBe('C')
    expect(store.neighbour(null, 1)).toBe('A')
  })

  it('a live event that can start or end a callback asks again (throttled) for the rows shown; others do not', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const server = fakeServer(['A', 'B', 'C'])
    const store = useOwedCallbacksStore()
    await store.load()
    server.requests.length = 0

    // A new report at the center: no callback can be owed because of it.
    store.onLiveEvent({ action: 'create', state: 'reported', fromState: null })
    await vi.advanceTimersByTimeAsync(RECOUNT_MS)
    expect(server.requests).toEqual([])

    // The seat called B back (a callback on a closed incident), and the worker raised a check: one request.
    server.set(['A', 'C', 'D'])
    store.onLiveEvent({ action: 'callback', state: 'closed', fromState: 'closed' })
    store.onLiveEvent({ action: 'callbackDue', state: 'dispatched', fromState: 'dispatched' })
    await vi.advanceTimersByTimeAsync(RECOUNT_MS)
    await vi.waitFor(() => expect(store.items.map((i) => i.code)).toEqual(['A', 'C', 'D']))
    expect(server.requests).toEqual(['?view=callbacks&limit=100'])
    expect(store.total).toBe(3)
  })

  it('before the list is opened, a live event re-counts only', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const server = fakeServer(['A'])
    const store = useOwedCallbacksStore()
    server.set(['A', 'B'])
    store.onLiveEvent({ action: 'verifyPass', state: 'closed', fromState: 'resolved' })
    await vi.advanceTimersByTimeAsync(RECOUNT_MS)
    await vi.waitFor(() => expect(store.total).toBe(2))
    expect(server.requests).toEqual(['?view=callbacks&limit=0'])
    expect(store.items).toEqual([])
  })

  it('loads more after the last row', async () => {
    const server = fakeServer(Array.from({ length: 130 }, (_, i) => `C${String(i).padStart(3, '0')}`))
    const store = useOwedCallbacksStore()
    await store.load()
    expect([store.items.length, store.hasMore]).toEqual([100, true])
    await store.loadMore()
    expect([store.items.length, store.hasMore]).toEqual([130, false])
    expect(server.requests.at(-1)).toBe('?view=callbacks&cursor=C099&limit=100')
  })
})
