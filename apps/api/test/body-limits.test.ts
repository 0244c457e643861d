import { expect, it } from 'vitest'
import { ROUTE_RULES } from '../src/auth/route-rules.ts'
import { loadConfig } from '../src/config.ts'
import { DEFAULT_BODY_LIMIT, routeBodyLimit } from '../src/http/body-limits.ts'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

/**
 * Every route that takes a body, sent one over its limit — declared (Content-Length) and streamed without a
 * length (chunked) — answers 413 in the problem shape, having read at most about the limit.
 */

const PARAMS: Record<string, string> = {
  code: '350303001000',
  id: '00000000-0000-4000-8000-000000000000',
  action: 'arrive',
  unit: 'city_admin',
  address: '10.0.0.1',
}
const concrete = (path: string) => path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(PARAMS[name] ?? 'x'))
const WRITES = Object.keys(ROUTE_RULES)
  .map((k) => k.split(' ') as [string, string])
  .filter(([method]) => method !== 'GET')
// A small photo limit keeps the streamed upload routes' limit (several photos per request) small here.
const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', PHOTO_MAX_BYTES: String(64 * 1024) })
const CHUNK = new Uint8Array(64 * 1024).fill(0x20)

/** A body of `size` bytes made as it is read; `pulled()` says how much the server took. */
function lazyBody(size: number) {
  let sent = 0
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(ctrl) {
        if (sent >= size) return ctrl.close()
        const n = Math.min(CHUNK.length, size - sent)
        sent += n
        ctrl.enqueue(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, pulled: () => sent }
}

const contentType = (path: string) =>
  path.endsWith('/photos') ? 'multipart/form-data; boundary=xyz' : 'application/json'

describeEachEngine('request body limits', (ctx) => {
  it('one default for every JSON route; the routes that need more say so', () => {
    expect(DEFAULT_BODY_LIMIT).toBe(1024 * 1024)
    expect(WRITES.length).toBeGreaterThan(30)
    for (const [method, path] of WRITES) {
      const limit = routeBodyLimit(method, path, config)
      expect(limit.bytes, `${method} ${path}`).toBeLessThanOrEqual(64 * 1024 * 1024)
    }
    for (const small of ['POST /api/notifications/read', 'POST /api/knowledge', 'PATCH /api/knowledge/:id', 'POST /api/auth/login', 'DELETE /api/knowledge/:id']) {
      const [m, p] = small.split(' ') as [string, string]
      expect(routeBodyLimit(m, p, config).bytes, small).toBeLessThanOrEqual(DEFAULT_BODY_LIMIT)
    }
  })

  it('every route with a body over its declared Content-Length limit: 413 problem, nothing read', async () => {
    const app = testApp(ctx.database, config)
    for (const [method, path] of WRITES) {
      const { bytes } = routeBodyLimit(method, path, config)
      const body = lazyBody(bytes + 1)
      const res = await app.request(concrete(path), {
        method,
        headers: { 'content-type': contentType(path), 'content-length': String(bytes + 1) },
        body: body.stream,
        duplex: 'half',
      } as RequestInit)
      expect(res.status, `${method} ${path}`).toBe(413)
      expect(res.headers.get('content-type'), `${method} ${path}`).toMatch(/^application\/problem\+json/)
      const problem = (await res.json()) as { status: number; code: string; detail: string }
      expect(problem.status).toBe(413)
      expect(problem.code, `${method} ${path}`).toMatch(/too_large$/)
      expect(body.pulled(), `${method} ${path}`).toBeLessThanOrEqual(CHUNK.length)
    }
  })

  it('every route with a streamed body (no Content-Length) over its limit: 413 problem, read no further than the limit', async () => {
    const anonymous = testApp(ctx.database, config)
    // A streamed upload is read by its handler (after sign-in), which stops at its own limit.
    const uploader = testApp(ctx.database, config, 'handler')
    for (const [method, path] of WRITES) {
      const { bytes, streamed } = routeBodyLimit(method, path, config)
      const app = streamed ? uploader : anonymous
      const size = bytes + 4 * CHUNK.length
      const body = lazyBody(size)
      const res = await app.request(concrete(path), {
        method,
        headers: { 'content-type': contentType(path) },
        body: body.stream,
        duplex: 'half',
      } as RequestInit)
      expect(res.status, `${method} ${path}`).toBe(413)
      expect(res.headers.get('content-type'), `${method} ${path}`).toMatch(/^application\/problem\+json/)
      expect(((await res.json()) as { code: string }).code, `${method} ${path}`).toMatch(/too_large$/)
      expect(body.pulled(), `${method} ${path}`).toBeLessThan(size)
    }
  })

  it('a route without its own limit takes the default: 1 MiB + 1 byte is refused, a body under it is read', async () => {
    const app = testApp(ctx.database, config)
    const big = JSON.stringify({ ids: [1], pad: 'x'.repeat(DEFAULT_BODY_LIMIT) })
    const res = await app.request('/api/notifications/read', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big })
    expect(res.status).toBe(413)
    // an unknown route with a big body is refused too (before anything reads it)
    const lost = await app.request('/api/nowhere', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big })
    expect(lost.status).toBe(413)
    // JSON with 900 KiB of white space is within the default
    const fine = await testApp(ctx.database, config, 'handler').request('/api/notifications/read', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"all": true${' '.repeat(900 * 1024)}}`,
    })
    expect(fine.status).toBe(200)
  })
}, seedFixture)
