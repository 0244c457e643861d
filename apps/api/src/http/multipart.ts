/**
 * A streaming multipart/form-data reader (RFC 7578). Unlike Request.formData(), which buffers the whole
 * body before anyone can look at it, this hands each part's bytes to a sink as they arrive, so an upload
 * can be refused (too large, wrong type) after its first bytes, and memory stays bounded by what the
 * sinks choose to keep.
 */

export interface PartInfo {
  /** The form field name (Content-Disposition `name`). */
  name: string
  /** Set for file parts (Content-Disposition `filename`, `filename*` preferred). */
  filename: string | undefined
  /** The Content-Type the client declared for this part, if any (not to be trusted). */
  contentType: string | undefined
}

/** Receives one part's bytes. Throwing from any method stops reading the body and rejects readMultipart. */
export interface PartSink {
  write(chunk: Uint8Array): void | Promise<void>
  end(): void | Promise<void>
}

export interface MultipartLimits {
  /** The whole body, boundaries and headers included. */
  maxBodyBytes: number
  maxParts: number
  /** One part's header block. */
  maxHeaderBytes?: number
}

export class MultipartError extends Error {
  override name = 'MultipartError'
  constructor(
    readonly reason: 'malformed' | 'too_large' | 'too_many_parts',
    message: string,
  ) {
    super(message)
  }
}

/** The boundary of a multipart/form-data Content-Type, or null when the header is not one. */
export function multipartBoundary(contentType: string | undefined | null): string | null {
  if (!contentType) return null
  const [type, ...params] = contentType.split(';')
  if (type!.trim().toLowerCase() !== 'multipart/form-data') return null
  for (const p of params) {
    const m = /^\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s";]{1,70}))\s*$/i.exec(p)
    if (m) return m[1] ?? m[2]!
  }
  return null
}

const CRLF = Buffer.from('\r\n')
const HEADER_END = Buffer.from('\r\n\r\n')

function unquote(v: string): string {
  return v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v
}

/** Parses a part's header block (UTF-8: browsers send non-ASCII file names as raw UTF-8). */
export function parsePartHeaders(block: Buffer): PartInfo {
  const headers = new Map<string, string>()
  for (const line of block.toString('utf8').split('\r\n')) {
    const i = line.indexOf(':')
    if (i <= 0) throw new MultipartError('malformed', `malformed part header line ${JSON.stringify(line.slice(0, 80))}`)
    headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim())
  }
  const disposition = headers.get('content-disposition')
  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) {
    throw new MultipartError('malformed', 'a part has no Content-Disposition: form-data header')
  }
  const params = new Map<string, string>()
  const re = /;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g
  for (let m = re.exec(disposition); m; m = re.exec(disposition)) params.set(m[1]!.toLowerCase(), unquote(m[2]!.trim()))
  const name = params.get('name')
  if (name === undefined) throw new MultipartError('malformed', 'a part has no field name')
  let filename = params.get('filename')
  const extended = params.get('filename*')
  if (extended) {
    const m = /^utf-8'[^']*'(.*)$/i.exec(extended)
    if (m) {
      try {
        filename = decodeURIComponent(m[1]!)
      } catch {
        // keep the plain filename
      }
    }
  }
  return { name, filename, contentType: headers.get('content-type') }
}

type State = 'preamble' | 'delimiter' | 'headers' | 'body' | 'done'

/**
 * Reads a multipart body to its closing boundary, calling `onPart` for each part and feeding the
 * returned sink. Rejects with MultipartError on malformed input or a broken limit (and with whatever a
 * sink throws), after cancelling the body stream: nothing more is read.
 */
