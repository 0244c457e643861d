import fs from 'node:fs'
import { Readable } from 'node:stream'
import { Hono } from 'hono'
import { z } from 'zod'
import { basemapFileUrl } from '../config.ts'
import type { AppDeps } from '../http/context.ts'
import { describe, media } from '../http/openapi.ts'
import { problem, problems } from '../http/problem.ts'

/**
 * A local PMTiles basemap (TILE_SOURCE=pmtiles:/path/file.pmtiles), served by the API so the intranet needs no
 * tile server: the `pmtiles` client reads it in byte ranges (one range per request, RFC 9110 §14).
 */
export function basemapRoutes({ config }: AppDeps) {
  const files = new Map(config.basemaps.filter((b) => b.file).map((b) => [basemapFileUrl(b.id).split('/').pop()!, b.file!]))
  return new Hono().get(
    '/basemaps/:file',
    describe({
      tag: 'system',
      summary: 'A local PMTiles basemap archive (byte ranges)',
      params: { file: z.string().meta({ description: 'The archive, as /api/config names it (`<basemap id>.pmtiles`)' }) },
      responses: { 200: media('application/vnd.pmtiles', 'The archive'), 206: media('application/vnd.pmtiles', 'The requested byte range') },
    }),
    async (c) => {
      const name = c.req.param('file')
      const file = files.get(name)
      if (!file) throw problems.notFound('basemap', `No basemap file ${name}`)
      const stat = await fs.promises.stat(file).catch(() => null)
      if (!stat) throw problems.notFound('basemap', `The basemap file of ${name} is gone from the server`)
      const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
      c.header('accept-ranges', 'bytes')
      c.header('etag', etag)
      c.header('cache-control', 'public, max-age=3600')
      c.header('content-type', 'application/vnd.pmtiles')
      const range = c.req.header('range')
      if (!range || (c.req.header('if-range') && c.req.header('if-range') !== etag)) {
        c.header('content-length', String(stat.size))
        return c.body(Readable.toWeb(fs.createReadStream(file)) as ReadableStream, 200)
      }
      const r = parseRange(range, stat.size)
      if (!r) {
        throw problem('range_not_satisfiable', `Range ${range} does not fit a file of ${stat.size} bytes (one range, bytes=start-end)`, {}, { 'content-range': `bytes */${stat.size}` })
      }
      c.header('content-range', `bytes ${r.start}-${r.end}/${stat.size}`)
      c.header('content-length', String(r.end - r.start + 1))
      return c.body(Readable.toWeb(fs.createReadStream(file, { start: r.start, end: r.end })) as ReadableStream, 206)
    },
  )
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` within a file of `size` bytes; null when unsatisfiable or several ranges. */
export function parseRange(header: string, size: number): { start: number; end: number } | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (m[1] === '' && m[2] === '')) return null
  let start: number
  let end: number
  if (m[1] === '') {
    const n = Number(m[2])
    if (n === 0) return null
    start = Math.max(0, size - n)
    end = size - 1
  } else {
    start = Number(m[1])
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  }
  if (start >= size || end < start) return null
  return { start, end }
}
