import { unattachablePhotoIds } from '../../db/repositories/photos.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { PUBLIC_UPLOADER } from '../photos/upload.ts'
import type { PhotoInput } from './photos.ts'

/**
 * Photos may be attached to an incident only by whoever uploaded them, or again when they are already on that
 * incident: an id is otherwise a way to read someone else's photo through one's own incident. A public
 * upload belongs to the one report it is first sent with. Refused with 422 photo_not_attachable naming the
 * ids (and only those), before anything is written.
 */
export async function assertAttachablePhotos(
  database: Database,
  actor: Pick<Actor, 'id' | 'role'>,
  input: PhotoInput,
  incidentId: number | null,
): Promise<void> {
  const fields = (['photos', 'beforePhotos', 'afterPhotos'] as const).map((f, i) => [f, input[(['attachment', 'before', 'after'] as const)[i]!] ?? []] as const)
  const ids = [...new Set(fields.flatMap(([, v]) => v))]
  if (ids.length === 0) return
  const isPublic = actor.role === 'public'
  const bad = new Set(await unattachablePhotoIds(database, { ids, uploader: isPublic ? PUBLIC_UPLOADER : actor.id, incidentId, unattachedOnly: isPublic }))
  if (bad.size === 0) return
  const errors = fields.flatMap(([field, v]) =>
    v.flatMap((id, i) => (bad.has(id) ? [{ path: `${field}.${i}`, message: `photo ${id} is unknown, not your upload, or on another report` }] : [])),
  )
  throw problems.unprocessable(
    'photo_not_attachable',
    isPublic
      ? 'A photo id is unknown, was not uploaded through the public form, or belongs to another report'
      : 'A photo id is unknown or not yours to attach: attach your own uploads (POST /api/photos) or photos already on this incident',
    { errors },
  )
}
