import { describe, expect, it, vi } from 'vitest'
import { HttpError, type patrolApi } from '../api/patrol.ts'
import { SendError } from './flush.ts'
import type { OutboxItem } from './outbox.ts'
import { classify, createSender } from './senders.ts'

type Api = typeof patrolApi

const item = (over: Partial<OutboxItem>): OutboxItem => ({
  seq: 1, key: 'k1', kind: 'report', label: '', createdAt: '', state: 'sending', attempts: 0, nextAttemptAt: 0, lastError: null, payload: {}, photos: [], ...over,
})

function fakeApi(over: Partial<Api> = {}): Api {
  return {
    uploadPhoto: vi.fn(async (_b: Blob, name: string) => ({ id: `photo-${name}`, gps: null })),
    createIncident: vi.fn(async () => ({ code: 'HJ1', state: 'reported', version: 1 })),
    act: vi.fn(async () => ({ code: 'HJ1', state: 'closed', version: 2 })),
    events: vi.fn(async () => ({ events: [] })),
    uploadTrack: vi.fn(async () => ({ created: true, keptPoints: 2 })),
    ...over,
  } as unknown as Api
}

const bytes = () => ({ data: new Uint8Array([1]).buffer, type: 'image/jpeg' })

describe('classify', () => {
  it('network errors, 5xx, 408, 429 and 401 are retried; other refusals are final', () => {
    expect(classify(new TypeError('Failed to fetch')).kind).toBe('retry')
    expect(classify(new HttpError(503, null, 'busy', null)).kind).toBe('retry')
    expect(classify(new HttpError(401, 'unauthenticated', 'sign in', null)).kind).toBe('retry')
    expect(classify(new HttpError(422, 'unknown_fine_class', 'no', null)).kind).toBe('permanent')
  })
})

describe('senders', () => {
  it('report: the photo ids and the item key as Idempotency-Key', async () => {
    const api = fakeApi()
    const save = vi.fn(async () => {})
    await createSender(api)(item({ payload: { description: 'x' }, photos: [{ slot: 'photos', ...bytes(), name: 'a.jpg' }] }), save)
    expect(api.createIncident).toHaveBeenCalledWith('k1', { description: 'x', photos: ['photo-a.jpg'] })
    expect(save).toHaveBeenCalled()
  })

  it('selfResolve: intake with the before photo, then selfResolve with before and after; a retry after the intake skips it', async () => {
    const api = fakeApi({ act: vi.fn(async () => { throw new TypeError('Failed to fetch') }) as unknown as Api['act'] })
    const it1 = item({ kind: 'selfResolve', payload: { description: 'x' }, photos: [{ slot: 'beforePhotos', ...bytes(), name: 'b.jpg' }, { slot: 'afterPhotos', ...bytes(), name: 'c.jpg' }] })
    const send = createSender(api)
    await expect(send(it1, async () => {})).rejects.toMatchObject({ kind: 'retry' })
    expect(it1.progress).toEqual({ incident: { code: 'HJ1', state: 'reported', version: 1 } })
    ;(api.act as ReturnType<typeof vi.fn>).mockResolvedValue({ code: 'HJ1', state: 'closed', version: 2 })
    await send(it1, async () => {})
    expect(api.createIncident).toHaveBeenCalledTimes(1)
    expect(api.uploadPhoto).toHaveBeenCalledTimes(2)
    expect(api.act).toHaveBeenLastCalledWith('HJ1', 'selfResolve', { version: 1, beforePhotos: ['photo-b.jpg'], afterPhotos: ['photo-c.jpg'], note: undefined })
  })

  it('verify: a 409 whose latest event is our own verification is done; someone else’s is a final failure', async () => {
    const conflict = async () => {
      throw new HttpError(409, 'version_conflict', 'stale', null)
    }
    const mine = fakeApi({ act: vi.fn(conflict) as never, events: vi.fn(async () => ({ events: [{ action: 'verifyPass', actor: 'inspector' }] })) as never })
    const v = item({ kind: 'verify', payload: { code: 'HJ9', version: 6, pass: true } })
    await expect(createSender(mine, () => 'inspector')(v, async () => {})).resolves.toBeUndefined()
    const theirs = fakeApi({ act: vi.fn(conflict) as never, events: vi.fn(async () => ({ events: [{ action: 'verifyFail', actor: 'dispatcher' }] })) as never })
    await expect(createSender(theirs, () => 'inspector')(v, async () => {})).rejects.toBeInstanceOf(SendError)
    await expect(createSender(theirs, () => 'inspector')(v, async () => {})).rejects.toMatchObject({ kind: 'permanent' })
  })

  it('track: the item key is the chunk id', async () => {
    const api = fakeApi()
    await createSender(api)(item({ kind: 'track', key: 'chunk-7', payload: { crs: 'wgs84', points: [] } }), async () => {})
    expect(api.uploadTrack).toHaveBeenCalledWith({ crs: 'wgs84', points: [], chunkId: 'chunk-7' })
  })
})
