import { insertPhotos, type NewPhoto } from '../../db/repositories/photos.ts'
import type { AppDb, Database } from '../../db/types.ts'
import { sniffMediaType, isPhotoKind } from '../../storage/sniff.ts'
import type { FileStorage } from '../../storage/index.ts'
import { processPhoto } from './process.ts'
import { photoRow } from './upload.ts'

/** A UUID (version 8, RFC 9562 "custom") from the content's SHA-256: the same image always gets the same id. */
export function contentUuid(sha256Hex: string): string {
  const h = sha256Hex.slice(0, 32).split('')
  h[12] = '8'
  h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)
  const s = h.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`
}

/**
 * Stores images the server made itself (the demo's scenes) exactly as uploads are stored — decoded and checked by
 * `processPhoto`, original and thumbnail through the file storage, a `photo` row — but in the caller's transaction
 * and with ids derived from the content, so a repeated seed writes the same keys and rows (an existing id is kept).
 */
export async function storeGeneratedPhotos(
  database: Database,
  tx: AppDb,
  storage: FileStorage,
  images: readonly { name: string; data: Buffer }[],
  uploadedBy: string,
): Promise<NewPhoto[]> {
  const rows: NewPhoto[] = []
  for (const img of images) {
    const kind = sniffMediaType(img.data).kind
    if (!isPhotoKind(kind)) throw new Error(`${img.name} is not a JPEG, PNG or WebP image`)
    const p = await processPhoto(img.data, kind, img.name)
    const row = photoRow(contentUuid(p.sha256), p, img.name, uploadedBy)
    await storage.put(row.storageKey, img.data)
    await storage.put(row.thumbKey, p.thumbnail.data)
    rows.push(row)
  }
  await insertPhotos(database, rows, { tx, ignoreExisting: true })
  return rows
}
