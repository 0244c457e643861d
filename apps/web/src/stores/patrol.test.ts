import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { usePatrolStore } from './patrol.ts'

/** A fake API: incidents are keyed by Idempotency-Key (a resend returns the first one), photos counted. */
function fakeServer() {
  const incidents = new Map<string, { code: string; body: Record<string, unknown> }>()
  const photos: string[] = []
  let offline = false
  let loseNextAnswer = false
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
    if (offline) throw new TypeError('Failed to fetch')
    const method = init.method ?? 'GET'
    if (method === 'POST' && url === '/api/photos') {
      photos.push(`p${photos.length + 1}`)
      return json(201, { id: `00000000-0000-4000-8000-00000000000${photos.length}`, gps: null })
    }
    if (method === 'POST' && url === '/api/incidents') {
      const key = (init.headers as Record<string, string>)['idempotency-key']!
      if (!incidents.has(key)) incidents.set(key, { code: `HJ${incidents.size + 1}`, body: JSON.parse(String(init.body)) })
      if (loseNextAnswer) {
        loseNextAnswer = false
        throw new TypeError('network connection lost') // the server acted, the phone never heard
      }
      return json(201, { code: incidents.get(key)!.code, state: 'reported', version: 1 })
    }
    return json(404, { code: 'route_not_found', detail: url })
  })
  return { incidents, photos, fetchMock, setOffline: (v: boolean) => (offline = v), loseNextAnswer: () => (loseNextAnswer = true) }
}

const file = () => new File([new Uint8Array([0xff, 0xd8, 0xff])], 'a.jpg', { type: 'image/jpeg' })
const draft = (description: string) => ({ fineClass: '020601', description, location: { lng: 119.1, lat: 25.45, crs: 'wgs84' as const }, photos: [file()], label: '暴露垃圾' })

describe('patrol store: reports through the outbox', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    setActivePinia(createPinia())
    server = fakeServer()
    vi.stubGlobal('fetch', server.fetchMock)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('offline: queued with its key and photo; back online: sent once, photo uploaded once', async () => {
    const store = usePatrolStore()
    server.setOffline(true)
    const item = await store.report(draft('offline one'))
    await store.flush()
    expect(store.queue).toMatchObject([{ key: item.key, kind: 'report', state: 'queued', attempts: 1, lastError: 'network' }])
    server.setOffline(false)
    await store.flush(true)
    expect(store.queue).toEqual([])
    expect([...server.incidents.keys()]).toEqual([item.key])
    expect(server.incidents.get(item.key)!.body).toMatchObject({ channel: 'patrol', fineClass: '020601', clientId: item.key, location: { crs: 'wgs84' } })
    expect(server.photos).toHaveLength(1)
  })

  it('online: the report has gone out when report() returns (isSent), unreachable: it waits in the outbox', async () => {
    const store = usePatrolStore()
    const sent = await store.report(draft('online one'))
    expect(store.isSent(sent)).toBe(true)
    expect(server.incidents.has(sent.key)).toBe(true)
    server.setOffline(true)
    const waiting = await store.report(draft('unreachable'))
    expect(store.isSent(waiting)).toBe(false)
    expect(store.queue.map((q) => q.key)).toEqual([waiting.key])
    server.setOffline(false)
    await store.flush(true)
    expect(store.queue).toEqual([])
  })

  it('a lost answer: the resend carries the same key — one incident', async () => {
    const store = usePatrolStore()
    server.loseNextAnswer()
    const item = await store.report(draft('lost answer'))
    await store.flush()
    expect(store.queue).toHaveLength(1)
    await store.flush(true)
    expect(store.queue).toEqual([])
    expect(server.incidents.size).toBe(1)
    expect(server.incidents.has(item.key)).toBe(true)
    expect(server.photos).toHaveLength(1)
  })

  it('fixed on the spot without an after-photo is a plain report; with one it is queued as selfResolve', async () => {
    const store = usePatrolStore()
    server.setOffline(true)
    const plain = await store.report(draft('plain'))
    const self = await store.report({ ...draft('self'), afterPhotos: [file()] })
    expect(plain.kind).toBe('report')
    expect(self.kind).toBe('selfResolve')
    expect(self.photos.map((p) => p.slot)).toEqual(['beforePhotos', 'afterPhotos'])
    for (const i of store.queue) await store.discard(i.seq!)
    expect(store.queue).toEqual([])
  })
})
