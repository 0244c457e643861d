import { describe, expect, it } from 'vitest'
import { isPhotoKind, sniffMediaType } from './sniff.ts'

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))

describe('sniffMediaType', () => {
  it('recognises the accepted photo formats by their magic bytes', () => {
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'))).toMatchObject({ kind: 'jpeg', mime: 'image/jpeg' })
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'))).toMatchObject({ kind: 'jpeg' })
    expect(sniffMediaType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'))).toMatchObject({ kind: 'png', mime: 'image/png' })
    expect(sniffMediaType(bytes('RIFF', [0x24, 0x10, 0, 0], 'WEBPVP8 '))).toMatchObject({ kind: 'webp', mime: 'image/webp' })
    for (const k of ['jpeg', 'png', 'webp'] as const) expect(isPhotoKind(k)).toBe(true)
  })

  it('names what other files are', () => {
    const cases: [Buffer, string][] = [
      [bytes('GIF89a', [1, 0, 1, 0]), 'gif'],
      [bytes('GIF87a', [1, 0, 1, 0]), 'gif'],
      [bytes('BM', [0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0]), 'bmp'],
      [bytes([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), 'tiff'],
      [bytes([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8]), 'tiff'],
      [bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'), 'heic'],
      [bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0]), 'avif'],
      [bytes('RIFF', [0x24, 0x10, 0, 0], 'WAVEfmt '), 'riff'],
      [bytes('%PDF-1.7\n'), 'pdf'],
      [bytes([0x50, 0x4b, 3, 4, 20, 0]), 'zip'],
      [bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg'],
      [bytes('<svg viewBox="0 0 1 1"></svg>'), 'svg'],
      [Buffer.from('这不是图片 — just a text file renamed to photo.jpg\r\n'), 'text'],
      [Buffer.alloc(0), 'empty'],
      [bytes([0, 1, 2, 3, 4, 5, 6, 7, 8]), 'unknown'],
      [bytes([0xff, 0xd8]), 'unknown'], // too short to be a JPEG
      [bytes('RIFF'), 'unknown'],
    ]
    for (const [b, kind] of cases) {
      const s = sniffMediaType(b)
      expect(s.kind, b.subarray(0, 12).toString('hex')).toBe(kind)
      expect(s.description.length).toBeGreaterThan(3)
      expect(isPhotoKind(s.kind)).toBe(false)
    }
  })

  it('tells text from binary even when a multi-byte character is cut at the end of the window', () => {
    const t = Buffer.from('涵'.repeat(200)) // 600 bytes; 512 cuts a character
    expect(sniffMediaType(t).kind).toBe('text')
    expect(sniffMediaType(bytes('abc', [0xc3, 0x28], 'def')).kind).toBe('unknown') // invalid UTF-8
  })
})
