/**
 * A stand-in for the API, for developing the web app before (or without) the real server: serves `dist/` with an
 * SPA fallback and the region endpoints of the contract from the repo's seed geodata, with communities and grids
 * cut synthetically (roughly like the real demo seed). Deterministic. Not used by the tests once the real
 * `startServer` is available.
 *
 *   node --import tsx apps/web/e2e/support/mock-api.ts [port]
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import {
  area,
  bbox as turfBbox,
  featureCollection,
  intersect,
  point,
  pointOnFeature,
  squareGrid,
  voronoi,
  booleanPointInPolygon,
} from '@turf/turf'
import type { Taxonomy } from '@hanjiang/shared/taxonomy/types'
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { createMockAuth } from './mock-auth.ts'

const here = path.dirname(new URL(import.meta.url).pathname)
const repo = path.resolve(here, '../../../..')
const dist = path.resolve(here, '../../dist')

type Level = 'district' | 'street' | 'community' | 'grid'
interface Region {
  id: number
  code: string
  name: string
  level: Level
  parentCode: string | null
  geometry: MultiPolygon
}

function toMulti(g: Polygon | MultiPolygon): MultiPolygon {
  return g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g
}

function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

function build(): Region[] {
  const csv = fs.readFileSync(path.join(repo, 'seed/hanjiang_divisions.csv'), 'utf8').trim().split('\n').slice(1)
  const rows = csv.map((l) => {
    const [code, name, level, parent] = l.trim().split(',')
    return { code: code!, name: name!, level: level!, parent: parent! }
  })
  const boundary = JSON.parse(fs.readFileSync(path.join(repo, 'seed/geo/hanjiang_boundary_wgs84.geojson'), 'utf8'))
  const towns = JSON.parse(fs.readFileSync(path.join(repo, 'seed/geo/hanjiang_towns_voronoi_wgs84.geojson'), 'utf8'))
  const regions: Region[] = []
  let id = 1
  const districtGeom = (boundary.features?.[0]?.geometry ?? boundary.geometry ?? boundary) as Polygon | MultiPolygon
  regions.push({ id: id++, code: '350303000000', name: '涵江区', level: 'district', parentCode: null, geometry: toMulti(districtGeom) })
  for (const f of towns.features as Feature<Polygon | MultiPolygon, { code: string; name: string }>[]) {
    regions.push({ id: id++, code: f.properties.code, name: f.properties.name, level: 'street', parentCode: '350303000000', geometry: toMulti(f.geometry) })
  }
  const rand = rng(42)
  for (const street of regions.filter((r) => r.level === 'street')) {
    const comms = rows.filter((r) => r.parent === street.code)
    if (!comms.length) continue
    const sf: Feature<MultiPolygon> = { type: 'Feature', properties: {}, geometry: street.geometry }
    const b = turfBbox(sf) as [number, number, number, number]
    const pts = []
    while (pts.length < comms.length) {
      const p = point([b[0] + rand() * (b[2] - b[0]), b[1] + rand() * (b[3] - b[1])])
      if (booleanPointInPolygon(p, sf)) pts.push(p)
    }
    const cells = voronoi(featureCollection(pts), { bbox: b })
    cells.features.forEach((cell, i) => {
      if (!cell) return
      const clipped = intersect(featureCollection<Polygon | MultiPolygon>([cell as Feature<Polygon>, sf]))
      if (!clipped) return
      const c = comms[i]!
      regions.push({ id: id++, code: c.code, name: c.name.replace(/居委会|村委会/, ''), level: 'community', parentCode: street.code, geometry: toMulti(clipped.geometry) })
    })
  }
  for (const comm of regions.filter((r) => r.level === 'community')) {
    const cf: Feature<MultiPolygon> = { type: 'Feature', properties: {}, geometry: comm.geometry }
    const urban = comm.code.startsWith('350303001') || comm.code.startsWith('350303002')
    const grid = squareGrid(turfBbox(cf) as [number, number, number, number], urban ? 0.25 : 0.9, { units: 'kilometers' })
    let seq = 1
    for (const cell of grid.features) {
      const clipped = intersect(featureCollection<Polygon | MultiPolygon>([cell, cf]))
      if (!clipped || area(clipped) < 2000) continue
      const s = String(seq++).padStart(3, '0')
      regions.push({ id: id++, code: comm.code + s, name: `${comm.name}第${s}网格`, level: 'grid', parentCode: comm.code, geometry: toMulti(clipped.geometry) })
    }
  }
  return regions
}

export interface MockApiOptions {
  port?: number
  /** Levels whose endpoints answer 500 with a problem document. */
  failLevels?: Level[]
  /** Levels that have no regions. */
  emptyLevels?: Level[]
  tileSource?: { type: 'xyz' | 'style' | 'pmtiles'; url: string; attribution?: string } | null
}

