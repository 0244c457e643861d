import { expect, it } from 'vitest'
import { permissionsOf, USER_ROLES, type UserRole } from '@hanjiang/shared'
import { ruleFor } from '../src/auth/route-rules.ts'
import { seedFixture, testApp } from './app.ts'
import { sessionFor, type WhoLike } from './auth.ts'
import { describeEachEngine } from './engines.ts'

/**
 * The bad-input corpus: every API route in the route table × a list of hostile values (NUL, lone surrogates,
 * huge and negative numbers, NaN strings, long strings, arrays/objects for scalars, malformed JSON, wrong content
 * types, odd dates, path traversal, SQL-ish text, whole-world and self-intersecting geometry…), sent in process
 * (app.request) as a user the route admits. Whatever comes back, it is never a 5xx, and every 4xx is a problem
 * (application/problem+json with status and code).
 */

const NUL = '\u0000'
/** Strings that have broken something somewhere (path params, query values, body fields). */
const HOSTILE_STRINGS = [
  NUL,
  `a${NUL}b`,
  '\ud800',
  'x\udc00',
  '\udfff\ud800',
  '9'.repeat(400),
  '-1',
  '-99999999999999999999',
  '1e309',
  'NaN',
  'Infinity',
  '0',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59+14:00',
  '2026-02-30',
  '../../../etc/passwd',
  '..%2f..%2fetc',
  "' OR '1'='1' --",
  "'; DROP TABLE incident; --",
  '%',
  '%00',
  '\\',
  '<script>alert(1)</script>',
  ' ',
  '',
  '😀'.repeat(50),
  '\u202e\u200b',
  'x'.repeat(20_000),
]
const WORLD = { type: 'Polygon', coordinates: [[[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]] }
const BOWTIE = { type: 'Polygon', coordinates: [[[119.0, 25.4], [119.1, 25.5], [119.1, 25.4], [119.0, 25.5], [119.0, 25.4]]] }
const HANDONG = { type: 'Polygon', coordinates: [[[119.01, 25.41], [119.05, 25.41], [119.05, 25.45], [119.01, 25.45], [119.01, 25.41]]] }
/** Values of any JSON type, for body fields. */
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  null,
  true,
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  [],
  [NUL],
  {},
  { $ne: null },
  { [NUL]: 1 },
  { a: '\ud800' },
  Array.from({ length: 2000 }, (_, i) => i),
  WORLD,
  BOWTIE,
  { type: 'Polygon', coordinates: [[[119, 25.4], [119.1, 25.4], [119.1, 25.5]]] }, // not closed
  { type: 'Polygon', coordinates: [[['NaN', 25.4], [119.1, 25.4], [119.1, 25.5], ['NaN', 25.4]]] },
  { type: 'Polygon', coordinates: [[[1e308, 1e308], [-1e308, 1e308], [0, 0], [1e308, 1e308]]] },
  { type: 'Point', coordinates: [119.05, 25.45] },
  { type: 'GeometryCollection', geometries: [WORLD] },
  { type: 'Polygon', coordinates: 'x' },
  { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: WORLD }] },
]
/** Raw bodies with a JSON content type, and well-formed bodies with the wrong type. */
const RAW_BODIES: { type?: string; body: string }[] = [
  { type: 'application/json', body: '{' },
  { type: 'application/json', body: '' },
  { type: 'application/json', body: 'null' },
  { type: 'application/json', body: '[]' },
  { type: 'application/json', body: '"x"' },
  { type: 'application/json', body: '1e999' },
  { type: 'application/json', body: '{"a":"\\u0000"}' },
  { type: 'application/json', body: '{"a":"\\ud800"}' },
  { type: 'application/json', body: '{"__proto__":{"admin":true}}' },
  { type: 'application/json', body: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]' },
  { type: 'text/plain', body: '{"username":"admin","password":"x"}' },
  { type: 'application/x-www-form-urlencoded', body: 'username=admin&password=x' },
  { type: 'multipart/form-data; boundary=zzz', body: '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.jpg"\r\n\r\nxx\r\n--zzz--\r\n' },
  { type: 'multipart/form-data', body: 'no boundary' },
  { type: 'application/xml', body: '<x/>' },
  { body: 'no content type' },
]
/** Query names the routes read (bbox, zoom, q, dates, paging, filters); each gets hostile values. */
const QUERY_NAMES = ['q', 'start', 'type', 'limit', 'cursor', 'bbox', 'zoom', 'from', 'to', 'level', 'state', 'unitCode', 'lng', 'at', 'day']

