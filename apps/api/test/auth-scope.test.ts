import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { closeEventBus } from '../src/live/event-bus.ts'
import { seedFixture, testApp } from './app.ts'
import type { Who } from './auth.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, incidentApi, POINTS, type Json } from './incidents-helpers.ts'

/**
 * Row scoping: a handler sees only their unit's incidents, an inspector only those in their
 * areas — on lists, detail, event logs, actions, similar/clusters, map data, exports and the live stream.
 * A: 涵东 (street 350303001), dispatched to 区城市管理局; B: 涵西 (350303002), dispatched to 区交通运输局.
 */

const CITY: Who = { role: 'handler', unit: 'city_admin', username: 'h-city' }
const TRANSPORT: Who = { role: 'handler', unit: 'transport', username: 'h-transport' }
const SUP_TRANSPORT: Who = { role: 'unit_supervisor', unit: 'transport', username: 's-transport' }
const INSP_HANDONG: Who = { role: 'inspector', areas: ['350303001000'], username: 'i-handong' }
const INSP_HANXI_COMMUNITY: Who = { role: 'inspector', areas: ['350303002001'], username: 'i-hanxi-north' }
const GRID_HANDONG: Who = { role: 'grid_admin', unit: 'office_350303001', areas: ['350303001000'], username: 'g-handong' }

describeEachEngine('auth: row scoping and leak tests', (ctx) => {
  const api = incidentApi(() => ctx.database)
  let A = ''
  let B = ''
  beforeAll(async () => {
    A = (await api.create(complaint({ location: POINTS.handongNorth, description: 'A 涵东' }))).body.code
    B = (await api.create(complaint({ location: POINTS.hanxi, description: 'B 涵西' }))).body.code
    await api.step(A, 'register', { incidentType: 'complaint' })
    await api.step(B, 'register', { incidentType: 'complaint' })
    await api.step(A, 'dispatch', { unitCode: 'city_admin' })
    await api.step(B, 'dispatch', { unitCode: 'transport' })
  })
  afterAll(async () => {
    await closeEventBus(ctx.database)
  })
  const codes = async (who: Who | 'dispatcher', query = '') =>
    ((await api.list(query, who)).body.items as Json[]).map((i) => i.code as string).filter((c) => c === A || c === B).sort()

  it('lists: unit for handlers and supervisors, areas for inspectors and grid admins, everything for the center', async () => {
    expect(await codes('dispatcher')).toEqual([A, B].sort())
    expect(await codes(CITY)).toEqual([A])
    expect(await codes(TRANSPORT)).toEqual([B])
    expect(await codes(SUP_TRANSPORT)).toEqual([B])
    expect(await codes(INSP_HANDONG)).toEqual([A])
    expect(await codes(INSP_HANXI_COMMUNITY)).toEqual([B])
    expect(await codes(GRID_HANDONG)).toEqual([A])
    // A filter cannot widen the scope.
    expect(await codes(TRANSPORT, 'unit=city_admin')).toEqual([])
  })

  it('detail, event log, actions: another unit\'s or area\'s incident is 404, exactly like a missing one', async () => {
    for (const [who, theirs, other] of [[CITY, A, B], [TRANSPORT, B, A], [INSP_HANDONG, A, B]] as const) {
      expect((await api.get(theirs, { ...who })).status).toBe(200)
      const r = await api.call('GET', `/api/incidents/${other}`, undefined, {}, who)
      expect([r.status, r.body.code]).toEqual([404, 'incident_not_found'])
      expect((await api.call('GET', `/api/incidents/${other}/events`, undefined, {}, who)).status).toBe(404)
    }
    const cur = (await api.get(A)).body
    const act = await api.call('POST', `/api/incidents/${A}/actions/accept`, { version: cur.version }, {}, TRANSPORT)
    expect(act.status).toBe(404)
    expect((await api.get(A)).body.state).toBe('dispatched')
  })

  it('a unit\'s sections are inside the unit\'s scope', async () => {
    await ctx.database.rows(sql`INSERT INTO unit (code, name, kind, parent_code) VALUES ('transport_roads', '道路股', 'section', 'transport') ON CONFLICT DO NOTHING`)
    const C = (await api.create(complaint({ location: POINTS.hanxi, description: 'C 股室' }))).body.code
    await api.step(C, 'register', { incidentType: 'complaint' })
    await api.step(C, 'dispatch', { unitCode: 'transport_roads' })
    const seen = ((await api.list('', TRANSPORT)).body.items as Json[]).map((i) => i.code)
    expect(seen).toContain(C)
    expect(((await api.list('', CITY)).body.items as Json[]).map((i) => i.code)).not.toContain(C)
  })

  it('similar incidents and clusters stay inside the scope', async () => {
    // Near B (涵西): the transport handler finds B; the city handler, whose scope B is not in, finds nothing.
    const q = `lng=${POINTS.hanxi.lng}&lat=${POINTS.hanxi.lat}&fineClass=020602&radiusM=5000&days=30`
    const near = async (who: Who | 'dispatcher') => {
      const r = await api.call('GET', `/api/incidents/similar?${q}`, undefined, {}, who)
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      return r.body.incidents.map((i: Json) => i.code as string)
    }
    expect(await near('dispatcher')).toContain(B)
    expect(await near(TRANSPORT)).toContain(B)
    expect(await near(CITY)).not.toContain(B)
    expect((await api.call('GET', `/api/clusters/${B}`, undefined, {}, CITY)).status).toBe(404)
    expect((await api.call('GET', `/api/clusters/${A}`, undefined, {}, CITY)).status).toBe(200)
  })

  it('map data and wall counts carry only the scope\'s incidents', async () => {
    const mapOf = async (who: Who | 'dispatcher') =>
      JSON.stringify((await api.call('GET', '/api/incidents/map?bbox=118.9,25.3,119.3,25.6&zoom=18', undefined, {}, who)).body)
    const all = await mapOf('dispatcher')
    expect(all).toContain(A)
    expect(all).toContain(B)
    const city = await mapOf(CITY)
    expect(city).toContain(A)
    expect(city).not.toContain(B)
    const hx = await mapOf(INSP_HANXI_COMMUNITY)
    expect(hx).toContain(B)
    expect(hx).not.toContain(A)
  })

  it('exports (the unit ledger) carry only the unit\'s incidents', async () => {
    const ledger = JSON.stringify((await api.call('GET', '/api/workbench/ledger', undefined, {}, TRANSPORT)).body)
    expect(ledger).toContain(B)
    expect(ledger).not.toContain(A)
    const xlsx = await testApp(ctx.database, {}, TRANSPORT).request('/api/workbench/ledger.xlsx')
    expect([200, 403]).toContain(xlsx.status) // handlers may not export; supervisors may
    const sup = await testApp(ctx.database, {}, SUP_TRANSPORT).request('/api/workbench/ledger.xlsx')
    expect(sup.status).toBe(200)
    const text = Buffer.from(await sup.arrayBuffer()).toString('latin1')
    expect(text).not.toContain(A) // xlsx is zipped: a plain search must not find the other unit's code either way
  })

  it('the live stream (SSE): replay and live events only for the caller\'s scope', async () => {
    const read = async (who: Who, until: (text: string) => boolean, query = '') => {
      const res = await testApp(ctx.database, {}, who).request(`/api/events${query}`)
      expect(res.status).toBe(200)
      const reader = res.body!.getReader()
      const dec = new TextDecoder()
      let text = ''
      const deadline = Date.now() + 8000
      let pending: ReturnType<typeof reader.read> | null = null
      try {
        while (!until(text) && Date.now() < deadline) {
          pending ??= reader.read() // kept across timeouts: a dropped read would lose its chunk
          const r = await Promise.race([pending, new Promise<null>((ok) => setTimeout(() => ok(null), 500))])
          if (!r) continue
          pending = null
          if (r.done) break
          text += dec.decode(r.value, { stream: true })
        }
      } finally {
        await reader.cancel().catch(() => {})
      }
      return text
    }
    // Replay from the beginning: only the caller's incidents' events.
    const replay = await read(TRANSPORT, (t) => t.includes('event: ready'), '?lastEventId=0')
    expect(replay).toContain(B)
    expect(replay).not.toContain(A)
    const replayInsp = await read(INSP_HANDONG, (t) => t.includes('event: ready'), '?lastEventId=0')
    expect(replayInsp).toContain(A)
    expect(replayInsp).not.toContain(B)

    // Live: the transport handler's stream gets B's new event, never A's.
    const live = read(TRANSPORT, (t) => t.includes(`"code":"${B}","action":"urge"`) || t.includes(`"code":"${B}","action":"accept"`))
    await new Promise((r) => setTimeout(r, 700))
    await api.step(A, 'accept', {}, 'handler')
    await api.step(B, 'accept', {}, 'handler')
    const text = await live
    expect(text).toContain(`"code":"${B}"`)
    expect(text).not.toContain(`"code":"${A}"`)
  })
}, seedFixture)

