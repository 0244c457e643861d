import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import { clusterCell, OPEN_STATES, type Bbox } from '../packages/shared/src/index.ts'
import { incidentClusters, incidentPoints } from '../apps/api/src/db/repositories/incident-map.ts'
import type { Database } from '../apps/api/src/db/types.ts'
import { startServer, type RunningServer } from '../apps/api/src/server.ts'
import { benchSession, type Figure } from './lib.ts'

/**
 * Incident map data with 100,000 incidents: GET /api/incidents/map for a district view (clusters)
 * and a street view (points), over HTTP with a signed-in session, against the same statements called in-process
 * (the repository: SQL + row mapping) as the same-run baseline. Also the bytes a district view sends.
 */

const SECONDS = Number(process.env.BENCH_MAP_SECONDS ?? 6)
const N = 100_000
/** The district at zoom 10 (what the map page opens on) and a street view in 涵东 at zoom 16. */
const DISTRICT: { bbox: Bbox; zoom: number } = { bbox: [118.7, 25.2, 119.5, 25.8], zoom: 10 }
const STREET: { bbox: Bbox; zoom: number } = { bbox: [119.095, 25.45, 119.115, 25.462], zoom: 16 }
const OPEN = OPEN_STATES.join(',')

/** ~8 % open, 3 % urgent, most of them in five urban centres, a year of creation times. */
export async function fillBenchIncidents(database: Database, n = N): Promise<void> {
  await database.rows(sql.raw(`
    INSERT INTO incident (code, tracking_code, channel, request_type, track, fine_class, location, description, state,
                          unit_code, street_code, overdue_at, created_at, closed_at)
    SELECT 'HJB-' || g, 'TB' || g,
      (ARRAY['hotline_12345','hotline_12315','patrol','public_web','open311','other_system'])[1 + g % 6], 'complaint',
      CASE WHEN g % 33 = 0 THEN 'urgent' ELSE 'normal' END,
      (ARRAY['010502','020602','020601','030101','040201','050101'])[1 + g % 6],
      ST_SetSRID(ST_MakePoint(
        CASE WHEN g % 5 < 3 THEN c.x + (random() + random() + random() - 1.5) * 0.03 ELSE 118.85 + random() * 0.45 END,
        CASE WHEN g % 5 < 3 THEN c.y + (random() + random() + random() - 1.5) * 0.03 ELSE 25.3 + random() * 0.4 END), 4326),
      'bench',
      CASE WHEN g % 12 = 0 THEN (ARRAY['reported','registered','dispatched','accepted','on_site','resolved','returned'])[1 + g % 7] ELSE 'closed' END,
      (ARRAY['transport','water','urban','env'])[1 + g % 4],
      '350303' || lpad((1 + g % 13)::text, 3, '0') || '000',
      CASE WHEN g % 12 = 0 AND g % 5 = 0 THEN now() - interval '1 hour' END,
      now() - (g % 365) * interval '1 day',
      CASE WHEN g % 12 <> 0 THEN now() - (g % 360) * interval '1 day' END
    FROM generate_series(1, ${n}) g
    CROSS JOIN LATERAL (SELECT (ARRAY[119.0, 119.1, 119.15, 119.05, 119.2])[1 + (g / 7) % 5] AS x,
                               (ARRAY[25.45, 25.46, 25.5, 25.4, 25.55])[1 + (g / 7) % 5] AS y) c`))
  await database.rows(sql`ANALYZE incident`)
}

const url = (base: string, v: { bbox: Bbox; zoom: number }, states?: string) =>
  `${base}/api/incidents/map?bbox=${v.bbox.join(',')}&zoom=${v.zoom}${states ? `&state=${states}` : ''}`

interface Load {
  rate: number
  p50: number
  p95: number
}

/** `clients` loops for SECONDS, each awaiting its answer before the next request. */
async function load(clients: number, once: () => Promise<void>): Promise<Load> {
  for (let i = 0; i < 3; i++) await once() // warm-up: plans, caches, JIT
  const lat: number[] = []
  const end = performance.now() + SECONDS * 1000
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now()
        await once()
        lat.push(performance.now() - t0)
      }
    }),
  )
  lat.sort((a, b) => a - b)
  return { rate: lat.length / SECONDS, p50: lat[Math.floor(lat.length / 2)]!, p95: lat[Math.floor(lat.length * 0.95)]! }
}

async function httpGet(u: string, headers: Record<string, string>): Promise<void> {
  const go = () => fetch(u, { headers: { ...headers, 'accept-encoding': 'gzip' } })
  // A kept-alive socket the server closed just as it was reused (ECONNRESET): one retry, as a browser would.
  const r = await go().catch(() => go())
  if (!r.ok) throw new Error(`${u}: ${r.status} ${await r.text()}`)
  await r.arrayBuffer()
}

async function suite(engine: string, s: RunningServer, clients: number): Promise<Figure[]> {
  await fillBenchIncidents(s.database)
  const headers = await benchSession(s, 'viewer')
  const out: Figure[] = []
  const views = [
    { name: 'district view, open', view: DISTRICT, states: OPEN },
    { name: 'district view, all 100k', view: DISTRICT, states: undefined },
    { name: 'street view, open', view: STREET, states: OPEN },
  ]
  for (const v of views) {
    const filter = { bbox: v.view.bbox, states: v.states?.split(',') }
    const raw = v.view.zoom >= 15
      ? () => incidentPoints(s.database, filter, 5001).then(() => undefined)
      : () => incidentClusters(s.database, filter, clusterCell(v.view.zoom, (v.view.bbox[1] + v.view.bbox[3]) / 2)).then(() => undefined)
    const base = await load(clients, raw)
    const http = await load(clients, () => httpGet(url(s.url, v.view, v.states), headers))
    const baseline = { name: `repository call in-process`, value: base.rate }
    out.push({ name: `${engine} ${v.name}: repository (baseline)`, value: base.rate, unit: 'req/s' })
    out.push({ name: `${engine} ${v.name}: GET /api/incidents/map`, value: http.rate, unit: 'req/s', baseline })
    out.push({ name: `${engine} ${v.name}: latency p50 / p95`, value: http.p50, unit: `ms / ${http.p95.toFixed(1)} ms` })
  }
  // What the map page downloads for the district at zoom 10 (JSON, and gzip as sent).
  const body = await (await fetch(url(s.url, DISTRICT, OPEN), { headers })).text()
  const doc = JSON.parse(body) as { clusters: unknown[]; points: unknown[]; total: number }
  out.push({ name: `${engine} district view bytes (${doc.clusters.length} clusters + ${doc.points.length} points of ${doc.total})`, value: Buffer.byteLength(body), unit: `B JSON, ${gzipSync(body).length} B gzip` })
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

export async function benchMap(): Promise<Figure[]> {
  const figures: Figure[] = []
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  const name = `hj_bench_map_${Date.now().toString(36)}`
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`)
    const u = new URL(adminUrl)
    u.pathname = `/${name}`
    figures.push(...(await withServer({ DATABASE_URL: u.toString() }, (s) => suite('PostGIS', s, 2))))
  } catch (e) {
    console.log(`  (PostGIS part skipped: ${(e as Error).message})`)
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
    await admin.end()
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-map-'))
  try {
    figures.push(...(await withServer({ DATABASE_URL: '', DATA_DIR: dir }, (s) => suite('PGlite', s, 1))))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return figures
}
