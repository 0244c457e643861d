import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backoffMs, flushOnce, flushOutbox, recoverInterrupted, SendError, type Sender } from './flush.ts'
import { openOutbox, type Outbox, type OutboxItem } from './outbox.ts'

let outbox: Outbox
let n = 0
beforeEach(async () => {
  outbox = await openOutbox(`test-${++n}`)
})
afterEach(() => outbox.close())

const report = (key: string, extra: Partial<OutboxItem> = {}) =>
  outbox.add({ key, kind: 'report', label: key, payload: { description: key }, photos: [], ...extra })

/** A fake server: remembers every key it has acted on (a resend with a seen key changes nothing). */
function server() {
  const seen: string[] = []
  const calls: string[] = []
  let offline = false
  const send: Sender = async (item) => {
    calls.push(item.key)
    if (offline) throw new SendError('Failed to fetch', 'retry')
    if (!seen.includes(item.key)) seen.push(item.key)
  }
  return { seen, calls, send, setOffline: (v: boolean) => (offline = v) }
}

describe('outbox (IndexedDB)', () => {
  it('keeps items in the order they were made; the same key twice is one item', async () => {
    await report('a')
    await report('b')
    await report('a')
    expect((await outbox.list()).map((i) => [i.key, i.state])).toEqual([['a', 'queued'], ['b', 'queued']])
  })

  it('sends in order and removes what the server acknowledged', async () => {
    const s = server()
    for (const k of ['r1', 'v1', 't1']) await report(k)
    expect(await flushOutbox(outbox, s.send)).toEqual({ sent: 3, failed: 0, waiting: 0 })
    expect(s.seen).toEqual(['r1', 'v1', 't1'])
    expect(await outbox.list()).toEqual([])
  })

  it('offline: the first failure stops the flush (order kept), back-off before the next try, forced when back online', async () => {
    const s = server()
    await report('r1')
    await report('r2')
    s.setOffline(true)
    let t = 1_000_000
    const now = () => t
    expect(await flushOutbox(outbox, s.send, { now })).toEqual({ sent: 0, failed: 0, waiting: 2 })
    expect(s.calls).toEqual(['r1']) // r2 not tried before r1
    const [first] = await outbox.list()
    expect(first).toMatchObject({ state: 'queued', attempts: 1, lastError: 'Failed to fetch', nextAttemptAt: t + backoffMs(1) })
    // Inside the back-off nothing is tried.
    expect(await flushOutbox(outbox, s.send, { now })).toMatchObject({ sent: 0, waiting: 2 })
    expect(s.calls).toHaveLength(1)
    t += backoffMs(1)
    await flushOutbox(outbox, s.send, { now })
    expect((await outbox.list())[0]!.attempts).toBe(2)
    s.setOffline(false)
    expect(await flushOutbox(outbox, s.send, { now, force: true })).toEqual({ sent: 2, failed: 0, waiting: 0 })
    expect(s.seen).toEqual(['r1', 'r2'])
  })

  it('a lost answer: the resend carries the same key, so the server acts once', async () => {
    const seen = new Map<string, number>()
    let dropAnswer = true
    const send: Sender = async (item) => {
      seen.set(item.key, (seen.get(item.key) ?? 0) + 1)
      if (dropAnswer) {
        dropAnswer = false
        throw new SendError('connection reset', 'retry')
      }
    }
    await report('k-1')
    await flushOutbox(outbox, send)
    await flushOutbox(outbox, send, { force: true })
    expect([...seen]).toEqual([['k-1', 2]]) // one key, sent twice: the API's idempotency turns that into one incident
    expect(await outbox.list()).toEqual([])
  })

  it('photos are uploaded once across retries (progress is saved before the failing step)', async () => {
    const uploads: string[] = []
    let fail = true
    const send: Sender = async (item, save) => {
      for (const p of item.photos) {
        if (!p.uploadedId) {
          uploads.push(p.name)
          p.uploadedId = `id-${p.name}`
          await save(item)
        }
      }
      if (fail) {
        fail = false
        throw new SendError('offline', 'retry')
      }
    }
    await report('p-1', { photos: [{ slot: 'photos', data: new Uint8Array([1, 2, 3]).buffer, type: 'image/jpeg', name: 'a.jpg' }] })
    await flushOutbox(outbox, send)
    const [kept] = await outbox.list()
    expect(kept!.photos[0]).toMatchObject({ uploadedId: 'id-a.jpg', name: 'a.jpg' })
    expect(new Uint8Array(kept!.photos[0]!.data)).toEqual(new Uint8Array([1, 2, 3])) // the bytes survive in IndexedDB
    await flushOutbox(outbox, send, { force: true })
    expect(uploads).toEqual(['a.jpg'])
  })

  it('a refusal marks the item failed (kept, not resent) and the flush goes on', async () => {
    const send: Sender = async (item) => {
      if (item.key === 'bad') throw new SendError('422 unknown fine class', 'permanent')
    }
    await report('bad')
    await report('good')
    expect(await flushOutbox(outbox, send)).toEqual({ sent: 1, failed: 1, waiting: 0 })
    expect(await outbox.list()).toMatchObject([{ key: 'bad', state: 'failed', lastError: '422 unknown fine class' }])
    expect(await flushOutbox(outbox, send, { force: true })).toEqual({ sent: 0, failed: 0, waiting: 0 })
  })

  it('one flush at a time: a second call while one runs joins it (an item is never sent twice at once)', async () => {
    const calls: string[] = []
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const send: Sender = async (item) => {
      calls.push(item.key)
      await gate
    }
    await report('only')
    const a = flushOnce(outbox, send)
    const b = flushOnce(outbox, send)
    expect(b).toBe(a)
    release()
    await a
    expect(calls).toEqual(['only'])
  })

  it('items left "sending" by a closed page go back to the queue', async () => {
    const item = await report('x')
    await outbox.put({ ...item, state: 'sending' })
    expect(await recoverInterrupted(outbox)).toBe(1)
    expect((await outbox.list())[0]).toMatchObject({ state: 'queued', nextAttemptAt: 0 })
  })

  it('back-off doubles and is capped', () => {
    expect([1, 2, 3].map(backoffMs)).toEqual([2000, 4000, 8000])
    expect(backoffMs(30)).toBe(300_000)
    vi.restoreAllMocks()
  })
})
