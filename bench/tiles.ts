import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import type { Database } from '../apps/api/src/db/types.ts'
import { startServer, type RunningServer } from '../apps/api/src/server.ts'
import { buildDemoRegions } from '../apps/api/src/seed/regions/index.ts'
import { insertRegions } from '../apps/api/src/seed/insert-regions.ts'
import { fillBenchIncidents } from './map.ts'
import { benchSession, type Figure } from './lib.ts'

/**
 * Vector tiles against whole-layer GeoJSON, in the same run: a recorded pan/zoom session of the map page (district →
 * street → back, 1280 × 800 px) replayed as the tile requests MapLibre makes for it (512-px tiles, each tile once per
 * session, 4 in flight), and the same views as GeoJSON (each region level once, when it first comes into view, plus
 * GET /api/incidents/map per view). Synthetic data made in SQL: BENCH_TILES_INCIDENTS incidents (default 100,000)
 * and BENCH_TILES_GRIDS grids (default 10,000) over the district.
 */

const INCIDENTS = Number(process.env.BENCH_TILES_INCIDENTS ?? 100_000)
const GRIDS = Number(process.env.BENCH_TILES_GRIDS ?? 10_000)
const WIDTH = 1280
const HEIGHT = 800
/** Tile requests in flight at once: 1 measures each tile's own time; a browser keeps ~6 (BENCH_TILES_IN_FLIGHT). */
const IN_FLIGHT = Number(process.env.BENCH_TILES_IN_FLIGHT ?? 1)

/** The recorded session: where the map page was, view by view (centre, zoom). */
const SESSION: { lng: number; lat: number; zoom: number }[] = [
  { lng: 119.1, lat: 25.46, zoom: 10.5 },
  { lng: 119.1, lat: 25.46, zoom: 11.5 },
  { lng: 119.08, lat: 25.47, zoom: 12.5 },
  { lng: 119.06, lat: 25.475, zoom: 13.5 },
  { lng: 119.1, lat: 25.46, zoom: 13.5 },
  { lng: 119.1, lat: 25.455, zoom: 14.5 },
  { lng: 119.11, lat: 25.455, zoom: 14.5 },
  { lng: 119.105, lat: 25.456, zoom: 15.5 },
  { lng: 119.11, lat: 25.458, zoom: 16.2 },
  { lng: 119.118, lat: 25.458, zoom: 16.2 },
  { lng: 119.11, lat: 25.455, zoom: 14.5 },
  { lng: 119.1, lat: 25.46, zoom: 12.5 },
  { lng: 119.1, lat: 25.46, zoom: 10.5 },
]

/** Region levels and the zoom each comes in at (apps/web/src/map/layers.ts LEVEL_ZOOM). */
const REGION_LAYERS = [
  { tile: 'streets', level: 'street', min: 9 },
  { tile: 'communities', level: 'community', min: 11 },
  { tile: 'grids', level: 'grid', min: 13 },
] as const

/** The 512-px tiles covering a 1280 × 800 view at `zoom` (MapLibre asks tile zoom floor(zoom) of a vector source). */
function tilesOfView(v: { lng: number; lat: number; zoom: number }): { z: number; x: number; y: number }[] {
  const z = Math.floor(v.zoom)
  const world = 512 * 2 ** v.zoom
  const cx = ((v.lng + 180) / 360) * world
  const r = (v.lat * Math.PI) / 180
  const cy = ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * world
  const tilePx = 512 * 2 ** (v.zoom - z)
  const out: { z: number; x: number; y: number }[] = []
  for (let x = Math.floor((cx - WIDTH / 2) / tilePx); x <= Math.floor((cx + WIDTH / 2) / tilePx); x++)
    for (let y = Math.floor((cy - HEIGHT / 2) / tilePx); y <= Math.floor((cy + HEIGHT / 2) / tilePx); y++) out.push({ z, x, y })
  return out
}

