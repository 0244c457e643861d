import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/types.ts'
import { testApp } from './app.ts'
import { openTestDatabase, type TestDatabase } from './engines.ts'

/** The built web app as the API serves it: precompressed assets by Accept-Encoding, immutable caching, SPA shell. */
describe('web app static files', () => {
  let test: TestDatabase
  let database: Database
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-web-dist-'))
  const js = `console.log(${JSON.stringify('涵江'.repeat(400))})\n`

  beforeAll(async () => {
    test = await openTestDatabase('embedded')
    database = test.database
    fs.mkdirSync(path.join(dist, 'assets'))
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>涵江</title><div id="app"></div>')
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), js)
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js.gz'), gzipSync(js))
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js.br'), brotliCompressSync(js))
  })
  afterAll(async () => {
    await test?.dispose()
    fs.rmSync(dist, { recursive: true, force: true })
  })

  const get = (p: string, encoding?: string) =>
    testApp(database, { webDist: dist }).request(p, { headers: encoding ? { 'accept-encoding': encoding } : {} })

  it('sends the brotli or gzip file the build wrote when the client takes it, else the plain file', async () => {
    const br = await get('/assets/app-abc123.js', 'gzip, deflate, br')
    expect(br.status).toBe(200)
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(Buffer.from(await br.arrayBuffer())).toEqual(brotliCompressSync(js))

    const gz = await get('/assets/app-abc123.js', 'gzip')
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(Buffer.from(await gz.arrayBuffer())).toEqual(gzipSync(js))

    const plain = await get('/assets/app-abc123.js')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(js)
  })

  it('answers client-side routes with the app shell, never cached as immutable (not even for a missing asset)', async () => {
    for (const p of ['/dispatch', '/wall?kiosk=1', '/incidents/HJ20261207-0001', '/track/ABCDEFGHJKMN', '/assets/gone-000000.js']) {
      const r = await get(p)
      expect(r.status).toBe(200)
      expect(await r.text()).toContain('<div id="app">')
      expect(r.headers.get('cache-control') ?? '').not.toContain('immutable')
    }
  })

  it('never answers an /api path with the app shell: an unknown API route is a problem (denied by default)', async () => {
    const r = await get('/api/no-such-route')
    expect(r.status).toBeGreaterThanOrEqual(400)
    expect(r.headers.get('content-type')).toContain('application/problem+json')
    expect(await r.text()).not.toContain('<div id="app">')
  })
})