export async function startMockApi(opts: MockApiOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const regions = build()
  const taxonomy = JSON.parse(fs.readFileSync(path.join(repo, 'seed/taxonomy.json'), 'utf8')) as Taxonomy
  const byCode = new Map(regions.map((r) => [r.code, r]))
  const fcCache = new Map<string, string>()
  const problem = (res: http.ServerResponse, status: number, code: string, title: string, detail: string, errors?: unknown[]) => {
    res.writeHead(status, { 'content-type': 'application/problem+json; charset=utf-8' })
    res.end(JSON.stringify({ type: `https://hanjiang.example/problems/${code}`, title, status, detail, code, ...(errors ? { errors } : {}) }))
  }
  const json = (res: http.ServerResponse, body: unknown, type = 'application/json') => {
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` })
    res.end(typeof body === 'string' ? body : JSON.stringify(body))
  }
  const auth = createMockAuth()
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x')
    const p = u.pathname
    // Sign-in, admin and audit routes (./mock-auth.ts): read the JSON body first.
    if (p.startsWith('/api/auth/') || p.startsWith('/api/admin/') || p === '/api/audit') {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        let body: unknown
        try {
          body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined
        } catch {
          return problem(res, 400, 'validation_failed', 'Invalid request', 'The body is not JSON.')
        }
        const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
          const type = status >= 400 ? 'application/problem+json' : 'application/json'
          res.writeHead(status, { ...(payload === undefined ? {} : { 'content-type': `${type}; charset=utf-8` }), ...headers })
          res.end(payload === undefined ? undefined : JSON.stringify(payload))
        }
        if (!auth.handle(req, body, p, u.searchParams, send)) problem(res, 404, 'route_not_found', 'Not found', `No API route at ${p}`)
      })
      return
    }
    if (p === '/api/health') {
      return json(res, { status: 'ok', engine: 'embedded', postgres: '17.5 (mock)', postgis: '3.5.2 (mock)', migrations: { applied: 3, total: 3, pending: [] } })
    }
    if (p === '/api/config') {
      return json(res, { tileSource: opts.tileSource ?? null, attribution: ['边界: Vonng/adcode, CC BY 4.0'] })
    }
    if (p === '/api/regions' || p === '/api/regions/labels') {
      const level = u.searchParams.get('level') as Level | null
      if (!level || !['district', 'street', 'community', 'grid'].includes(level)) {
        return problem(res, 400, 'validation_failed', 'Invalid request', 'The query is not valid.', [
          { path: 'level', message: 'level must be one of district, street, community, grid' },
        ])
      }
      if (opts.failLevels?.includes(level)) return problem(res, 500, 'internal_error', 'Internal error', 'An unexpected error occurred; it has been logged.')
      const key = `${p}:${level}`
      let body = fcCache.get(key)
      if (!body) {
        const list = opts.emptyLevels?.includes(level) ? [] : regions.filter((r) => r.level === level)
        const fc: FeatureCollection =
          p === '/api/regions'
            ? { type: 'FeatureCollection', features: list.map((r) => ({ type: 'Feature', id: r.id, properties: { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode }, geometry: r.geometry })) }
            : {
                type: 'FeatureCollection',
                features: list.map((r) => ({ type: 'Feature', id: r.id, properties: { code: r.code, name: r.name, level: r.level }, geometry: pointOnFeature({ type: 'Feature', properties: {}, geometry: r.geometry }).geometry })),
              }
        fcCache.set(key, (body = JSON.stringify(fc)))
      }
      return json(res, body, 'application/geo+json')
    }
    const m = /^\/api\/regions\/([^/]+)$/.exec(p)
    if (m) {
      const code = decodeURIComponent(m[1]!)
      if (!/^\d{12}(\d{3})?$/.test(code)) return problem(res, 400, 'validation_failed', 'Invalid request', 'The region code is not valid.', [{ path: 'region code', message: 'a region code has 12 digits (15 for a grid)' }])
      const r = byCode.get(code)
      if (!r) return problem(res, 404, 'region_not_found', 'Not found', `No region with code ${code}`)
      const parents = []
      for (let c = r.parentCode; c; ) {
        const pr = byCode.get(c)
        if (!pr) break
        parents.unshift({ code: pr.code, name: pr.name, level: pr.level })
        c = pr.parentCode
      }
      return json(res, {
        code: r.code,
        name: r.name,
        level: r.level,
        parentCode: r.parentCode,
        parents,
        areaM2: Math.round(area({ type: 'Feature', properties: {}, geometry: r.geometry })),
        childCount: regions.filter((x) => x.parentCode === r.code).length,
        version: 1,
        validFrom: '2026-01-01T00:00:00.000Z',
        validTo: null,
      })
    }
    // Responsibility areas: none in the mock.
    if (p === '/api/areas') return json(res, { type: 'FeatureCollection', features: [] }, 'application/geo+json')
    // A rough stand-in for the assignment (WGS84 only, no areas, no near-boundary check): regions by point-in-polygon,
    // the fine class's responsible unit, `territorial` → the street's office.
    if (p === '/api/assign') {
      const lng = Number(u.searchParams.get('lng'))
      const lat = Number(u.searchParams.get('lat'))
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
        return problem(res, 400, 'validation_failed', 'Invalid request', 'The query is invalid: lng and lat must be numbers', [{ path: 'lng', message: 'lng must be a number' }])
      }
      const code = u.searchParams.get('fineClass')
      let fine: { code: string; name: string; nameEn: string; responsible: string } | null = null
      for (const c of taxonomy.classes) for (const sc of c.subclasses) for (const f of sc.fineClasses) if (f.code === code) fine = f
      if (code && !fine) return problem(res, 422, 'invalid_points', 'Unprocessable content', `points.0.fineClass: unknown fine class ${code}`)
      const at = (level: Level) => {
        const r = regions.find((x) => x.level === level && booleanPointInPolygon(point([lng, lat]), x.geometry))
        return r ? { code: r.code, name: r.name } : null
      }
      const street = at('street')
      const unitName = (c: string) => taxonomy.units.find((x) => x.code === c)?.name ?? c
      const [unit, rule] = !fine
        ? [{ code: 'command_center', name: unitName('command_center') }, 'no_class']
        : fine.responsible === 'territorial'
          ? street
            ? [{ code: `office_${street.code.slice(0, 9)}`, name: `${street.name}办事处` }, 'territorial']
            : [{ code: 'command_center', name: unitName('command_center') }, 'lead_unit_fallback']
          : [{ code: fine.responsible, name: unitName(fine.responsible) }, 'fine_class']
      return json(res, {
        point: { lng, lat },
        crs: u.searchParams.get('crs') ?? 'wgs84',
        fineClass: code,
        street,
        community: at('community'),
        grid: at('grid'),
        regionVersions: { street: null, community: null, grid: null },
        nearBoundary: null,
        unit,
        rule,
        needsReview: rule === 'no_class' || rule === 'lead_unit_fallback',
        area: null,
        explanation: [{ zh: `（模拟接口）${unit.name}`, en: `(mock API) ${unit.name}` }],
        candidates: [],
      })
    }
    if (p.startsWith('/api/')) return problem(res, 404, 'route_not_found', 'Not found', `No API route at ${p}`)
    // Static files with an SPA fallback.
    const file = path.join(dist, path.normalize(p).replace(/^(\.\.[/\\])+/, ''))
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(dist, 'index.html')
    const ext = path.extname(target)
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' }
    res.writeHead(200, { 'content-type': `${types[ext] ?? 'application/octet-stream'}; charset=utf-8` })
    fs.createReadStream(target).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const port = Number(process.argv[2] ?? 8090)
  const s = await startMockApi({ port })
  console.log(`mock API + web app on ${s.url}`)
}
