import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import type { Database } from '../src/db/types.ts'
import { storePhotos } from '../src/services/photos/upload.ts'
import { LocalFileStorage, type FileStorage } from '../src/storage/index.ts'
import { describeEachEngine } from './engines.ts'
import { testApp } from './app.ts'

// Every test image is generated here with sharp (no binary fixtures): solid colours, so the tests can tell
// which way up a thumbnail is, and EXIF written through libvips.

/** Where the test photo says it was taken: 25°27'36.12"N 119°05'45.67"E (涵江区, WGS84). */
const GPS = { lat: 25 + 27 / 60 + 36.12 / 3600, lng: 119 + 5 / 60 + 45.67 / 3600 }
const GPS_EXIF = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '25/1 27/1 3612/100',
  GPSLongitudeRef: 'E',
  GPSLongitude: '119/1 5/1 4567/100',
}

/**
 * 640 × 480 as stored: top half red, bottom half blue, EXIF orientation 6 ("rotate 90° clockwise to
 * display"), so upright it is 480 × 640 with red on the RIGHT, blue on the left.
 */
async function rotatedJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .composite([{ input: { create: { width: 640, height: 240, channels: 3, background: { r: 255, g: 0, b: 0 } } }, top: 0, left: 0 }])
    .jpeg({ quality: 90 })
    .withExif({ IFD2: { DateTimeOriginal: '2026:03:01 10:20:30', OffsetTimeOriginal: '+08:00' }, IFD3: GPS_EXIF })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}

const plain = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: { r: 40, g: 160, b: 90 } } })
/** Noise does not compress: a valid JPEG of a predictable, large size. */
const noisyJpeg = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).jpeg({ quality: 95 }).toBuffer()

/** Metres between two WGS84 points (equirectangular: exact enough at these distances). */
function metres(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const k = (Math.PI / 180) * 6371008.8
  const x = (a.lng - b.lng) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180)) * k
  const y = (a.lat - b.lat) * k
  return Math.hypot(x, y)
}

function form(...files: { data: Buffer; name: string; type?: string }[]): FormData {
  const fd = new FormData()
  fd.append('caption', '路面塌陷 现场照片')
  for (const f of files) fd.append('file', new Blob([new Uint8Array(f.data)], { type: f.type ?? 'application/octet-stream' }), f.name)
  return fd
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true })
    return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
  } catch {
    return []
  }
}

