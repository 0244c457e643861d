import { randomUUID } from 'node:crypto'
import { insertPhotos, type NewPhoto, type PhotoRecord } from '../../db/repositories/photos.ts'
import type { Database } from '../../db/types.ts'
import { MultipartError, readMultipart, type PartSink } from '../../http/multipart.ts'
import { problems } from '../../http/problem.ts'
import { isPhotoKind, sniffMediaType, SNIFF_BYTES, type PhotoKind } from '../../storage/sniff.ts'
import { shardedKey, type FileStorage } from '../../storage/index.ts'
import { processPhoto, swapsSides, type ProcessedPhoto } from './process.ts'

/** The form field photos come in; repeat it to send several. */
export const PHOTO_FIELD = 'file'
/** Photos in one request (a report's before/after set; WeChat's picker stops at 9 too). */
export const MAX_PHOTOS_PER_REQUEST = 9
/** Boundaries and part headers around one file. */
const PART_OVERHEAD = 16 * 1024
/** Other, small form fields (a caption…): ignored, but each is capped. */
const MAX_TEXT_FIELD_BYTES = 64 * 1024
const ACCEPTED_MIME = ['image/jpeg', 'image/png', 'image/webp']
const EXT: Record<PhotoKind, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' }

/** The `photo` row for a processed image stored under `id` (original and thumbnail keys sharded by id). */
/** `uploaded_by` of photos sent with the public report form (no account). */
export const PUBLIC_UPLOADER = 'public'

export function photoRow(id: string, p: ProcessedPhoto, originalName: string | null, uploadedBy: string | null): NewPhoto {
  return {
    id,
    sha256: p.sha256,
    mime: p.mime,
    bytes: p.bytes,
    width: p.width,
    height: p.height,
    orientation: p.orientation,
    gps: p.hints.gps,
    takenAt: p.hints.takenAt,
    storageKey: shardedKey('photos', id, `.${EXT[p.kind]}`),
    thumbKey: shardedKey('photos', id, '.thumb.webp'),
    thumbMime: p.thumbnail.mime,
    thumbWidth: p.thumbnail.width,
    thumbHeight: p.thumbnail.height,
    thumbBytes: p.thumbnail.data.byteLength,
    originalName,
    uploadedBy,
  }
}

export interface ReceivedPhoto {
  index: number
  filename: string | undefined
  label: string
  kind: PhotoKind
  data: Buffer
}

/** The largest body a photo upload may have: used to refuse early from Content-Length. */
export function maxUploadBodyBytes(maxPhotoBytes: number): number {
  return MAX_PHOTOS_PER_REQUEST * (maxPhotoBytes + PART_OVERHEAD)
}

function labelOf(index: number, filename: string | undefined): string {
  return filename ? `The file "${filename.slice(0, 200)}"` : `File ${index + 1}`
}

/**
 * Reads the photos of a multipart/form-data body, refusing each file as soon as its bytes allow: its type
 * from the first bytes (415), its size the moment it passes the limit (413). Nothing is written anywhere.
 */