/** Valid bodies of the routes whose deeper code (scope checks, SQL) is only reached past validation: each field is then made hostile in turn. */
const TEMPLATES: Record<string, { body: Record<string, unknown>; as?: WhoLike }[]> = {
  'POST /api/auth/login': [{ body: { username: 'corpus-admin', password: 'wrong-password-1' } }],
  'POST /api/incidents': [{ body: { channel: 'hotline_12345', requestType: 'complaint', fineClass: '020602', location: { lng: 119.05, lat: 25.45 }, address: '涵东街道', description: '路边垃圾堆积', reporter: { name: '张三', phone: '13700001234' } } }],
  'POST /api/public/reports': [{ body: { description: '路灯不亮已经三天了', location: { lng: 119.05, lat: 25.45 }, phone: '13700001234', name: '李四', address: '涵东' } }],
  'POST /api/areas': [
    { body: { name: '测试责任区', unitCode: 'city_admin', classCode: '02', geometry: HANDONG } },
    { body: { name: '测试责任区', unitCode: 'city_admin', classCode: '02', geometry: HANDONG }, as: { role: 'grid_admin', username: 'corpus-grid-admin' } },
  ],
  'POST /api/areas/import': [{ body: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '导入区', unitCode: 'city_admin', classCode: '02' }, geometry: HANDONG }] } }],
  'POST /api/regions': [{ body: { code: '350303001009', name: '测试社区', level: 'community', parentCode: '350303001000', geometry: HANDONG } }],
  'POST /api/regions/import': [{ body: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '350303001009', name: '测试社区', level: 'community' }, geometry: HANDONG }] } }],
  'PATCH /api/regions/:code': [{ body: { name: '新名字', geometry: HANDONG } }],
  'POST /api/assign': [{ body: { points: [{ lng: 119.05, lat: 25.45, fineClass: '020602' }], nearM: 50 } }],
  'POST /api/knowledge': [{ body: { title: '垃圾清运', body: '每天两次', fineClass: '020602', unitCode: 'city_admin', keywords: ['垃圾'] } }],
  'POST /api/admin/users': [{ body: { username: 'corpus.user', displayName: '测试', unitCode: 'city_admin', roles: ['handler'], areas: [], password: 'Corpus-Password-1' } }],
  'POST /api/admin/units': [{ body: { code: 'corpus_unit', name: '测试单位', kind: 'department', parentCode: null, regionCode: null } }],
  'PUT /api/units/:unit/webhooks': [{ body: { url: 'https://hooks.example/x', secret: 'a-secret-of-16-chars', active: true } }],
  'POST /api/patrol/tracks': [{ body: { chunkId: 'corpus-1', points: [{ lng: 119.05, lat: 25.45, t: '2026-11-26T09:00:00+08:00' }] }, as: { role: 'inspector', username: 'corpus-inspector' } }],
  'POST /api/notifications/read': [{ body: { ids: [1, 2] } }],
  'POST /api/incidents/:code/callback': [{ body: { version: 1, reached: true, satisfaction: 'satisfied', note: '好' } }],
  'POST /api/incidents/:code/classification': [{ body: { version: 1, fineClass: '020602' } }],
  'POST /api/incidents/:code/actions/:action': [{ body: { version: 1, note: '备注', unitCode: 'city_admin', newDueAt: '2026-12-01T09:00:00+08:00' } }],
  'POST /api/public/track/:code/rating': [{ body: { rating: 'satisfied' } }],
  'POST /api/auth/password': [{ body: { currentPassword: 'nope', newPassword: 'Another-Password-9' } }],
}

const PARAMS: Record<string, string> = { code: '350303001000', id: '1', action: 'register', unit: 'city_admin', address: '203.0.113.9' }
/** Routes that would end the session the corpus uses, or stream for ever. */
const SKIP = new Set(['POST /api/auth/logout', 'GET /api/events', 'GET /api/notifications/stream'])

/** A role the route admits: admin where it may, else the first role that may. */
function whoFor(method: string, path: string): WhoLike | null {
  const rule = ruleFor(method, path)!
  if (rule.access === 'public') return null
  if (rule.access === 'signedIn') return { role: 'admin', username: 'corpus-admin' }
  if (permissionsOf(['admin']).includes(rule.permission)) return { role: 'admin', username: 'corpus-admin' }
  const role = USER_ROLES.find((r: UserRole) => permissionsOf([r]).includes(rule.permission))!
  return { role, username: `corpus-${role}` }
}