export async function readMultipart(
  body: ReadableStream<Uint8Array> | null,
  boundary: string,
  onPart: (info: PartInfo) => PartSink | Promise<PartSink>,
  limits: MultipartLimits,
): Promise<void> {
  if (!body) throw new MultipartError('malformed', 'the request has no body')
  const maxHeaderBytes = limits.maxHeaderBytes ?? 16 * 1024
  const first = Buffer.from(`--${boundary}`)
  const delimiter = Buffer.from(`\r\n--${boundary}`)
  const reader = body.getReader()
  let buf: Buffer = Buffer.alloc(0)
  let state: State = 'preamble'
  let total = 0
  let parts = 0
  let sink: PartSink | null = null

  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > limits.maxBodyBytes) {
        throw new MultipartError('too_large', `the request body is over ${limits.maxBodyBytes} bytes`)
      }
      buf = buf.length === 0 ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : Buffer.concat([buf, value])

      // Consume as much of buf as the current state allows.
      for (let progressed = true; progressed && state !== 'done'; ) {
        progressed = false
        switch (state) {
          case 'preamble': {
            // The first boundary opens the body or starts a line after a preamble (which is ignored).
            const at = buf.indexOf(first)
            if (at === 0 || (at >= 2 && buf[at - 2] === 0x0d && buf[at - 1] === 0x0a)) {
              buf = buf.subarray(at + first.length)
              state = 'delimiter'
              progressed = true
            } else if (at > 0) {
              buf = buf.subarray(at + 1)
              progressed = true
            } else if (buf.length >= delimiter.length) {
              buf = buf.subarray(buf.length - delimiter.length + 1)
            }
            break
          }
          case 'delimiter': {
            // After a boundary: "--" closes the body; otherwise optional whitespace, then CRLF.
            if (buf.length < 2) break
            if (buf[0] === 0x2d && buf[1] === 0x2d) {
              state = 'done'
              break
            }
            const eol = buf.indexOf(CRLF)
            if (eol < 0) {
              if (buf.length > 256) throw new MultipartError('malformed', 'a boundary line does not end')
              break
            }
            if (!/^[ \t]*$/.test(buf.subarray(0, eol).toString('latin1'))) {
              throw new MultipartError('malformed', 'unexpected bytes after a boundary')
            }
            buf = buf.subarray(eol + 2)
            if (++parts > limits.maxParts) {
              throw new MultipartError('too_many_parts', `a request may have at most ${limits.maxParts} parts`)
            }
            state = 'headers'
            progressed = true
            break
          }
          case 'headers': {
            // An empty header block is allowed by RFC 2046 but form-data needs Content-Disposition.
            if (buf.length >= 2 && buf[0] === 0x0d && buf[1] === 0x0a) {
              throw new MultipartError('malformed', 'a part has no Content-Disposition: form-data header')
            }
            const end = buf.indexOf(HEADER_END)
            if (end < 0) {
              if (buf.length > maxHeaderBytes) throw new MultipartError('malformed', `a part's headers are over ${maxHeaderBytes} bytes`)
              break
            }
            const info = parsePartHeaders(buf.subarray(0, end))
            buf = buf.subarray(end + HEADER_END.length)
            sink = await onPart(info)
            state = 'body'
            progressed = true
            break
          }
          case 'body': {
            const at = buf.indexOf(delimiter)
            if (at >= 0) {
              if (at > 0) await sink!.write(buf.subarray(0, at))
              await sink!.end()
              sink = null
              buf = buf.subarray(at + delimiter.length)
              state = 'delimiter'
              progressed = true
            } else {
              // Everything except a tail that could be the start of the delimiter is part data.
              const safe = buf.length - (delimiter.length - 1)
              if (safe > 0) {
                await sink!.write(buf.subarray(0, safe))
                buf = buf.subarray(safe)
              }
            }
            break
          }
        }
      }
      // Copy the small remainder so the stream's chunk can be released.
      if (buf.length > 0 && buf.length < 4096) buf = Buffer.from(buf)
      if (state === 'done') break
    }
    if (state !== 'done') {
      throw new MultipartError('malformed', parts === 0 ? 'the body has no multipart boundary' : 'the multipart body ends before its closing boundary')
    }
    // The epilogue after the closing boundary (normally nothing) is not read.
    await reader.cancel().catch(() => {})
  } catch (e) {
    await reader.cancel().catch(() => {})
    throw e
  } finally {
    reader.releaseLock()
  }
}
