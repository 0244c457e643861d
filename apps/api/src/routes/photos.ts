import { Readable } from 'node:stream'
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { findPhoto, type PhotoRecord } from '../db/repositories/photos.ts'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { multipartBoundary } from '../http/multipart.ts'
import { problems } from '../http/problem.ts'
import { parseInput } from '../http/validate.ts'
import { incidentRowScope } from '../services/auth/scope.ts'
import { formatBytes, maxUploadBodyBytes, photoJson, receivePhotos, storePhotos } from '../services/photos/upload.ts'
import { createFileStorage, type FileStorage } from '../storage/index.ts'
import { anyJson, describe, media } from '../http/openapi.ts'

const idParam = z.uuid({ message: 'a photo id is a UUID' })

/**
 * Photos are immutable (a new upload gets a new id), so clients may cache them for a year. `private`:
 * incident photos can show people, plates and homes (PIPL), so shared caches must not keep them.
 */
const CACHE_CONTROL = 'private, max-age=31536000, immutable'

/** POST /api/photos (multipart/form-data, field `file`, repeatable), GET /api/photos/:id[/thumbnail]. */
export function photoRoutes({ database, config }: AppDeps, storage: FileStorage = createFileStorage(config)) {
  const maxBytes = config.photoMaxBytes
  return new Hono()
    .post('/photos', describe({ tag: 'photos', summary: 'Upload photos (multipart/form-data, field file, repeatable)', body: { mediaType: 'multipart/form-data', schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } }, responses: { 201: anyJson('The photo (or a list for several)') } }), async (c) => {
      const boundary = multipartBoundary(c.req.header('content-type'))
      if (!boundary) {
        throw problems.unsupportedMediaType(`Upload photos as multipart/form-data with the file in the field "file"`)
      }
      // Refuse at once what cannot fit, before reading a byte; the limits are enforced again while reading.
      const declared = Number(c.req.header('content-length'))
      const maxBody = maxUploadBodyBytes(maxBytes)
      if (Number.isFinite(declared) && declared > maxBody) {
        throw problems.photoTooLarge(`The upload is ${formatBytes(declared)}, over the ${formatBytes(maxBody)} a request may carry (photos of at most ${formatBytes(maxBytes)} each)`, {
          limit: maxBytes,
          unit: 'bytes',
        })
      }
      const received = await receivePhotos(c.req.raw.body, boundary, maxBytes)
      const stored = await storePhotos(database, storage, received, actorOf(c).id)
      const body = stored.map(photoJson)
      if (body.length === 1) {
        c.header('location', body[0]!.url)
        return c.json(body[0]!, 201)
      }
      return c.json(body, 201)
    })
    .get('/photos/:id', describe({ tag: 'photos', summary: 'A photo (the original)', params: { id: idParam }, responses: { 200: media('image/*', 'The image') } }), async (c) => {
      const photo = await photoOr404(c)
      return serveFile(c, storage, photo.storageKey, photo.mime, `"${photo.sha256}"`)
    })
    .get('/photos/:id/thumbnail', describe({ tag: 'photos', summary: 'A photo thumbnail (WebP, no EXIF)', params: { id: idParam }, responses: { 200: media('image/webp', 'The thumbnail') } }), async (c) => {
      const photo = await photoOr404(c)
      return serveFile(c, storage, photo.thumbKey, photo.thumbMime, `"${photo.sha256}-thumb"`)
    })

  /** The photo when the caller may see it (their upload, or shown by an incident in their scope), else 404. */
  async function photoOr404(c: Context): Promise<PhotoRecord> {
    const id = parseInput(idParam, c.req.param('id'), 'photo id')
    const actor = actorOf(c)
    const photo = await findPhoto(database, id, { actorId: actor.id, scope: incidentRowScope(actor) })
    if (!photo) throw problems.notFound('photo', `No photo with id ${id}`)
    return photo
  }
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  // Weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
}

export async function serveFile(c: Context, storage: FileStorage, key: string, mime: string, etag: string): Promise<Response> {
  const headers: Record<string, string> = {
    etag,
    'cache-control': CACHE_CONTROL,
    'x-content-type-options': 'nosniff',
  }
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers)
  const info = await storage.stat(key)
  const stream = info && (await storage.get(key))
  if (!info || !stream) throw new Error(`photo file ${key} is missing from the ${storage.kind} storage`)
  return c.body(Readable.toWeb(stream) as ReadableStream<Uint8Array>, 200, {
    ...headers,
    'content-type': mime,
    'content-length': String(info.bytes),
  })
}
