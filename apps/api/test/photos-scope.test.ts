import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { closeEventBus } from '../src/live/event-bus.ts'
import { storePhotos } from '../src/services/photos/upload.ts'
import { LocalFileStorage } from '../src/storage/index.ts'
import { seedFixture, testApp } from './app.ts'
import { normalise, requestAs, type Who, type WhoLike } from './auth.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, incidentApi, POINTS } from './incidents-helpers.ts'

/**
 * Who may see a photo: the all-seeing roles every photo; everyone else their own uploads and the photos
 * of incidents in their scope. A photo out of reach is 404, exactly like a missing one — original and thumbnail.
 */

const CITY: Who = { role: 'handler', unit: 'city_admin', username: 'p-city' }
const TRANSPORT: Who = { role: 'handler', unit: 'transport', username: 'p-transport' }
const INSP_HANDONG: Who = { role: 'inspector', areas: ['350303001000'], username: 'p-i-handong' }

describeEachEngine('photos: who may see them', (ctx) => {
  const api = incidentApi(() => ctx.database)
  let filesDir = ''
  let onCityIncident = ''
  let transportsOwn = ''
  beforeAll(async () => {
    filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hj-photo-scope-'))
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#468' } }).jpeg().toBuffer()
    const store = async (uploader: WhoLike) =>
      (await storePhotos(ctx.database, new LocalFileStorage(filesDir), [{ index: 0, filename: 'a.jpg', label: 'a.jpg', kind: 'jpeg', data: jpeg }], normalise(uploader).username))[0]!.id
    onCityIncident = await store('dispatcher')
    transportsOwn = await store(TRANSPORT)
    // 涵东 incident with the photo attached, dispatched to the city administration.
    const created = await api.create(complaint({ location: POINTS.handongNorth, description: '带照片', photos: [onCityIncident] }))
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    await api.step(created.body.code, 'register', { incidentType: 'complaint' })
    await api.step(created.body.code, 'dispatch', { unitCode: 'city_admin' })
  })
  afterAll(async () => {
    await closeEventBus(ctx.database)
    await fs.rm(filesDir, { recursive: true, force: true })
  })

  const status = async (who: WhoLike, id: string, suffix = '') => {
    const app = testApp(ctx.database, { filesDir })
    const res = await requestAs(app, ctx.database, who, (headers) => app.request(`/api/photos/${id}${suffix}`, { headers }))
    await res.arrayBuffer()
    return res.status
  }

  it('an incident photo: the center and the incident\'s unit and area see it; another unit gets 404', async () => {
    for (const suffix of ['', '/thumbnail']) {
      expect(await status('dispatcher', onCityIncident, suffix)).toBe(200)
      expect(await status('viewer', onCityIncident, suffix)).toBe(200)
      expect(await status(CITY, onCityIncident, suffix)).toBe(200)
      expect(await status(INSP_HANDONG, onCityIncident, suffix)).toBe(200)
      expect(await status(TRANSPORT, onCityIncident, suffix)).toBe(404)
    }
  })

  it('a photo not yet attached: its uploader sees it, another unit does not', async () => {
    expect(await status(TRANSPORT, transportsOwn)).toBe(200)
    expect(await status(CITY, transportsOwn)).toBe(404)
    expect(await status('dispatcher', transportsOwn)).toBe(200)
  })

  it('an upload through the API records who uploaded it', async () => {
    const app = testApp(ctx.database, { filesDir })
    const body = new FormData()
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#864' } }).png().toBuffer()
    body.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'b.png')
    const res = await requestAs(app, ctx.database, CITY, (headers) => app.request('/api/photos', { method: 'POST', headers, body }))
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    expect(await status(CITY, id)).toBe(200)
    expect(await status(TRANSPORT, id)).toBe(404)
  })
}, seedFixture)
