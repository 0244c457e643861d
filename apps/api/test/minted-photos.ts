import { randomUUID } from 'node:crypto'
import { insertPhotos } from '../src/db/repositories/photos.ts'
import type { Database } from '../src/db/types.ts'
import { normalise, type WhoLike } from './auth.ts'

/**
 * Photo ids for workflow tests. A photo may only be attached by its uploader (or when already on the incident),
 * so an id from `mintPhoto()` is stored as `who`'s upload (a row without files) the first time a test client
 * sends it — as a real client uploads before it attaches. Ids not minted here are sent as they are.
 */
const minted = new Set<string>()

export function mintPhoto(): string {
  const id = randomUUID()
  minted.add(id)
  return id
}

const FIELDS = ['photos', 'beforePhotos', 'afterPhotos'] as const

/** Stores the minted photo ids in `body` as uploads of `who` (once each). */
export async function uploadMinted(database: Database, who: WhoLike | null, body: unknown): Promise<void> {
  if (!body || typeof body !== 'object') return
  const ids = FIELDS.flatMap((f) => ((body as Record<string, unknown>)[f] as string[] | undefined) ?? []).filter((id) => minted.has(id))
  if (ids.length === 0) return
  for (const id of ids) minted.delete(id)
  const uploader = who === null ? 'public' : normalise(who).username
  await insertPhotos(
    database,
    ids.map((id) => ({
      id, sha256: id, mime: 'image/jpeg', bytes: 1, width: 1, height: 1, orientation: 1, gps: null, takenAt: null,
      storageKey: `test/${id}`, thumbKey: `test/${id}-thumb`, thumbMime: 'image/webp', thumbWidth: 1, thumbHeight: 1, thumbBytes: 1,
      originalName: null, uploadedBy: uploader,
    })),
    { ignoreExisting: true },
  )
}
