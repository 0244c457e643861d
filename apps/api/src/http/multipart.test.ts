import { describe, expect, it } from 'vitest'
import { MultipartError, multipartBoundary, parsePartHeaders, readMultipart, type PartInfo } from './multipart.ts'

/** A body split into chunks of `size` bytes, to exercise boundaries that straddle reads. */
function streamOf(body: Buffer, size = body.length || 1): ReadableStream<Uint8Array> {
  let offset = 0
  return new ReadableStream({
    pull(ctl) {
      if (offset >= body.length) return ctl.close()
      ctl.enqueue(new Uint8Array(body.subarray(offset, offset + size)))
      offset += size
    },
  })
}

interface Part extends PartInfo {
  data: Buffer
}

async function collect(body: Buffer, boundary: string, chunk?: number, limits = { maxBodyBytes: 1e7, maxParts: 50 }): Promise<Part[]> {
  const parts: Part[] = []
  await readMultipart(streamOf(body, chunk), boundary, (info) => {
    const chunks: Buffer[] = []
    return {
      write: (c) => void chunks.push(Buffer.from(c)),
      end: () => void parts.push({ ...info, data: Buffer.concat(chunks) }),
    }
  }, limits)
  return parts
}

const B = '----hjBoundary7MA4YWxkTrZu0gW'
/** Binary data containing CRLF, dashes and a near-boundary, which must come through untouched. */
const tricky = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]), Buffer.from(`\r\n--${B.slice(0, -1)}x`), Buffer.alloc(300, 7)])

function form(boundary = B): Buffer {
  return Buffer.concat([
    Buffer.from(`preamble to ignore\r\n--${boundary}\r\n`),
    Buffer.from('Content-Disposition: form-data; name="caption"\r\n\r\n井盖缺失'),
    Buffer.from(`\r\n--${boundary}\r\n`),
    Buffer.from('Content-Disposition: form-data; name="file"; filename="现场 1.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'),
    tricky,
    Buffer.from(`\r\n--${boundary}  \r\n`), // transport padding after a boundary is allowed
    Buffer.from(`Content-Disposition: form-data; name="file"; filename="a.txt"; filename*=UTF-8''%E7%85%A7%E7%89%87.png\r\n\r\n`),
    Buffer.from(`\r\n--${boundary}--\r\nepilogue`),
  ])
}

describe('readMultipart', () => {
  it('reads fields and files byte-exact, whatever the chunking', async () => {
    for (const chunk of [undefined, 1, 2, 3, 7, 41, 64]) {
      const parts = await collect(form(), B, chunk)
      expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
        ['caption', undefined, undefined],
        ['file', '现场 1.jpg', 'image/jpeg'],
        ['file', '照片.png', undefined],
      ])
      expect(parts[0]!.data.toString()).toBe('井盖缺失')
      expect(parts[1]!.data.equals(tricky)).toBe(true)
      expect(parts[2]!.data.length).toBe(0)
    }
  })

  it('refuses malformed bodies', async () => {
    const bad = async (body: string) => {
      const e = await collect(Buffer.from(body), B).catch((x: unknown) => x)
      expect(e, body).toBeInstanceOf(MultipartError)
      expect((e as MultipartError).reason).toBe('malformed')
    }
    await bad('')
    await bad('no boundary at all')
    await bad(`--${B}\r\nContent-Disposition: form-data; name="file"\r\n\r\nnever closed`)
    await bad(`--${B}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${B}--`)
    await bad(`--${B}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${B}--`)
    await bad(`--${B}\r\n\r\nx\r\n--${B}--`)
    await bad(`--${B}garbage\r\n`)
  })

  it('stops at the body and part-count limits', async () => {
    const big = Buffer.concat([Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="x"\r\n\r\n`), Buffer.alloc(5000), Buffer.from(`\r\n--${B}--`)])
    const e = await collect(big, B, 100, { maxBodyBytes: 4096, maxParts: 5 }).catch((x: unknown) => x)
    expect((e as MultipartError).reason).toBe('too_large')
    const many = Buffer.from(`--${B}\r\n` + Array.from({ length: 4 }, () => `Content-Disposition: form-data; name="f"\r\n\r\nx\r\n--${B}\r\n`).join(''))
    const e2 = await collect(many, B, undefined, { maxBodyBytes: 1e6, maxParts: 3 }).catch((x: unknown) => x)
    expect((e2 as MultipartError).reason).toBe('too_many_parts')
  })

  it('stops reading as soon as a sink throws, and cancels the body', async () => {
    let pulled = 0
    let cancelled = false
    const head = Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="x"\r\n\r\n`)
    const body = new ReadableStream<Uint8Array>({
      pull(ctl) {
        pulled++
        ctl.enqueue(pulled === 1 ? new Uint8Array(head) : new Uint8Array(1000))
      },
      cancel() {
        cancelled = true
      },
    })
    let received = 0
    const err = await readMultipart(body, B, () => ({
      write: (c) => {
        received += c.byteLength
        if (received > 2500) throw new Error('too big')
      },
      end: () => {},
    }), { maxBodyBytes: 1e9, maxParts: 10 }).catch((e: Error) => e)
    expect((err as Error).message).toBe('too big')
    expect(cancelled).toBe(true)
    expect(pulled).toBeLessThan(6)
  })
})

describe('multipartBoundary / parsePartHeaders', () => {
  it('finds the boundary of multipart/form-data only', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${B}`)).toBe(B)
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b:c"')).toBe('a b:c')
    expect(multipartBoundary('multipart/form-data')).toBeNull()
    expect(multipartBoundary('multipart/mixed; boundary=x')).toBeNull()
    expect(multipartBoundary('image/jpeg')).toBeNull()
    expect(multipartBoundary(undefined)).toBeNull()
  })

  it('reads quoted names with escapes and semicolons', () => {
    const h = parsePartHeaders(Buffer.from('content-disposition: form-data; name="file"; filename="a;\\"b\\".jpg"\r\ncontent-type: image/png'))
    expect(h).toEqual({ name: 'file', filename: 'a;"b".jpg', contentType: 'image/png' })
  })
})