describeEachEngine('photos API', (ctx) => {
  let filesDir: string
  let root: string
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'hj-photos-'))
  })
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true })
  })
  // Each test gets an empty files folder, so "nothing on disk" means nothing this test wrote.
  beforeEach(async (t) => {
    filesDir = path.join(root, t.task.id)
  })

  const app = (overrides: { photoMaxBytes?: number } = {}) => testApp(ctx.database, { filesDir, ...overrides }, 'dispatcher')
  const upload = (body: FormData, overrides: { photoMaxBytes?: number } = {}) =>
    app(overrides).request('/api/photos', { method: 'POST', body })
  const photoCount = async () =>
    Number((await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM photo`))[0]!.n)

  async function expectNothingStored(before: number) {
    expect(await photoCount()).toBe(before)
    expect(await filesUnder(filesDir)).toEqual([])
  }

  it('stores a JPEG untouched, with its EXIF orientation, GPS hint and time, and an upright thumbnail', async () => {
    const jpeg = await rotatedJpeg()
    // The name and the declared type lie; the bytes decide.
    const res = await upload(form({ data: jpeg, name: 'IMG_0001.png', type: 'image/png' }))
    expect(res.status).toBe(201)
    const p = (await res.json()) as any
    expect(p).toMatchObject({
      mime: 'image/jpeg',
      bytes: jpeg.length,
      width: 480, // as displayed: orientation 6 swaps the stored 640 × 480
      height: 640,
      orientation: 6,
      takenAt: '2026-03-01T02:20:30.000Z',
      url: `/api/photos/${p.id}`,
      thumbnailUrl: `/api/photos/${p.id}/thumbnail`,
    })
    expect(p.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(res.headers.get('location')).toBe(p.url)
    expect(metres(p.gps, GPS)).toBeLessThan(1)

    // The original comes back byte for byte, EXIF orientation included, with a long private cache and an ETag.
    const orig = await app().request(p.url)
    expect(orig.status).toBe(200)
    expect(orig.headers.get('content-type')).toBe('image/jpeg')
    expect(orig.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    expect(orig.headers.get('content-length')).toBe(String(jpeg.length))
    const etag = orig.headers.get('etag')!
    expect(etag).toBe(`"${p.sha256}"`)
    const back = Buffer.from(await orig.arrayBuffer())
    expect(back.equals(jpeg)).toBe(true)
    expect((await sharp(back).metadata()).orientation).toBe(6)
    const again = await app().request(p.url, { headers: { 'if-none-match': `W/${etag}` } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')

    // The thumbnail is WebP, 320 px on the long side, turned upright: red on the right, blue on the left.
    const th = await app().request(p.thumbnailUrl)
    expect(th.status).toBe(200)
    expect(th.headers.get('content-type')).toBe('image/webp')
    expect(th.headers.get('etag')).toBeTruthy()
    const thumb = Buffer.from(await th.arrayBuffer())
    expect(thumb.length).toBeLessThan(jpeg.length)
    const meta = await sharp(thumb).metadata()
    expect(meta).toMatchObject({ format: 'webp', width: 240, height: 320 })
    expect(meta.orientation ?? 1).toBe(1)
    const { data, info } = await sharp(thumb).raw().toBuffer({ resolveWithObject: true })
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)]
    const [lr, , lb] = px(20, 160)
    const [rr, , rb] = px(220, 160)
    expect(lb).toBeGreaterThan(200) // left: blue
    expect(lr).toBeLessThan(60)
    expect(rr).toBeGreaterThan(200) // right: red
    expect(rb).toBeLessThan(60)

    // The row, with the GPS hint as a PostGIS point.
    const [row] = await ctx.database.rows<{ width: number; height: number; orientation: number; lng: number; lat: number; original_name: string }>(
      sql`SELECT width, height, orientation, ST_X(gps) AS lng, ST_Y(gps) AS lat, original_name FROM photo WHERE id = ${p.id}::uuid`,
    )
    expect(row).toMatchObject({ width: 640, height: 480, orientation: 6, original_name: 'IMG_0001.png' })
    expect(metres({ lng: Number(row!.lng), lat: Number(row!.lat) }, GPS)).toBeLessThan(1)
    expect((await filesUnder(filesDir)).sort()).toEqual(
      [path.join('photos', p.id.slice(0, 2), p.id.slice(2, 4), `${p.id}.jpg`), path.join('photos', p.id.slice(0, 2), p.id.slice(2, 4), `${p.id}.thumb.webp`)].sort(),
    )
  })

  it('accepts PNG and WebP, several in one request (an array back)', async () => {
    const png = await plain(200, 100).png().toBuffer()
    const webp = await plain(1000, 400).webp().toBuffer()
    const res = await upload(form({ data: png, name: 'a.bin' }, { data: webp, name: 'b.jpg', type: 'image/jpeg' }))
    expect(res.status).toBe(201)
    const body = (await res.json()) as any[]
    expect(body).toHaveLength(2)
    expect(body[0]).toMatchObject({ mime: 'image/png', width: 200, height: 100, orientation: 1, gps: null, takenAt: null, bytes: png.length })
    expect(body[1]).toMatchObject({ mime: 'image/webp', width: 1000, height: 400, orientation: 1, gps: null, bytes: webp.length })
    expect((await app().request(body[0].url)).headers.get('content-type')).toBe('image/png')
    // A small photo's thumbnail is not enlarged; a large one is brought down to 320 px.
    expect(await sharp(Buffer.from(await (await app().request(body[0].thumbnailUrl)).arrayBuffer())).metadata()).toMatchObject({ width: 200, height: 100 })
    expect(await sharp(Buffer.from(await (await app().request(body[1].thumbnailUrl)).arrayBuffer())).metadata()).toMatchObject({ width: 320, height: 128 })
    expect(await filesUnder(filesDir)).toHaveLength(4)
  })

  it('refuses a GIF, or a text file named .jpg, with 415 naming what it is', async () => {
    const before = await photoCount()
    const gif = await plain(10, 10).gif().toBuffer()
    const r1 = await upload(form({ data: gif, name: 'anim.jpg', type: 'image/jpeg' }))
    expect(r1.status).toBe(415)
    expect(r1.headers.get('content-type')).toContain('application/problem+json')
    const p1 = (await r1.json()) as any
    expect(p1).toMatchObject({ status: 415, code: 'unsupported_photo_type', detected: 'gif', file: 'anim.jpg', accepted: ['image/jpeg', 'image/png', 'image/webp'] })
    expect(p1.detail).toContain('GIF')

    const r2 = await upload(form({ data: Buffer.from('井盖缺失，请尽快处理。\nThis is not a photo.\n'), name: 'photo.jpg', type: 'image/jpeg' }))
    expect(r2.status).toBe(415)
    expect((await r2.json()) as any).toMatchObject({ code: 'unsupported_photo_type', detected: 'text' })
    await expectNothingStored(before)
  })

  it('refuses an oversize photo with 413 while reading, and leaves nothing on disk or in the table', async () => {
    const before = await photoCount()
    const big = await noisyJpeg(800, 600)
    expect(big.length).toBeGreaterThan(100 * 1024)
    // A valid photo first: the whole request is refused, the first one is not kept either.
    const ok = await plain(50, 50).jpeg().toBuffer()
    const res = await upload(form({ data: ok, name: 'ok.jpg' }, { data: big, name: 'huge.jpg' }), { photoMaxBytes: 64 * 1024 })
    expect(res.status).toBe(413)
    const p = (await res.json()) as any
    expect(p).toMatchObject({ status: 413, code: 'photo_too_large', limit: 64 * 1024, unit: 'bytes', file: 'huge.jpg', index: 1 })
    expect(p.detail).toContain('64 KB')
    await expectNothingStored(before)
  })

  it('refuses from Content-Length before reading the body, at the default 10 MB', async () => {
    const before = await photoCount()
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(ctl) {
        pulled++
        ctl.enqueue(new Uint8Array(64 * 1024))
      },
    })
    const res = await app().request('/api/photos', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz', 'content-length': String(200 * 1024 * 1024) },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(((await res.json()) as any).code).toBe('photo_too_large')
    expect(pulled).toBeLessThanOrEqual(1) // at most the stream's own first pull, never read by the route
    // And a body that really is over 10 MB, sent without a length, is cut off while reading.
    const real = await app().request('/api/photos', { method: 'POST', body: form({ data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(10 * 1024 * 1024)]), name: 'x.jpg' }) })
    expect(real.status).toBe(413)
    await expectNothingStored(before)
  })

  it('refuses a corrupt JPEG with 422 and stores nothing', async () => {
    const before = await photoCount()
    const good = await noisyJpeg(320, 240)
    const truncated = good.subarray(0, good.length >> 1)
    const r1 = await upload(form({ data: await plain(40, 40).png().toBuffer(), name: 'fine.png' }, { data: truncated, name: 'broken.jpg' }))
    expect(r1.status).toBe(422)
    const p1 = (await r1.json()) as any
    expect(p1).toMatchObject({ status: 422, code: 'photo_unreadable' })
    expect(p1.detail).toContain('broken.jpg')
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('definitely not JPEG data '.repeat(40))])
    const r2 = await upload(form({ data: garbage, name: 'g.jpg' }))
    expect(r2.status).toBe(422)
    expect(((await r2.json()) as any).code).toBe('photo_unreadable')
    await expectNothingStored(before)
  })

  it('answers bad requests and unknown photos with problem details', async () => {
    const notForm = await app().request('/api/photos', { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: await plain(10, 10).jpeg().toBuffer() })
    expect(notForm.status).toBe(415)
    expect(((await notForm.json()) as any).code).toBe('unsupported_media_type')
    const noFile = new FormData()
    noFile.append('caption', 'no photo here')
    const r = await upload(noFile)
    expect(r.status).toBe(400)
    expect((await r.json()) as any).toMatchObject({ code: 'validation_failed', errors: [{ path: 'file' }] })
    const wrongField = new FormData()
    wrongField.append('photo', new Blob([new Uint8Array(await plain(10, 10).jpeg().toBuffer())]), 'a.jpg')
    expect((await upload(wrongField)).status).toBe(400)

    const missing = await app().request('/api/photos/00000000-0000-4000-8000-000000000000')
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as any).code).toBe('photo_not_found')
    expect((await app().request('/api/photos/00000000-0000-4000-8000-000000000000/thumbnail')).status).toBe(404)
    expect((await app().request('/api/photos/not-a-uuid')).status).toBe(400)
  })

  it('removes the files it wrote when a later write or the insert fails', async () => {
    const before = await photoCount()
    const received = [
      { index: 0, filename: 'a.jpg', label: 'a.jpg', kind: 'jpeg' as const, data: await plain(60, 40).jpeg().toBuffer() },
      { index: 1, filename: 'b.png', label: 'b.png', kind: 'png' as const, data: await plain(60, 40).png().toBuffer() },
    ]
    const local = new LocalFileStorage(filesDir)
    let puts = 0
    const diskFullOnThirdWrite: FileStorage = Object.assign(Object.create(local) as LocalFileStorage, {
      put: (key: string, data: Uint8Array) => (++puts === 3 ? Promise.reject(new Error('ENOSPC: no space left on device')) : local.put(key, data)),
    })
    await expect(storePhotos(ctx.database, diskFullOnThirdWrite, received, null)).rejects.toThrow('ENOSPC')
    expect(puts).toBe(3)
    await expectNothingStored(before)

    const dbDown = Object.assign(Object.create(ctx.database) as Database, {
      db: { insert: () => { throw new Error('connection lost') } },
    })
    await expect(storePhotos(dbDown, local, received, null)).rejects.toThrow('connection lost')
    await expectNothingStored(before)
  })
})
