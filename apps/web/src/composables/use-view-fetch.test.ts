import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref, shallowRef } from 'vue'
import type { RegionMap } from '../map/types.ts'
import { asMap, createFakeMap } from '../testing/fake-map.ts'
import { useViewFetch, type ViewFetchStatus } from './use-view-fetch.ts'

function setup(opts: { visible?: boolean } = {}) {
  const fake = createFakeMap(12.4)
  const visible = ref(opts.visible ?? true)
  const key = ref('a')
  const statuses: ViewFetchStatus[] = []
  const applied: string[] = []
  const pending: { bbox: number[]; resolve: (v: string) => void; reject: (e: unknown) => void; signal: AbortSignal }[] = []
  const scope = effectScope()
  const api = scope.run(() =>
    useViewFetch<string>(shallowRef<RegionMap | null>(asMap(fake)), {
      visible: () => visible.value,
      key: () => key.value,
      fetch: (bbox, _zoom, signal) => new Promise((resolve, reject) => pending.push({ bbox, resolve, reject, signal })),
      apply: (_m, v) => void applied.push(v),
      status: (s) => void statuses.push(s),
      debounceMs: 100,
    }),
  )!
  return { fake, visible, key, statuses, applied, pending, api, scope }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('useViewFetch', () => {
  it('asks for a padded box around the view and applies the answer', async () => {
    const { api, pending, applied, statuses, fake } = setup()
    void api.load()
    expect(pending).toHaveLength(1)
    const [w, s, e, n] = pending[0]!.bbox
    const [vw, vs, ve, vn] = fake.state.bounds
    expect(w! <= vw && s! <= vs && e! >= ve && n! >= vn).toBe(true)
    pending[0]!.resolve('first')
    await vi.waitFor(() => expect(applied).toEqual(['first']))
    expect(statuses).toEqual(['loading', 'ready'])
  })

  it('a move inside the loaded box asks nothing; another key or force asks again', async () => {
    const { api, pending, applied, fake, key } = setup()
    void api.load()
    pending[0]!.resolve('first')
    await vi.waitFor(() => expect(applied).toHaveLength(1))
    fake.fire('moveend')
    await vi.advanceTimersByTimeAsync(150)
    expect(pending).toHaveLength(1)
    key.value = 'b'
    fake.fire('moveend')
    await vi.advanceTimersByTimeAsync(150)
    expect(pending).toHaveLength(2)
    void api.load(true)
    expect(pending).toHaveLength(3)
  })

  it('a newer request aborts the older one and its late answer is dropped', async () => {
    const { api, pending, applied } = setup()
    void api.load()
    void api.load(true)
    expect(pending[0]!.signal.aborted).toBe(true)
    pending[0]!.resolve('stale')
    pending[1]!.resolve('fresh')
    await vi.waitFor(() => expect(applied).toEqual(['fresh']))
  })

  it('hidden: moves and loads ask nothing; cancel stops a waiting move', async () => {
    const { api, pending, fake, visible } = setup({ visible: false })
    void api.load(true)
    fake.fire('moveend')
    await vi.advanceTimersByTimeAsync(150)
    expect(pending).toHaveLength(0)
    visible.value = true
    fake.fire('moveend')
    api.cancel()
    await vi.advanceTimersByTimeAsync(150)
    expect(pending).toHaveLength(0)
  })

  it('a failure reports error (an abort does not)', async () => {
    const { api, pending, statuses } = setup()
    void api.load()
    pending[0]!.reject(new Error('503'))
    await vi.waitFor(() => expect(statuses).toEqual(['loading', 'error']))
  })

  it('stops listening to the map when its scope ends', () => {
    const { fake, scope } = setup()
    expect(fake.listeners('moveend')).toBe(1)
    scope.stop()
    expect(fake.listeners('moveend')).toBe(0)
  })
})
