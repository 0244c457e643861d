import type { Readable } from 'node:stream'

/** What a put accepts: bytes already in memory, or a stream (Node or web) read to its end. */
export type StorageInput = Uint8Array | Readable | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>

export interface StoredObjectInfo {
  key: string
  bytes: number
  modifiedAt: Date
}

/**
 * Where uploaded files (photos, thumbnails, later attachments) live, addressed by an opaque key such as
 * `photos/3f/a2/3fa2…-orig`. Keys are relative, `/`-separated, and no segment starts with a dot
 * (see assertStorageKey), so every backend can map them safely: a path under a folder on local disk,
 * an object name in an S3/MinIO bucket.
 *
 * Semantics every backend keeps: a put is all-or-nothing (readers see the old object or the complete new
 * one, never a part of it) and replaces an existing object; get/stat of a missing key answer null;
 * delete of a missing key answers false.
 */
export interface FileStorage {
  /** `local`, later `s3`: for logs and health checks. */
  readonly kind: string
  put(key: string, data: StorageInput): Promise<StoredObjectInfo>
  /** A stream of the object's bytes, or null when there is no such object. */
  get(key: string): Promise<Readable | null>
  getBuffer(key: string): Promise<Buffer | null>
  stat(key: string): Promise<StoredObjectInfo | null>
  /** True when an object was deleted, false when there was none. */
  delete(key: string): Promise<boolean>
}

export class InvalidStorageKeyError extends Error {
  override name = 'InvalidStorageKeyError'
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/
const MAX_KEY_LENGTH = 512

/** Refuses keys that could escape the storage root or clash with temporary files (`..`, `/x`, `.tmp`). */
export function assertStorageKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new InvalidStorageKeyError(`invalid storage key (empty or over ${MAX_KEY_LENGTH} characters)`)
  }
  for (const segment of key.split('/')) {
    if (!SEGMENT.test(segment)) throw new InvalidStorageKeyError(`invalid storage key ${JSON.stringify(key)}`)
  }
}

/**
 * A key sharded into two folder levels from the start of `id` (`photos/3f/a2/<id><suffix>`), so no
 * folder holds more than a few thousand files even with millions of photos. `id` should be random
 * (a UUID) or a content hash so the shards fill evenly.
 */
export function shardedKey(prefix: string, id: string, suffix = ''): string {
  const clean = id.toLowerCase().replace(/[^a-z0-9]/g, '')
  if (clean.length < 4) throw new InvalidStorageKeyError(`id ${JSON.stringify(id)} is too short to shard`)
  const key = `${prefix}/${clean.slice(0, 2)}/${clean.slice(2, 4)}/${id}${suffix}`
  assertStorageKey(key)
  return key
}
