import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { shanghaiDate } from '@hanjiang/shared/time/shanghai'
import type { Crs } from '@hanjiang/shared/geo/crs'
import { HttpError, patrolApi, type PatrolGrid, type PatrolGridSummary, type VerificationItem } from '../api/patrol.ts'
import { flushOnce, recoverInterrupted, type FlushResult } from '../offline/flush.ts'
import { openOutbox, type Outbox, type OutboxItem, type QueuedPhoto } from '../offline/outbox.ts'
import { createSender } from '../offline/senders.ts'
import { newKey } from '../patrol/keys.ts'
import type { TrackChunk } from '../composables/use-track-recorder.ts'

export interface ReportDraft {
  fineClass: string
  description: string
  location: { lng: number; lat: number; crs: Crs } | null
  address?: string
  photos: File[]
  /** Fixed on the spot: the photos above are "before", these "after". */
  afterPhotos?: File[]
  label: string
}

async function queued(files: readonly File[], slot: QueuedPhoto['slot']): Promise<QueuedPhoto[]> {
  return Promise.all(files.map(async (f) => ({ slot, data: await f.arrayBuffer(), type: f.type || 'image/jpeg', name: f.name || 'photo.jpg' })))
}

/** The patrol page's state: who, which grid, today's data, verifications, and the outbox. */
export const usePatrolStore = defineStore('patrol', () => {
  const me = shallowRef<{ username: string; displayName: string; areas: { code: string; name: string }[] } | null>(null)
  const signedIn = ref<boolean | null>(null)
  const grids = shallowRef<PatrolGridSummary[]>([])
  const gridCode = ref<string | null>(null)
  const chosenByUser = ref(false)
  const grid = shallowRef<PatrolGrid | null>(null)
  const verifications = shallowRef<VerificationItem[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  const queue = shallowRef<OutboxItem[]>([])
  const flushing = ref(false)
  const lastFlush = shallowRef<FlushResult | null>(null)
  let outbox: Outbox | null = null

  const today = () => shanghaiDate(new Date())
  const pendingVerify = computed(() => new Set(queue.value.filter((i) => i.kind === 'verify').map((i) => String(i.payload.code))))

  async function box(): Promise<Outbox> {
    if (!outbox) {
      outbox = await openOutbox()
      await recoverInterrupted(outbox)
    }
    return outbox
  }

  async function refreshQueue(): Promise<void> {
    queue.value = await (await box()).list()
  }

  function describe(e: unknown): string {
    return e instanceof Error ? e.message : String(e)
  }

  async function load(at?: { lng: number; lat: number; crs: Crs }): Promise<void> {
    loading.value = true
    error.value = null
    try {
      await refreshQueue()
      try {
        me.value = (await patrolApi.me()).user
        signedIn.value = true
      } catch (e) {
        if (e instanceof HttpError && e.status === 401) {
          signedIn.value = false
          return
        }
        throw e
      }
      const list = await patrolApi.grids(at)
      grids.value = list.grids
      const pick = gridCode.value ?? list.current ?? list.grids.find((g) => g.hasRoute)?.code ?? list.grids[0]?.code ?? null
      await Promise.all([pick ? selectGrid(pick) : Promise.resolve(), loadVerifications()])
    } catch (e) {
      error.value = describe(e)
    } finally {
      loading.value = false
    }
  }

  async function selectGrid(code: string, byUser = false): Promise<void> {
    if (byUser) chosenByUser.value = true
    gridCode.value = code
    grid.value = await patrolApi.grid(code, today())
  }

  /** The first fix (or a later one) inside another grid of the areas switches to it, unless the user chose a grid. */
  async function followPosition(at: { lng: number; lat: number; crs: Crs }): Promise<void> {
    if (chosenByUser.value || signedIn.value !== true) return
    const { current } = await patrolApi.grids(at)
    if (current && current !== gridCode.value) await selectGrid(current)
  }

  async function refreshGrid(): Promise<void> {
    if (gridCode.value) grid.value = await patrolApi.grid(gridCode.value, today())
  }

  async function loadVerifications(): Promise<void> {
    verifications.value = (await patrolApi.verifications()).items
  }

  /** Sends what is due; after anything went out, reloads what it changed (tolerating being offline). */
  async function flush(force = false): Promise<FlushResult> {
    flushing.value = true
    try {
      const r = await flushOnce(await box(), createSender(patrolApi, () => me.value?.username ?? null), { force })
      lastFlush.value = r
      await refreshQueue()
      if (r.sent > 0) await Promise.all([refreshGrid(), loadVerifications()]).catch(() => {})
      return r
    } finally {
      flushing.value = false
    }
  }

  async function enqueue(item: Parameters<Outbox['add']>[0]): Promise<OutboxItem> {
    const added = await (await box()).add(item)
    await refreshQueue()
    // Online, send it now and wait, so the form can say truthfully whether it went out or waits in the outbox.
    if (typeof navigator === 'undefined' || navigator.onLine) await flush().catch(() => undefined)
    else void flush()
    return added
  }

  async function report(d: ReportDraft): Promise<OutboxItem> {
    const self = !!d.afterPhotos?.length
    const payload: Record<string, unknown> = {
      channel: 'patrol',
      requestType: 'report',
      fineClass: d.fineClass,
      description: d.description,
      ...(d.location ? { location: d.location } : {}),
      ...(d.address ? { address: d.address } : {}),
    }
    const photos = self
      ? [...(await queued(d.photos, 'beforePhotos')), ...(await queued(d.afterPhotos!, 'afterPhotos'))]
      : await queued(d.photos, 'photos')
    const key = newKey(self ? 'self' : 'rep')
    return enqueue({ key, kind: self ? 'selfResolve' : 'report', label: d.label, payload: { ...payload, clientId: key }, photos })
  }

  async function verify(v: VerificationItem, pass: boolean, reason: string, photos: File[]): Promise<OutboxItem> {
    return enqueue({
      key: newKey('ver'),
      kind: 'verify',
      label: v.code,
      payload: { code: v.code, version: v.version, pass, ...(pass ? {} : { reason }) },
      photos: await queued(photos, 'photos'),
    })
  }

  async function trackChunk(c: TrackChunk): Promise<OutboxItem> {
    return enqueue({ key: newKey('trk'), kind: 'track', label: String(c.points.length), payload: { crs: c.crs, points: c.points }, photos: [] })
  }

  /** Whether an outbox item has gone out (it leaves the outbox once the server acknowledged it). */
  function isSent(item: Pick<OutboxItem, 'key'>): boolean {
    return !queue.value.some((q) => q.key === item.key)
  }

  async function retry(seq: number): Promise<void> {
    const b = await box()
    const item = (await b.list()).find((i) => i.seq === seq)
    if (item) await b.put({ ...item, state: 'queued', nextAttemptAt: 0 })
    await refreshQueue()
    void flush(true)
  }

  async function discard(seq: number): Promise<void> {
    await (await box()).remove(seq)
    await refreshQueue()
  }

  return {
    me, signedIn, grids, gridCode, grid, verifications, loading, error, queue, flushing, lastFlush, pendingVerify,
    load, selectGrid, followPosition, refreshGrid, loadVerifications, refreshQueue, flush, report, verify, trackChunk, retry, discard, isSent,
  }
})
