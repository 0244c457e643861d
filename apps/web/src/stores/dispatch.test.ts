import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { IncidentListItem } from '../api/incidents.ts'
import { detail, listItem } from '../testing/incidents.ts'
import { freshPinia, mockFetch } from '../testing/utils.ts'
import { RECOUNT_MS, useDispatchStore } from './dispatch.ts'
import { compareQueue, DESK_PAGE_SIZE, isDeskState, sortQueue } from './dispatch-queue.ts'

/**
 * The desk store over a stand-in of GET /api/dispatch/queue that pages like the API: the cursor is the last row's
 * sort key, the next page is whatever sorts after it now (packages/shared/src/desk/queue.ts).
 */

const pad = (n: number) => String(n).padStart(5, '0')
const at = (min: number) => new Date(Date.parse('2026-11-26T09:00:00+08:00') + min * 60_000).toISOString().replace('Z', '+00:00')

/** 250 waiting incidents: urgent ones, returns, deadlines with ties, none at all. */
function backlog(): IncidentListItem[] {
  return Array.from({ length: 250 }, (_, i) =>
    listItem({
      code: `HJ20261126-${pad(i)}`,
      track: i % 11 === 0 ? 'urgent' : 'normal',
      state: i % 7 === 0 ? 'returned' : 'reported',
      createdAt: at(i % 40),
      deadlines: { ...listItem().deadlines, dispatchBy: i % 3 === 0 ? null : at(100 + (i % 17) * 10) },
    }),
  )
}

function fakeServer(rows: IncidentListItem[]) {
  const db = new Map(rows.map((r) => [r.code, r]))
  const waiting = () => sortQueue([...db.values()].filter((r) => isDeskState(r.state)))
  const requests: string[] = []
  /** While set, answers wait for it (the page is read at request time, as a database would). */
  let gate: Promise<void> | null = null
  const fetch = mockFetch({
    '/api/dispatch/queue': async (url) => {
      requests.push(url.search)
      const limit = Number(url.searchParams.get('limit') ?? DESK_PAGE_SIZE)
      const cursor = url.searchParams.get('cursor')
      const after = cursor ? (JSON.parse(cursor) as IncidentListItem) : null
      const all = waiting()
      const rest = after ? all.filter((r) => compareQueue(r, after) > 0) : all
      const items = rest.slice(0, limit)
      const nextCursor = rest.length > limit ? JSON.stringify(items[items.length - 1]) : null
      const urgent = all.filter((r) => r.track === 'urgent' || r.safetyHazard).length
      const json = { items, nextCursor, total: all.length, urgent }
      if (gate) await gate
      return { json }
    },
    '/api/incidents/': (url) => {
      const code = decodeURIComponent(url.pathname.split('/').pop()!)
      const r = db.get(code)
      return r ? { json: detail(r) } : { status: 404, json: { status: 404, code: 'incident_not_found', title: 'Not found', detail: code } }
    },
  })
  return { db, waiting, requests, fetch, hold: (p: Promise<void> | null) => (gate = p) }
}

