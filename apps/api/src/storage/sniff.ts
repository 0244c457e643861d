/**
 * Content type by magic bytes: what a file IS, whatever its name or the Content-Type a client declared.
 * Recognises the photo formats we accept and the usual things people send instead, so a refusal can name
 * what was found ("a GIF image", "plain text") rather than just "not allowed".
 */

export type SniffedKind =
  | 'jpeg' | 'png' | 'webp'
  | 'gif' | 'bmp' | 'tiff' | 'heic' | 'avif' | 'ico' | 'svg' | 'pdf' | 'zip' | 'riff' | 'text' | 'empty' | 'unknown'

export interface Sniffed {
  kind: SniffedKind
  /** The media type of the detected format; application/octet-stream when unknown. */
  mime: string
  /** Human-readable, for problem details. */
  description: string
}

/** How many leading bytes sniffMediaType looks at (more only matter to tell text from binary). */
export const SNIFF_BYTES = 512

const TYPES: Record<SniffedKind, Omit<Sniffed, 'kind'>> = {
  jpeg: { mime: 'image/jpeg', description: 'a JPEG image' },
  png: { mime: 'image/png', description: 'a PNG image' },
  webp: { mime: 'image/webp', description: 'a WebP image' },
  gif: { mime: 'image/gif', description: 'a GIF image' },
  bmp: { mime: 'image/bmp', description: 'a BMP image' },
  tiff: { mime: 'image/tiff', description: 'a TIFF image' },
  heic: { mime: 'image/heic', description: 'a HEIC/HEIF image' },
  avif: { mime: 'image/avif', description: 'an AVIF image' },
  ico: { mime: 'image/vnd.microsoft.icon', description: 'an icon file' },
  svg: { mime: 'image/svg+xml', description: 'an SVG or XML document' },
  pdf: { mime: 'application/pdf', description: 'a PDF document' },
  zip: { mime: 'application/zip', description: 'a ZIP archive (or Office document)' },
  riff: { mime: 'application/octet-stream', description: 'a RIFF container that is not WebP (audio or video?)' },
  text: { mime: 'text/plain', description: 'plain text' },
  empty: { mime: 'application/octet-stream', description: 'an empty file' },
  unknown: { mime: 'application/octet-stream', description: 'unrecognised binary data' },
}

function startsWith(b: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (b.length < at + bytes.length) return false
  for (let i = 0; i < bytes.length; i++) if (b[at + i] !== bytes[i]) return false
  return true
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))

const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'])

function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, SNIFF_BYTES)
  for (let i = 0; i < n; i++) {
    const c = b[i]!
    // Control characters other than tab, LF, FF, CR, ESC mean binary; bytes ≥ 0x80 may be UTF-8 text.
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) return false
    if (c === 0x7f) return false
  }
  if (n === 0) return false
  // A cut in the middle of a multi-byte character at the end of the window is fine: drop up to 3 bytes.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, n), { stream: true })
    return true
  } catch {
    return false
  }
}

/** Detects the format of a file from its first bytes (give it at least SNIFF_BYTES when there are that many). */
export function sniffMediaType(head: Uint8Array): Sniffed {
  const kind = detect(head)
  return { kind, ...TYPES[kind] }
}

function detect(b: Uint8Array): SniffedKind {
  if (b.length === 0) return 'empty'
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(b, ascii('RIFF'))) return startsWith(b, ascii('WEBP'), 8) ? 'webp' : b.length >= 12 ? 'riff' : 'unknown'
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'gif'
  if (startsWith(b, ascii('BM')) && b.length >= 14) return 'bmp'
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff'
  if (startsWith(b, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...b.subarray(8, 12))
    if (brand === 'avif' || brand === 'avis') return 'avif'
    if (HEIF_BRANDS.has(brand)) return 'heic'
  }
  if (startsWith(b, [0x00, 0x00, 0x01, 0x00]) && b.length >= 6) return 'ico'
  if (startsWith(b, ascii('%PDF-'))) return 'pdf'
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return 'zip'
  if (looksLikeText(b)) {
    const start = new TextDecoder().decode(b.subarray(0, Math.min(b.length, SNIFF_BYTES))).replace(/^\uFEFF/, '').trimStart()
    return /^<(\?xml|svg|!DOCTYPE svg)/i.test(start) ? 'svg' : 'text'
  }
  return 'unknown'
}

/** The photo formats the platform accepts (the ones every phone and browser produces and shows). */
export const PHOTO_KINDS = ['jpeg', 'png', 'webp'] as const
export type PhotoKind = (typeof PHOTO_KINDS)[number]

export function isPhotoKind(kind: SniffedKind): kind is PhotoKind {
  return (PHOTO_KINDS as readonly string[]).includes(kind)
}
