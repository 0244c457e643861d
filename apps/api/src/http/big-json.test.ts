import { gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { acceptsGzip, bigJson } from './big-json.ts'

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1, gzip;q=0.5', true],
    ['*', true],
    ['gzip;q=0', false],
    ['gzip;q=0, *', false],
    ['identity', false],
    ['deflate, *;q=0', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => expect(acceptsGzip(header)).toBe(expected))
})

describe('bigJson', () => {
  const app = new Hono().get('/big', (c) => bigJson(c, { items: Array.from({ length: 5000 }, (_, i) => ({ i, text: '网格说明' })) }))
  const small = new Hono().get('/small', (c) => bigJson(c, { ok: true }))

  it('gzips a large answer for a client that takes gzip, and the bytes decode to the same JSON', async () => {
    const res = await app.request('/big', { headers: { 'accept-encoding': 'gzip' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    const json = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'))
    expect(json.items).toHaveLength(5000)
    expect(json.items[4999]).toEqual({ i: 4999, text: '网格说明' })
  })

  it('sends plain JSON to a client without gzip, and small answers as they are', async () => {
    const plain = await app.request('/big', { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(((await plain.json()) as { items: unknown[] }).items).toHaveLength(5000)
    const tiny = await small.request('/small', { headers: { 'accept-encoding': 'gzip' } })
    expect(tiny.headers.get('content-encoding')).toBeNull()
    expect(await tiny.json()).toEqual({ ok: true })
  })
})