export async function receivePhotos(
  body: ReadableStream<Uint8Array> | null,
  boundary: string,
  maxPhotoBytes: number,
): Promise<ReceivedPhoto[]> {
  const received: ReceivedPhoto[] = []
  let fileIndex = 0
  const onPart = ({ name, filename }: { name: string; filename: string | undefined }): PartSink => {
    if (name !== PHOTO_FIELD) {
      if (filename !== undefined) {
        throw problems.validation(`Send photos in the form field "${PHOTO_FIELD}", not "${name}"`, [
          { path: name, message: `unexpected file field; use "${PHOTO_FIELD}"` },
        ])
      }
      let size = 0
      return {
        write: (chunk) => {
          size += chunk.byteLength
          if (size > MAX_TEXT_FIELD_BYTES) {
            throw problems.validation(`The form field "${name}" is over ${MAX_TEXT_FIELD_BYTES} bytes`, [{ path: name, message: 'too long' }])
          }
        },
        end: () => {},
      }
    }
    const index = fileIndex++
    if (index >= MAX_PHOTOS_PER_REQUEST) {
      throw problems.validation(`At most ${MAX_PHOTOS_PER_REQUEST} photos may be sent in one request`, [
        { path: PHOTO_FIELD, message: `at most ${MAX_PHOTOS_PER_REQUEST} files` },
      ])
    }
    const label = labelOf(index, filename)
    const chunks: Uint8Array[] = []
    let size = 0
    let kind: PhotoKind | undefined
    const sniff = () => {
      const detected = sniffMediaType(Buffer.concat(chunks, Math.min(size, SNIFF_BYTES)))
      if (!isPhotoKind(detected.kind)) {
        throw problems.unsupportedPhotoType(
          `${label} is ${detected.description}; a photo must be a JPEG, PNG or WebP image (judged by its content, not its name)`,
          { detected: detected.kind, detectedMime: detected.mime, accepted: ACCEPTED_MIME, file: filename ?? null, index },
        )
      }
      kind = detected.kind
    }
    return {
      write: (chunk) => {
        size += chunk.byteLength
        if (size > maxPhotoBytes) {
          throw problems.photoTooLarge(`${label} is over the ${formatBytes(maxPhotoBytes)} limit for a photo`, {
            limit: maxPhotoBytes,
            unit: 'bytes',
            file: filename ?? null,
            index,
          })
        }
        chunks.push(chunk)
        if (!kind && size >= SNIFF_BYTES) sniff()
      },
      end: () => {
        if (!kind) sniff()
        received.push({ index, filename, label, kind: kind!, data: Buffer.concat(chunks, size) })
      },
    }
  }

  try {
    await readMultipart(body, boundary, onPart, {
      maxBodyBytes: maxUploadBodyBytes(maxPhotoBytes),
      maxParts: MAX_PHOTOS_PER_REQUEST + 20,
    })
  } catch (e) {
    if (!(e instanceof MultipartError)) throw e
    if (e.reason === 'too_large') {
      throw problems.photoTooLarge(
        `The upload is over ${formatBytes(maxUploadBodyBytes(maxPhotoBytes))}: at most ${MAX_PHOTOS_PER_REQUEST} photos of ${formatBytes(maxPhotoBytes)} each`,
        { limit: maxPhotoBytes, unit: 'bytes' },
      )
    }
    throw problems.validation(`The multipart/form-data body is invalid: ${e.message}`, [{ path: 'body', message: e.message }])
  }
  if (received.length === 0) {
    throw problems.validation(`No photo: send it as a file in the form field "${PHOTO_FIELD}"`, [
      { path: PHOTO_FIELD, message: 'required' },
    ])
  }
  return received
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`
  return `${n} bytes`
}

/**
 * Decodes every received photo, then writes originals and thumbnails to the storage and the rows to the
 * table. All or nothing: a photo that does not decode refuses the whole request before anything is
 * written; a failed write or insert deletes the files already written. (A crash between the file writes
 * and the insert can leave unreferenced files, never a row without its files.)
 */
export async function storePhotos(
  database: Database,
  storage: FileStorage,
  photos: ReceivedPhoto[],
  uploadedBy: string | null,
): Promise<PhotoRecord[]> {
  const processed: ProcessedPhoto[] = []
  for (const p of photos) processed.push(await processPhoto(p.data, p.kind, p.label))

  const rows: NewPhoto[] = processed.map((p, i) => photoRow(randomUUID(), p, photos[i]!.filename?.slice(0, 255) ?? null, uploadedBy))

  const written: string[] = []
  try {
    for (const [i, row] of rows.entries()) {
      written.push(row.storageKey)
      await storage.put(row.storageKey, photos[i]!.data)
      written.push(row.thumbKey)
      await storage.put(row.thumbKey, processed[i]!.thumbnail.data)
    }
    const createdAt = await insertPhotos(database, rows)
    return rows.map((r) => ({ ...r, createdAt }))
  } catch (e) {
    await Promise.all(written.map((key) => storage.delete(key).catch(() => false)))
    throw e
  }
}

export interface PhotoJson {
  id: string
  url: string
  thumbnailUrl: string
  mime: string
  bytes: number
  /** As displayed (EXIF orientation applied), like the thumbnail and like browsers show the original. */
  width: number
  height: number
  orientation: number
  gps: { lng: number; lat: number } | null
  takenAt: string | null
  sha256: string
  createdAt: string
}

export function photoJson(p: PhotoRecord): PhotoJson {
  const swap = swapsSides(p.orientation)
  return {
    id: p.id,
    url: `/api/photos/${p.id}`,
    thumbnailUrl: `/api/photos/${p.id}/thumbnail`,
    mime: p.mime,
    bytes: p.bytes,
    width: swap ? p.height : p.width,
    height: swap ? p.width : p.height,
    orientation: p.orientation,
    gps: p.gps,
    takenAt: p.takenAt ? p.takenAt.toISOString() : null,
    sha256: p.sha256,
    createdAt: p.createdAt.toISOString(),
  }
}
