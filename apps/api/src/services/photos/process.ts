import { createHash } from 'node:crypto'
import sharp, { type Metadata } from 'sharp'
import { problems } from '../../http/problem.ts'
import type { PhotoKind } from '../../storage/sniff.ts'
import { exifHints, type ExifHints } from './exif.ts'

/** Long side of the thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 320
export const THUMBNAIL_MIME = 'image/webp'
/**
 * Decoded size limit: a 10 MB PNG of one colour can hold a 100,000 × 100,000 image (a decompression bomb).
 * 100 megapixels is above every phone camera in use.
 */
export const MAX_PHOTO_PIXELS = 100_000_000

const MIME: Record<PhotoKind, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

export interface ProcessedPhoto {
  kind: PhotoKind
  mime: string
  bytes: number
  sha256: string
  /** The pixel matrix as stored in the file (before EXIF orientation is applied). */
  width: number
  height: number
  /** EXIF orientation 1–8 (1 when absent): the original keeps it, the thumbnail has it applied. */
  orientation: number
  hints: ExifHints
  thumbnail: { data: Buffer; mime: string; width: number; height: number }
}

/** Whether an EXIF orientation turns the image a quarter (width and height swap when displayed). */
export const swapsSides = (orientation: number) => orientation >= 5 && orientation <= 8

/**
 * Decodes an upload whose magic bytes said `kind`: reads its size, orientation and EXIF hints, and renders
 * the upright thumbnail. Decoding the whole image (not only its header) is what proves it is intact:
 * sharp fails on libvips warnings such as a truncated JPEG. Throws 422 photo_unreadable or
 * 413 photo_too_large (pixels); stores nothing.
 */
export async function processPhoto(data: Buffer, kind: PhotoKind, label: string): Promise<ProcessedPhoto> {
  const options = { failOn: 'warning', limitInputPixels: MAX_PHOTO_PIXELS, sequentialRead: true } as const
  let meta: Metadata
  try {
    meta = await sharp(data, { ...options, limitInputPixels: false }).metadata()
  } catch (e) {
    throw unreadable(label, kind, e)
  }
  if (meta.format !== kind || !meta.width || !meta.height) {
    throw problems.photoUnreadable(`${label} starts like ${article(kind)} image but does not decode as one`, { format: meta.format ?? null })
  }
  if (meta.width * meta.height > MAX_PHOTO_PIXELS) {
    throw problems.photoTooLarge(
      `${label} is ${meta.width} × ${meta.height} pixels; a photo may have at most ${MAX_PHOTO_PIXELS / 1e6} megapixels`,
      { limit: MAX_PHOTO_PIXELS, unit: 'pixels' },
    )
  }
  const orientation = meta.orientation && meta.orientation >= 1 && meta.orientation <= 8 ? meta.orientation : 1

  let thumbnail: ProcessedPhoto['thumbnail']
  try {
    const { data: thumb, info } = await sharp(data, options)
      .autoOrient()
      .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 78 })
      .toBuffer({ resolveWithObject: true })
    thumbnail = { data: thumb, mime: THUMBNAIL_MIME, width: info.width, height: info.height }
  } catch (e) {
    throw unreadable(label, kind, e)
  }

  return {
    kind,
    mime: MIME[kind],
    bytes: data.byteLength,
    sha256: createHash('sha256').update(data).digest('hex'),
    width: meta.width,
    height: meta.height,
    orientation,
    hints: await exifHints(meta.exif),
    thumbnail,
  }
}

function article(kind: PhotoKind): string {
  return kind === 'jpeg' ? 'a JPEG' : kind === 'png' ? 'a PNG' : 'a WebP'
}

function unreadable(label: string, kind: PhotoKind, e: unknown) {
  // libvips messages name the decoder's complaint ("premature end of JPEG image"); keep the first line.
  const reason = String((e as Error)?.message ?? e).split('\n')[0]!.replace(/^Input buffer has corrupt header: /, '')
  return problems.photoUnreadable(`${label} starts like ${article(kind)} image but cannot be decoded: ${reason}`, { reason })
}