function apiRoutes(app: { routes: { method: string; path: string }[] }): { method: string; path: string }[] {
  const seen = new Set<string>()
  return app.routes.filter((r) => {
    const key = `${r.method} ${r.path}`
    if (r.method === 'ALL' || !r.path.startsWith('/api/') || SKIP.has(key) || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Percent-encoded as UTF-8; a lone surrogate (no UTF-8 form) as the bytes a careless client would send for it. */
function enc(v: string): string {
  try {
    return encodeURIComponent(v)
  } catch {
    return '%ED%A0%80'
  }
}

const fill = (path: string, over: Record<string, string> = {}) => path.replace(/:(\w+)/g, (_m, name: string) => enc(over[name] ?? PARAMS[name] ?? 'x'))

interface Probe {
  route: string
  who: WhoLike | null
  url: string
  method: string
  type?: string
  body?: string
}

function probes(routes: { method: string; path: string }[]): Probe[] {
  const out: Probe[] = []
  const urlSafe = HOSTILE_STRINGS.filter((s) => s.length < 1000)
  // Path parameters get the ones that differ in kind (the rest are sent in queries and bodies).
  const paramValues = [NUL, '\ud800', '9'.repeat(400), '-1', 'NaN', '1e309', '0001-01-01T00:00:00Z', '../../../etc/passwd', "' OR '1'='1' --", '%00', ' ', '😀'.repeat(50)]
  for (const { method, path } of routes) {
    const route = `${method} ${path}`
    const who = whoFor(method, path)
    const unsafe = method !== 'GET'
    const jsonOf = (v: unknown) => ({ type: 'application/json', body: JSON.stringify(v) })
    const base = unsafe ? jsonOf(TEMPLATES[route]?.[0]?.body ?? {}) : {}
    // Path parameters, one at a time: every hostile string on each.
    for (const name of path.match(/:(\w+)/g)?.map((p) => p.slice(1)) ?? []) {
      for (const v of paramValues) out.push({ route, who, method, url: fill(path, { [name]: v }), ...base })
      out.push({ route, who, method, url: path.replace(`:${name}`, '%ZZ%00%ED%A0%80'), ...base })
    }
    // Query values: each name one hostile value (rotating, so every value is sent somewhere), plus two mixes.
    QUERY_NAMES.forEach((name, i) => {
      const v = urlSafe[(i + path.length) % urlSafe.length]!
      out.push({ route, who, method, url: `${fill(path)}?${name}=${enc(v)}`, ...base })
    })
    out.push({ route, who, method, url: `${fill(path)}?q=%00&start=0001-01-01T00:00:00Z&limit=-1&bbox=-180,-90,180,90&zoom=1e309`, ...base })
    out.push({ route, who, method, url: `${fill(path)}?q=%ED%A0%80&q=2&bbox=NaN,NaN,NaN,NaN`, ...base })
    if (!unsafe) continue
    // Bodies: malformed and mistyped, then the whole body a hostile value, then each template field in turn
    // (a handful of values per field, rotating, the structural ones always).
    for (const raw of RAW_BODIES) out.push({ route, who, method, url: fill(path), ...raw })
    for (const v of HOSTILE_VALUES.slice(-10)) out.push({ route, who, method, url: fill(path), ...jsonOf(v) })
    for (const t of TEMPLATES[route] ?? [{ body: { name: 'x', code: 'x', version: 1, ids: [1], geometry: HANDONG } }]) {
      const as = t.as ?? who
      Object.keys(t.body).forEach((field, f) => {
        const values = field === 'geometry' ? HOSTILE_VALUES.slice(-10) : [NUL, '\ud800', null, {}, ...[0, 1, 2].map((k) => HOSTILE_VALUES[(f * 3 + k + path.length) % HOSTILE_VALUES.length])]
        for (const v of values) out.push({ route, who: as, method, url: fill(path), ...jsonOf({ ...t.body, [field]: v }) })
      })
    }
  }
  return out
}

describeEachEngine(
  'bad-input corpus: no 5xx, every 4xx a problem',
  (ctx) => {
    it('answers every hostile request of every route without a 5xx', async () => {
      const app = testApp(ctx.database)
      const routes = apiRoutes(app)
      const all = probes(routes)
      const failures: string[] = []
      const t0 = performance.now()
      console.log(`[bad-input corpus ${ctx.engine}] ${all.length} probes`)
      let n = 0
      for (const p of all) {
        const session = p.who === null ? null : await sessionFor(app, ctx.database, p.who)
        const headers: Record<string, string> = { ...(session?.headers ?? {}), 'x-forwarded-for': `198.18.${(n >> 8) & 255}.${n & 255}` }
        if (p.type) headers['content-type'] = p.type
        n++
        let res: Response
        try {
          res = await app.request(p.url, { method: p.method, headers, body: p.body })
        } catch (e) {
          failures.push(`${p.route} ${p.url.slice(0, 120)}: threw ${(e as Error).message}`)
          continue
        }
        const type = res.headers.get('content-type') ?? ''
        if (type.includes('text/event-stream')) await res.body?.cancel()
        const text = type.includes('text/event-stream') ? '' : await res.text()
        const what = () => `${p.route} ${p.url.slice(0, 100)} ${p.type ?? ''} ${(p.body ?? '').slice(0, 100)} → ${res.status} ${text.slice(0, 200)}`
        if (res.status >= 500) failures.push(what())
        else if (res.status >= 400) {
          let problem: { status?: number; code?: string } = {}
          try {
            problem = JSON.parse(text) as typeof problem
          } catch {
            /* reported below */
          }
          if (!type.includes('application/problem+json') || problem.status !== res.status || typeof problem.code !== 'string') failures.push(`not a problem: ${what()}`)
        }
        // A session the corpus ended (e.g. a password change) is signed in again for the next probe.
        if (res.status === 401 && p.who) (await import('./auth.ts')).forgetSessions(ctx.database)
      }
      console.log(`[bad-input corpus ${ctx.engine}] ${n} requests over ${routes.length} routes in ${Math.round(performance.now() - t0)} ms, ${failures.length} failures`)
      for (const f of failures) console.log(f.slice(0, 400))
      expect(routes.length).toBeGreaterThan(80)
      expect(n).toBeGreaterThan(1500)
      expect(failures.slice(0, 40)).toEqual([])
    }, 600_000)
  },
  seedFixture,
)