describeEachEngine('auth: grid admins write only inside their areas', (ctx) => {
  const rect = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] })
  const call = async (who: Who | 'admin', method: string, path: string, body?: unknown) => {
    const res = await testApp(ctx.database, {}, who).request(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json().catch(() => null)) as Json }
  }

  it('regions: below their area yes; outside it, or the area itself, no; imports are for admins', async () => {
    // 涵东北社区 (350303001001) lies inside 涵东街道; 涵西北社区 (350303002001) does not.
    const mine = await call(GRID_HANDONG, 'PATCH', '/api/regions/350303001001?dryRun=true', { name: '涵东北社区（改）' })
    expect(mine.status, JSON.stringify(mine.body)).toBe(200)
    const other = await call(GRID_HANDONG, 'PATCH', '/api/regions/350303002001?dryRun=true', { name: 'x' })
    expect([other.status, other.body.code]).toEqual([403, 'outside_areas'])
    expect((await call(GRID_HANDONG, 'DELETE', '/api/regions/350303001000')).status).toBe(403)
    expect((await call(GRID_HANDONG, 'POST', '/api/regions/import', { type: 'FeatureCollection', features: [] })).status).toBe(403)
    expect((await call('admin', 'PATCH', '/api/regions/350303002001?dryRun=true', { name: 'x' })).status).toBe(200)
  })

  it('responsibility areas: only geometry inside their areas', async () => {
    const inside = await call(GRID_HANDONG, 'POST', '/api/areas', { name: '涵东小公园', unitCode: 'city_admin', classCode: '02', geometry: rect(119.01, 25.46, 119.02, 25.47) })
    expect(inside.status, JSON.stringify(inside.body)).toBe(201)
    const outside = await call(GRID_HANDONG, 'POST', '/api/areas', { name: '涵西广场', unitCode: 'city_admin', classCode: '02', geometry: rect(119.15, 25.46, 119.16, 25.47) })
    expect(outside.status).toBe(403)
    const theirs = await call('admin', 'POST', '/api/areas', { name: '涵西广场', unitCode: 'city_admin', classCode: '02', geometry: rect(119.15, 25.46, 119.16, 25.47) })
    expect(theirs.status).toBe(201)
    expect((await call(GRID_HANDONG, 'DELETE', `/api/areas/${theirs.body.id}`)).status).toBe(403)
    expect((await call(GRID_HANDONG, 'DELETE', `/api/areas/${inside.body.id}`)).status).toBe(204)
  })
}, seedFixture)