function bboxOfView(v: { lng: number; lat: number; zoom: number }): [number, number, number, number] {
  const degPerPx = 360 / (512 * 2 ** v.zoom)
  const dy = degPerPx * Math.cos((v.lat * Math.PI) / 180)
  return [v.lng - (WIDTH / 2) * degPerPx, v.lat - (HEIGHT / 2) * dy, v.lng + (WIDTH / 2) * degPerPx, v.lat + (HEIGHT / 2) * dy]
}

/** Synthetic unit grids: a lattice of squares over the district's box, cut to the district, under its first community. */
async function fillBenchGrids(database: Database, total: number): Promise<void> {
  // The shipped district, streets, communities and grids first (what DEMO=true seeds), then synthetic grids up to `total`.
  const demo = buildDemoRegions()
  await database.db.transaction((tx) => insertRegions(database, tx, demo))
  const [{ have }] = await database.rows<{ have: number }>(sql`SELECT count(*)::int AS have FROM region WHERE level = 'grid' AND valid_to IS NULL`)
  const n = Math.max(0, total - Number(have))
  if (n === 0) return
  // Lattice fine enough that the cells meeting the district number about n.
  const [{ fill }] = await database.rows<{ fill: number }>(sql`
    SELECT ST_Area(geom) / (ST_XMax(geom) - ST_XMin(geom)) / (ST_YMax(geom) - ST_YMin(geom)) AS fill FROM region WHERE level = 'district' AND valid_to IS NULL LIMIT 1`)
  const side = Math.ceil(Math.sqrt(n / Math.max(0.2, Number(fill))))
  await database.rows(sql`
    WITH d AS (SELECT geom, ST_XMin(geom) AS x0, ST_YMin(geom) AS y0, ST_XMax(geom) - ST_XMin(geom) AS w, ST_YMax(geom) - ST_YMin(geom) AS h
               FROM region WHERE level = 'district' AND valid_to IS NULL LIMIT 1),
    c AS (SELECT code FROM region WHERE level = 'community' AND valid_to IS NULL ORDER BY code LIMIT 1),
    cells AS (
      SELECT g, ST_Multi(ST_CollectionExtract(ST_Intersection(d.geom, ST_MakeEnvelope(
        d.x0 + (g % ${side}::int) * d.w / ${side}::int, d.y0 + (g / ${side}::int) * d.h / ${side}::int,
        d.x0 + (g % ${side}::int + 1) * d.w / ${side}::int, d.y0 + (g / ${side}::int + 1) * d.h / ${side}::int, 4326)), 3)) AS geom
      FROM d, generate_series(0, ${side * side - 1}::int) g
    )
    INSERT INTO region (code, name, level, parent_code, geom)
    SELECT '3503039' || lpad(g::text, 8, '0'), '测试网格' || g, 'grid', c.code, cells.geom
    FROM cells, c
    WHERE NOT ST_IsEmpty(cells.geom)
    LIMIT ${n}::int`)
  await database.rows(sql`ANALYZE region`)
}

interface Timed {
  ms: number
  bytes: number
}