beforeEach(() => freshPinia())
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('the dispatch desk store', () => {
  it('loads the queue a page at a time: every waiting incident once, in the queue order', async () => {
    const server = fakeServer(backlog())
    const store = useDispatchStore()
    await store.load()
    expect(store.queue).toHaveLength(DESK_PAGE_SIZE)
    expect(store.total).toBe(250)
    expect(store.urgentTotal).toBe(23)
    expect(store.hasMore).toBe(true)
    expect(store.frontier?.code).toBe(store.queue.at(-1)!.code)
    await Promise.all([store.loadMore(), store.loadMore()]) // one request for both
    expect(server.requests.filter((q) => q.includes('cursor='))).toHaveLength(1)
    await store.loadMore()
    expect(store.hasMore).toBe(false)
    expect(store.frontier).toBeNull()
    expect(store.queue.map((i) => i.code)).toEqual(server.waiting().map((i) => i.code))
    await store.loadMore() // nothing left: no request
    expect(server.requests).toHaveLength(3)
  })

  it('places live rows only up to the frontier; later pages bring the rest, none twice', async () => {
    const server = fakeServer(backlog())
    const store = useDispatchStore()
    await store.load()
    const shown = () => store.queue.map((i) => i.code)

    // A new urgent call sorts first: shown at once, highlighted, counted.
    const urgent = listItem({ code: 'HJ20261126-90001', track: 'urgent', createdAt: at(-5), deadlines: { ...listItem().deadlines, dispatchBy: at(0) } })
    server.db.set(urgent.code, urgent)
    await store.onLiveEvent({ code: urgent.code, state: 'reported', fromState: null, track: 'urgent' })
    expect(shown()[0]).toBe(urgent.code)
    expect(store.fresh).toContain(urgent.code)
    expect(store.total).toBe(251)

    // A new one without a deadline sorts after the frontier: counted, not shown yet.
    const late = listItem({ code: 'HJ20261126-90002', createdAt: at(500) })
    server.db.set(late.code, late)
    await store.onLiveEvent({ code: late.code, state: 'reported', fromState: null })
    expect(shown()).not.toContain(late.code)
    expect(store.total).toBe(252)

    // A loaded row dispatched: gone, uncounted.
    const dispatched = shown()[5]!
    server.db.set(dispatched, { ...server.db.get(dispatched)!, state: 'dispatched', version: 2 })
    await store.onLiveEvent({ code: dispatched, state: 'dispatched', fromState: 'registered' })
    expect(shown()).not.toContain(dispatched)
    expect(store.total).toBe(251)

    // A loaded row whose deadline moved far out now sorts after the frontier: it leaves the list for its page.
    const moved = shown()[10]!
    server.db.set(moved, { ...server.db.get(moved)!, track: 'normal', state: 'reported', version: 2, deadlines: { ...listItem().deadlines, dispatchBy: at(5000) } })
    await store.onLiveEvent({ code: moved, state: 'reported', fromState: 'reported' })
    expect(shown()).not.toContain(moved)

    while (store.hasMore) await store.loadMore()
    expect(shown()).toEqual(server.waiting().map((i) => i.code))
    expect(new Set(shown()).size).toBe(shown().length)
    expect(shown()).toContain(late.code)
    expect(shown()).toContain(moved)
    expect(store.total).toBe(store.queue.length)
  })

  it('trusts a live event over a page read before it: a row that left while the page was on its way stays gone', async () => {
    const server = fakeServer(backlog())
    const store = useDispatchStore()
    await store.load()
    const nextPage = server.waiting().filter((r) => compareQueue(r, store.frontier!) > 0)
    const leaving = nextPage[3]!.code
    let release!: () => void
    server.hold(new Promise<void>((r) => (release = r)))
    const pending = store.loadMore()
    await vi.waitFor(() => expect(server.requests).toHaveLength(2)) // the page is read, `leaving` still in it
    server.db.set(leaving, { ...server.db.get(leaving)!, state: 'dispatched', version: 3 })
    await store.onLiveEvent({ code: leaving, state: 'dispatched', fromState: 'reported' })
    release()
    await pending
    expect(store.queue.map((i) => i.code)).not.toContain(leaving)
    expect(store.queue).toHaveLength(2 * DESK_PAGE_SIZE - 1)
  })

  it('steps with j/k past the last loaded row into the next page', async () => {
    fakeServer(backlog())
    const store = useDispatchStore()
    await store.load()
    const last = store.queue.at(-1)!.code
    expect(await store.neighbour(null, 1)).toBe(store.queue[0]!.code)
    expect(await store.neighbour(store.queue[0]!.code, -1)).toBe(store.queue[0]!.code)
    const next = await store.neighbour(last, 1)
    expect(store.queue).toHaveLength(2 * DESK_PAGE_SIZE)
    expect(next).toBe(store.queue[DESK_PAGE_SIZE]!.code)
    expect(await store.neighbour(next, -1)).toBe(last)
  })

  it('re-counts from the server shortly after live events (throttled)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const server = fakeServer(backlog())
    const store = useDispatchStore()
    await store.load()
    // An incident the desk never hears of (another scope, a missed event): only the server count knows it.
    server.db.set('HJ20261126-90003', listItem({ code: 'HJ20261126-90003', track: 'urgent' }))
    const gone = store.queue[0]!.code
    server.db.set(gone, { ...server.db.get(gone)!, state: 'dispatched', version: 2 })
    await store.onLiveEvent({ code: gone, state: 'dispatched', fromState: 'registered' })
    await store.onLiveEvent({ code: gone, state: 'dispatched', fromState: 'registered' })
    expect(store.total).toBe(248) // patched once per event, before the server answers
    await vi.advanceTimersByTimeAsync(RECOUNT_MS)
    await vi.waitFor(() => expect(store.total).toBe(250))
    expect(store.urgentTotal).toBe(server.waiting().filter((r) => r.track === 'urgent').length)
    expect(server.requests.filter((q) => q.includes('limit=0'))).toHaveLength(1)
  })
})
