import { openDB, type DBSchema, type IDBPDatabase } from 'idb'

/**
 * The patrol outbox (nothing made offline is lost or doubled): every report, self-resolve, verification
 * and track chunk is first written here, in IndexedDB, with its idempotency key and its photos' bytes, and only
 * then sent. A send that fails for want of a network stays queued and is retried; the server recognises a resend
 * by its key. Items leave the outbox only when the server has acknowledged them.
 */

export type OutboxKind = 'report' | 'selfResolve' | 'verify' | 'track'
export type OutboxState = 'queued' | 'sending' | 'failed'
export type PhotoSlot = 'photos' | 'beforePhotos' | 'afterPhotos'

export interface QueuedPhoto {
  slot: PhotoSlot
  /** The photo's bytes (an ArrayBuffer: every browser's IndexedDB stores one, older WebKit fails on Blobs). */
  data: ArrayBuffer
  type: string
  name: string
  /** Set once uploaded, so a retry does not upload it again. */
  uploadedId?: string
}

export interface OutboxItem {
  /** Insertion order (IndexedDB auto-increment): items are sent in the order they were made. */
  seq?: number
  /** Idempotency key (Idempotency-Key header / clientId / chunkId). */
  key: string
  kind: OutboxKind
  /** Short human label for the queue list (class name, incident code, "12 points"). */
  label: string
  createdAt: string
  state: OutboxState
  attempts: number
  /** Epoch ms before which no retry is made (back-off); 0 = now. */
  nextAttemptAt: number
  lastError: string | null
  payload: Record<string, unknown>
  photos: QueuedPhoto[]
  /** Intermediate results a multi-step send keeps (e.g. the created incident's code before self-resolving). */
  progress?: Record<string, unknown>
}

interface OutboxDb extends DBSchema {
  outbox: { key: number; value: OutboxItem; indexes: { byKey: string } }
}

export const OUTBOX_DB = 'hj-patrol'

export interface Outbox {
  add(item: Omit<OutboxItem, 'seq' | 'state' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'createdAt'> & { createdAt?: string }): Promise<OutboxItem>
  /** All items in send order. */
  list(): Promise<OutboxItem[]>
  put(item: OutboxItem): Promise<void>
  remove(seq: number): Promise<void>
  close(): void
}

export async function openOutbox(name = OUTBOX_DB): Promise<Outbox> {
  const db: IDBPDatabase<OutboxDb> = await openDB<OutboxDb>(name, 1, {
    upgrade(d) {
      const store = d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true })
      // The same key twice is one item: a double tap on "send" cannot queue a report twice.
      store.createIndex('byKey', 'key', { unique: true })
    },
  })
  return {
    async add(input) {
      const existing = await db.getFromIndex('outbox', 'byKey', input.key)
      if (existing) return existing
      const item: OutboxItem = { createdAt: new Date().toISOString(), ...input, state: 'queued', attempts: 0, nextAttemptAt: 0, lastError: null }
      const seq = await db.add('outbox', item)
      return { ...item, seq }
    },
    list: () => db.getAll('outbox'),
    async put(item) {
      await db.put('outbox', item)
    },
    remove: (seq) => db.delete('outbox', seq),
    close: () => db.close(),
  }
}