async function fetchBytes(url: string, headers: Record<string, string>): Promise<Timed> {
  const t0 = performance.now()
  const go = () => fetch(url, { headers: { ...headers, 'accept-encoding': 'gzip' } })
  const r = await go().catch(() => go())
  if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`)
  // fetch() inflates gzip, and compressed answers may stream without a length: count both kinds alike, gzipped here.
  const body = new Uint8Array(await r.arrayBuffer())
  const ms = performance.now() - t0
  return { ms, bytes: body.length ? gzipSync(body).length : 0 }
}

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let i = 0
  await Promise.all(Array.from({ length: n }, async () => {
    while (i < items.length) await fn(items[i++]!)
  }))
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0
}

async function suite(engine: string, s: RunningServer): Promise<Figure[]> {
  const t0 = performance.now()
  await fillBenchGrids(s.database, GRIDS)
  await fillBenchIncidents(s.database, INCIDENTS)
  const [{ grids, incidents }] = await s.database.rows<{ grids: number; incidents: number }>(sql`
    SELECT (SELECT count(*)::int FROM region WHERE level = 'grid' AND valid_to IS NULL) AS grids, (SELECT count(*)::int FROM incident) AS incidents`)
  console.log(`  ${engine}: ${grids} grids, ${incidents} incidents made in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  const headers = await benchSession(s, 'viewer')

  const tSession = performance.now()
  // Tiles: each view asks the tiles it shows that the session has not fetched yet (MapLibre's tile cache).
  const seen = new Set<string>()
  const tileMs: number[] = []
  const tileBytesPerView: number[] = []
  const perLayerMs: Record<string, number[]> = {}
  for (const v of SESSION) {
    const urls: { layer: string; url: string }[] = []
    for (const t of tilesOfView(v)) {
      const layers = [...REGION_LAYERS.filter((l) => v.zoom >= l.min).map((l) => l.tile), 'incidents']
      for (const layer of layers) {
        const key = `${layer}/${t.z}/${t.x}/${t.y}`
        if (seen.has(key)) continue
        seen.add(key)
        urls.push({ layer, url: `${s.url}/api/tiles/${key}.mvt?state=reported,registered,dispatched,accepted,on_site,resolved,returned` })
      }
    }
    let bytes = 0
    await pool(urls, IN_FLIGHT, async (u) => {
      const r = await fetchBytes(u.url, headers)
      tileMs.push(r.ms)
      ;(perLayerMs[u.layer] ??= []).push(r.ms)
      bytes += r.bytes
    })
    tileBytesPerView.push(bytes)
  }

  const sessionMs = performance.now() - tSession
  // The same views as whole-layer GeoJSON: a level once when it first comes into view, the incident JSON every view.
  const geoMs: number[] = []
  const layerMs: number[] = []
  const geoBytesPerView: number[] = []
  const loaded = new Set<string>()
  for (const v of SESSION) {
    let bytes = 0
    const urls: string[] = []
    for (const l of REGION_LAYERS) {
      if (v.zoom >= l.min - 1 && !loaded.has(l.level)) {
        loaded.add(l.level)
        urls.push(`${s.url}/api/regions?level=${l.level}`, `${s.url}/api/regions/labels?level=${l.level}`)
      }
    }
    for (const u of urls) {
      const r = await fetchBytes(u, headers)
      layerMs.push(r.ms)
      bytes += r.bytes
    }
    const r = await fetchBytes(`${s.url}/api/incidents/map?bbox=${bboxOfView(v).map((x) => x.toFixed(5)).join(',')}&zoom=${v.zoom}&state=reported,registered,dispatched,accepted,on_site,resolved,returned`, headers)
    geoMs.push(r.ms)
    bytes += r.bytes
    geoBytesPerView.push(bytes)
  }

  // A second browser replaying the session: shared layers come from the server's tile cache, incidents are built again.
  const warmMs: number[] = []
  await pool([...seen], IN_FLIGHT, async (k) => {
    const r = await fetchBytes(`${s.url}/api/tiles/${k}.mvt?state=reported,registered,dispatched,accepted,on_site,resolved,returned`, headers)
    warmMs.push(r.ms)
  })

  // A revisit: every tile again with its ETag (what a reload or a live refresh costs when nothing changed).
  const revisitMs: number[] = []
  const keys = [...seen].slice(0, 100)
  const tags = new Map<string, string>()
  for (const k of keys) {
    const r = await fetch(`${s.url}/api/tiles/${k}.mvt`, { headers })
    await r.arrayBuffer()
    tags.set(k, r.headers.get('etag') ?? '')
  }
  await pool(keys, IN_FLIGHT, async (k) => {
    const t = performance.now()
    const r = await fetch(`${s.url}/api/tiles/${k}.mvt`, { headers: { ...headers, 'if-none-match': tags.get(k)! } })
    await r.arrayBuffer()
    if (r.status !== 304) throw new Error(`revisit ${k}: ${r.status}`)
    revisitMs.push(performance.now() - t)
  })

  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  const scale = `${Math.round(grids / 1000)}k grids, ${Math.round(incidents / 1000)}k incidents`
  const out: Figure[] = []
  const geoP95 = { name: 'GeoJSON whole layer p95', value: pct(layerMs, 0.95) }
  out.push({ name: `${engine} (${scale}) tiles requested in session`, value: tileMs.length, unit: `tiles over ${SESSION.length} views` })
  out.push({ name: `${engine} tile latency p50 (${IN_FLIGHT} in flight)`, value: pct(tileMs, 0.5), unit: 'ms' })
  out.push({ name: `${engine} whole session, tiles`, value: sessionMs, unit: 'ms' })
  out.push({ name: `${engine} tile latency p95`, value: pct(tileMs, 0.95), unit: 'ms', baseline: geoP95 })
  for (const [layer, ms] of Object.entries(perLayerMs)) out.push({ name: `${engine}   ${layer} tiles p95 (${ms.length})`, value: pct(ms, 0.95), unit: 'ms' })
  out.push({ name: `${engine} GeoJSON whole layer p50 / p95 (${layerMs.length})`, value: pct(layerMs, 0.5), unit: `ms / ${pct(layerMs, 0.95).toFixed(1)} ms` })
  out.push({ name: `${engine} GET /api/incidents/map p50 / p95`, value: pct(geoMs, 0.5), unit: `ms / ${pct(geoMs, 0.95).toFixed(1)} ms` })
  out.push({ name: `${engine} second browser, tile p50 / p95`, value: pct(warmMs, 0.5), unit: `ms / ${pct(warmMs, 0.95).toFixed(1)} ms` })
  out.push({ name: `${engine} 304 revisit p95 (${revisitMs.length})`, value: pct(revisitMs, 0.95), unit: 'ms' })
  const tb = sum(tileBytesPerView)
  const gb = sum(geoBytesPerView)
  out.push({ name: `${engine} session bytes, tiles`, value: tb, unit: 'B gzip', baseline: { name: 'GeoJSON', value: gb } })
  out.push({ name: `${engine} session bytes, GeoJSON`, value: gb, unit: 'B gzip' })
  out.push({ name: `${engine} bytes per view, tiles: mean / max`, value: tb / SESSION.length, unit: `B / ${Math.max(...tileBytesPerView)} B` })
  out.push({ name: `${engine} bytes per view, GeoJSON: mean / max`, value: gb / SESSION.length, unit: `B / ${Math.max(...geoBytesPerView)} B` })
  return out
}

async function withServer<T>(env: Record<string, string>, fn: (s: RunningServer) => Promise<T>): Promise<T> {
  const s = await startServer({ PORT: '0', HOST: '127.0.0.1', DEMO: 'false', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', TIMER_WORKER: 'off', ...env })
  try {
    return await fn(s)
  } finally {
    await s.close()
  }
}

export async function benchTiles(): Promise<Figure[]> {
  const figures: Figure[] = []
  // BENCH_TILES_EMBEDDED=off / BENCH_TILES_SERVER=off run one engine only.
  if (process.env.BENCH_TILES_EMBEDDED !== 'off') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-tiles-'))
    try {
      figures.push(...(await withServer({ DATABASE_URL: '', DATA_DIR: dir }, (s) => suite('PGlite', s))))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  if (process.env.BENCH_TILES_SERVER === 'off') return figures
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  const name = `hj_bench_tiles_${Date.now().toString(36)}`
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`)
    const u = new URL(adminUrl)
    u.pathname = `/${name}`
    figures.push(...(await withServer({ DATABASE_URL: u.toString() }, (s) => suite('PostGIS', s))))
  } catch (e) {
    console.log(`  (PostGIS part skipped: ${(e as Error).message})`)
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
    await admin.end()
  }
  return figures
}
