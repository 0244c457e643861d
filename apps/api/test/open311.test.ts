import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { toWgs84 } from '@hanjiang/shared'
import { revokeApiKey } from '../src/db/repositories/api-keys.ts'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { asXmlReads, issueKey, parseXml } from './open311-helpers.ts'
import { client, DISPATCHER, HANDLER, HANXI, INSPECTOR, photoId } from './workbench-helpers.ts'

/* eslint-disable @typescript-eslint/no-explicit-any */
const jsonOf = (r: Response): Promise<any> => r.json()

/**
 * The GeoReport v2 specification, route by route (wiki.open311.org/GeoReport_v2; docs/OPEN311.md): every
 * resource in .json and .xml, the XML well-formed and the same data as the JSON, errors in the spec's shape.
 */
describeEachEngine(
  'Open311 GeoReport v2',
  (ctx) => {
    const KEY = 'test-open311-key-0001'
    const app = () => testApp(ctx.database)
    const get = (path: string) => app().request(`/open311/v2/${path}`)
    const post = (fields: Record<string, string>, format = 'json', headers: Record<string, string> = {}) =>
      app().request(`/open311/v2/requests.${format}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
        body: new URLSearchParams(fields).toString(),
      })
    const valid = (over: Record<string, string> = {}) => ({
      api_key: KEY, service_code: '020602', lat: String(HANXI.lat), long: String(HANXI.lng),
      address_string: '涵西街道 某路 1 号', description: '路边垃圾堆积，联系人电话13812341234', first_name: '三', last_name: '张', phone: '13812341234',
      email: 'zhang@example.com', ...over,
    })

    /** GETs a resource in both formats: the JSON, after checking the XML is well-formed and says the same. */
    async function both(path: string, root: string, status = 200): Promise<any> {
      const [j, x] = await Promise.all([get(`${path.replace('{f}', 'json')}`), get(`${path.replace('{f}', 'xml')}`)])
      expect(j.status).toBe(status)
      expect(x.status).toBe(status)
      expect(j.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(x.headers.get('content-type')).toBe('text/xml; charset=utf-8')
      const json = await jsonOf(j)
      const xml = parseXml(await x.text())
      expect(Object.keys(xml)).toEqual([root])
      expect(xml[root]).toEqual(asXmlReads(json, root))
      return json
    }

    let posted: { id: string; token: string }

    it('discovery: the endpoint, its specification and both formats', async () => {
      const d = await both('discovery.{f}', 'discovery')
      expect(d.endpoints).toHaveLength(1)
      expect(d.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production', formats: ['text/xml', 'application/json'] })
      expect(d.endpoints[0].url).toMatch(/\/open311\/v2$/)
      expect(d.changeset).toMatch(/\+08:00$/)
    })

    it('services: every fine class, service_code = fine class, group = class', async () => {
      const list = await both('services.{f}', 'services')
      const s = list.find((x: any) => x.service_code === '020602')
      expect(s).toMatchObject({ metadata: true, type: 'realtime' })
      expect(typeof s.service_name).toBe('string')
      expect(typeof s.group).toBe('string')
      expect(Object.keys(s)).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'])
      expect(new Set(list.map((x: any) => x.service_code)).size).toBe(list.length)
    })

    it('services/{code}: the service definition with its attributes; unknown code 404, unknown format 400', async () => {
      const def = await both('services/020602.{f}', 'service_definition')
      expect(def.service_code).toBe('020602')
      const rt = def.attributes.find((a: any) => a.code === 'request_type')
      expect(rt).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: false, order: 1 })
      expect(rt.values.map((v: any) => v.key)).toContain('complaint')
      const missing = await both('services/999999.{f}', 'errors', 404)
      expect(missing).toEqual([{ code: 404, description: expect.stringContaining('999999') }])
      for (const bad of ['services.html', 'services', 'services/020602.yaml', 'discovery.JSONX']) {
        const r = await get(bad)
        expect(r.status).toBe(400)
        expect(parseXml(await r.text()).errors.error[0].code).toBe('400')
      }
      const gone = await both('nothing.{f}', 'errors', 404)
      expect(gone[0].code).toBe(404)
      expect((await both('services/020602.{f}?jurisdiction_id=elsewhere.gov', 'errors', 404))[0].description).toMatch(/jurisdiction_id/)
      expect((await get('services.json?jurisdiction_id=hanjiang.putian.gov.cn')).status).toBe(200)
    })

    it('POST requests: 403 without a valid api_key (missing, unknown, revoked, no scope)', async () => {
      await issueKey(ctx.database, KEY)
      const revokedId = await issueKey(ctx.database, 'test-revoked-key-0001')
      await revokeApiKey(ctx.database, revokedId)
      await issueKey(ctx.database, 'test-reader-key-0001', { scopes: ['incidents:read'] })
      for (const key of [undefined, 'nope', 'test-revoked-key-0001', 'test-reader-key-0001']) {
        const f: Record<string, string> = valid()
        if (key === undefined) delete f.api_key
        else f.api_key = key
        const r = await post(f)
        expect(r.status).toBe(403)
        const body = await jsonOf(r)
        expect(body).toEqual([{ code: 403, description: expect.any(String) }])
      }
      const x = await post({ ...valid(), api_key: 'nope' }, 'xml')
      expect(x.status).toBe(403)
      expect(parseXml(await x.text())).toEqual({ errors: { error: [{ code: '403', description: expect.stringContaining('api_key') }] } })
    })

    it('POST requests: 400 on bad input, 404 on an unknown service; nothing is written', async () => {
      const before = await count()
      const cases: [Record<string, string>, number, RegExp][] = [
        [{ lat: '', long: '', address_string: '' }, 400, /location/i],
        [{ lat: '', long: '', address_string: '涵西街道' }, 400, /lat and long/],
        [{ lat: 'north' }, 400, /lat/],
        [{ lat: '95' }, 400, /.+/],
        [{ description: 'x'.repeat(4001) }, 400, /4000/],
        [{ service_code: '' }, 400, /service_code/],
        [{ service_code: '999999' }, 404, /999999/],
        [{ crs: 'mercator' }, 400, /crs/],
        [{ 'attribute[request_type]': 'order' }, 400, /request_type/],
        [{ jurisdiction_id: 'elsewhere.gov' }, 404, /jurisdiction_id/],
      ]
      for (const [over, status, why] of cases) {
        const r = await post(valid(over))
        expect(r.status, JSON.stringify(over)).toBe(status)
        const [e] = await jsonOf(r)
        expect(e.code).toBe(status)
        expect(e.description).toMatch(why)
      }
      const json = await app().request('/open311/v2/requests.json', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })
      expect(json.status).toBe(400)
      expect(await count()).toBe(before)
    })

    async function count(): Promise<number> {
      return Number((await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM incident`))[0]!.n)
    }

    it('POST requests: enters the normal intake with channel open311, audited, answering id + token', async () => {
      const r = await post(valid({ 'attribute[request_type]': 'complaint', description: 'x'.repeat(3990) + '路灯不亮' }), 'xml')
      expect(r.status).toBe(201)
      const xml = parseXml(await r.text())
      const req = xml.service_requests.request[0]
      expect(req.service_request_id).toMatch(/^HJ\d{8}-/)
      expect(req.token).toMatch(/^[0-9A-Z]{12}$/)
      expect(req.account_id).toBe('')
      posted = { id: req.service_request_id, token: req.token }
      const [row] = await ctx.database.rows<any>(sql`SELECT channel, request_type, fine_class, state, reporter_name, reporter_phone, created_by,
        suggested_unit_code, street_code FROM incident WHERE code = ${posted.id}`)
      expect(row).toMatchObject({ channel: 'open311', request_type: 'complaint', fine_class: '020602', state: 'reported', reporter_name: '张三', reporter_phone: '13812341234' })
      expect(row.created_by).toMatch(/^apikey:/)
      expect(row.street_code).toBe('350303002000')
      const audit = await ctx.database.rows<any>(sql`SELECT actor_username, action, detail FROM audit_log WHERE object_type = 'incident' AND action = 'open311.request.create'`)
      expect(audit.length).toBeGreaterThanOrEqual(1)
      expect(audit[0].actor_username).toMatch(/^apikey:/)
      const [key] = await ctx.database.rows<any>(sql`SELECT use_count, last_used_at FROM api_token WHERE token_prefix = ${KEY.slice(0, 10)}`)
      expect(Number(key.use_count)).toBeGreaterThan(0)
      expect(key.last_used_at).not.toBeNull()
    })

    it('POST requests: idempotent on the key and client_id; another key with the same client_id is another request', async () => {
      const first = await post(valid({ client_id: 'app-42' }))
      expect(first.status).toBe(201)
      const again = await post(valid({ client_id: 'app-42' }))
      expect(again.status).toBe(200)
      expect((await jsonOf(again))[0].service_request_id).toBe((await jsonOf(first))[0].service_request_id)
      await issueKey(ctx.database, 'test-other-key-0001')
      const other = await post(valid({ client_id: 'app-42', api_key: 'test-other-key-0001' }))
      expect(other.status).toBe(201)
    })

    it('POST requests: GCJ-02 coordinates through the crs extension are stored as WGS84', async () => {
      const gcj = { lng: 119.15, lat: 25.47 }
      const r = await post(valid({ lat: String(gcj.lat), long: String(gcj.lng), crs: 'gcj02' }))
      expect(r.status).toBe(201)
      const [{ service_request_id: id }] = await jsonOf(r)
      const [got] = await jsonOf(await get(`requests/${id}.json`))
      const wgs = toWgs84(gcj, 'gcj02')
      expect(got.lat).toBeCloseTo(wgs.lat, 6)
      expect(got.long).toBeCloseTo(wgs.lng, 6)
      expect(Math.abs(got.long - gcj.lng)).toBeGreaterThan(1e-4)
    })

    it('requests/{id} and tokens/{token}: the request, with no personal data; extensions add workflow and deadlines', async () => {
      const [req] = await both(`requests/${posted.id}.{f}`, 'service_requests')
      expect(Object.keys(req)).toEqual([
        'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
        'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
      ])
      expect(req).toMatchObject({ service_request_id: posted.id, status: 'open', service_code: '020602', lat: HANXI.lat, long: HANXI.lng })
      expect(req.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
      expect(typeof req.agency_responsible).toBe('string')
      const text = JSON.stringify(req)
      expect(text).not.toContain('13812341234')
      expect(text).not.toContain('张三')
      expect(text).not.toContain('example.com')
      const ext = (await both(`requests/${posted.id}.{f}?extensions=true`, 'service_requests'))[0]
      expect(ext.extended_attributes).toMatchObject({ state: 'reported', channel: 'open311', request_type: 'complaint' })
      expect(Object.keys(ext.extended_attributes.deadlines)).toEqual(['dispatch_by', 'ownership_by', 'arrive_by', 'handle_by', 'resolve_by'])
      expect(await both('requests/HJ00000000-000000.{f}', 'errors', 404)).toEqual([{ code: 404, description: expect.stringContaining('HJ00000000') }])

      const tok = await both(`tokens/${posted.token}.{f}`, 'service_requests')
      expect(tok).toEqual([{ service_request_id: posted.id, token: posted.token }])
      expect((await both('tokens/ZZZZZZZZZZZZ.{f}', 'errors', 404))[0].code).toBe(404)
    })

    it('GET requests: the spec filters (id list overrides, service_code, dates, status) plus bbox and paging', async () => {
      const api = client(() => ctx.database)
      const closedCode = await api.registered({ fineClass: '020602' })
      await api.step(DISPATCHER, closedCode, 'dispatch', { unitCode: 'city_admin' })
      await api.step(HANDLER, closedCode, 'accept')
      await api.step(HANDLER, closedCode, 'arrive')
      await api.step(HANDLER, closedCode, 'resolve', { note: '已清理', afterPhotos: [photoId()] })
      await api.step(INSPECTOR, closedCode, 'verifyPass')
      const state = (await api.get(closedCode)).state
      const all = await both('requests.{f}', 'service_requests')
      expect(all.map((r: any) => r.service_request_id)).toContain(posted.id)
      expect(all.every((r: any) => !JSON.stringify(r).includes('13812341234'))).toBe(true)
      const byStatus = async (s: string) => (await both(`requests.{f}?status=${s}`, 'service_requests')).map((r: any) => r.service_request_id)
      const closed = await byStatus('closed')
      const open = await byStatus('open')
      expect(open).toContain(posted.id)
      expect(closed).not.toContain(posted.id)
      if (state === 'closed') expect(closed).toContain(closedCode)
      expect((await byStatus('open,closed')).length).toBe(all.length)

      // service_request_id overrides every other filter (here a status and a service code it does not match).
      const ids = await both(`requests.{f}?service_request_id=${posted.id},${closedCode}&status=closed&service_code=010101`, 'service_requests')
      expect(ids.map((r: any) => r.service_request_id).sort()).toEqual([posted.id, closedCode].sort())

      expect(await both('requests.{f}?service_code=010101', 'service_requests')).toEqual([])
      expect((await both('requests.{f}?service_code=010101,020602', 'service_requests')).length).toBe(all.length)

      const today = new Date()
      const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')
      const from = iso(new Date(today.getTime() - 86_400_000))
      const to = iso(new Date(today.getTime() + 86_400_000))
      expect((await both(`requests.{f}?start_date=${from}&end_date=${to}`, 'service_requests')).length).toBe(all.length)
      expect(await both(`requests.{f}?start_date=${iso(new Date(today.getTime() - 40 * 86_400_000))}&end_date=${iso(new Date(today.getTime() - 30 * 86_400_000))}`, 'service_requests')).toEqual([])
      const span = await both(`requests.{f}?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-06-01T00:00:00%2B08:00`, 'errors', 400)
      expect(span[0].description).toMatch(/90 days/)
      for (const bad of ['start_date=yesterday', 'end_date=2026-13-45T00:00:00Z', 'start_date=2026-12-01T00:00:00', 'status=pending', 'bbox=1,2,3', 'page_size=0', 'page=x', 'extensions=maybe']) {
        const e = await both(`requests.{f}?${bad}`, 'errors', 400)
        expect(e[0].code, bad).toBe(400)
      }
      expect(await both('requests.{f}?start_date=2026-12-09T00:00:00Z&end_date=2026-12-01T00:00:00Z', 'errors', 400)).toHaveLength(1)

      expect((await both(`requests.{f}?bbox=119.1,25.4,119.2,25.5`, 'service_requests')).length).toBe(all.length)
      expect(await both(`requests.{f}?bbox=119.0,25.4,119.05,25.5`, 'service_requests')).toEqual([])
      const page1 = await both('requests.{f}?page_size=2', 'service_requests')
      const page2 = await both('requests.{f}?page_size=2&page=2', 'service_requests')
      expect(page1).toHaveLength(2)
      expect([...page1, ...page2].map((r: any) => r.service_request_id)).toEqual(all.slice(0, 4).map((r: any) => r.service_request_id))
    })

    it('POST requests: a key over its per-minute limit gets 429 with Retry-After, in the spec error shape', async () => {
      await issueKey(ctx.database, 'test-slow-key-0001', { rateLimitPerMinute: 2 })
      const f = valid({ api_key: 'test-slow-key-0001' })
      const codes: number[] = []
      let last: Response | undefined
      for (let i = 0; i < 3; i++) {
        last = await post({ ...f, client_id: `slow-${i}` })
        codes.push(last.status)
      }
      // A minute window may turn between the calls: at most the limit succeed within one window.
      expect(codes.filter((c) => c === 201).length).toBeGreaterThanOrEqual(1)
      if (codes[2] === 429) {
        expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
        expect((await jsonOf(last!))[0]).toEqual({ code: 429, description: expect.stringContaining('2 requests per minute') })
      } else {
        expect(codes[0]).toBe(201)
      }
    })
  },
  seedFixture,
)
