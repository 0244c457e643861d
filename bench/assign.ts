import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import { openDatabase } from '../apps/api/src/db/open.ts'
import { startServer, type RunningServer } from '../apps/api/src/server.ts'
import type { Database } from '../apps/api/src/db/types.ts'
import { benchSession, cpuSplit, freePort, SERVER_NODE_FLAGS, start, stop, waitHealthy, type Figure } from './lib.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
/** Requests in flight for (b): enough that the server's JSON work overlaps the database's lookups. */
const CLIENTS = Number(process.env.BENCH_ASSIGN_CLIENTS ?? 4)

// A 400 × 250 lattice of 100,000 synthetic grids over the district's extent (≈ 113 m × 178 m cells).
const COLS = 400
const ROWS = 250
const W = 118.85, E = 119.3, S = 25.3, N = 25.7
const DX = (E - W) / COLS
const DY = (N - S) / ROWS

/** Deterministic points inside the lattice (mulberry32). */
function points(n: number, seed = 42): { lng: number; lat: number }[] {
  let a = seed
  const rnd = () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return Array.from({ length: n }, () => ({ lng: W + rnd() * (E - W), lat: S + rnd() * (N - S) }))
}

async function insertLattice(database: Database): Promise<void> {
  // Trusted numeric constants, inlined so both drivers see float8 arithmetic.
  const v = (x: number) => sql.raw(String(x))
  await database.rows(sql`
    INSERT INTO region (code, name, level, parent_code, geom)
    SELECT '350303999' || lpad((i * ${v(ROWS)} + j)::text, 6, '0'), 'bench ' || (i * ${v(ROWS)} + j), 'grid', NULL,
           ST_Multi(ST_MakeEnvelope(${v(W)} + i * ${v(DX)}, ${v(S)} + j * ${v(DY)}, ${v(W)} + (i + 1) * ${v(DX)}, ${v(S)} + (j + 1) * ${v(DY)}, 4326))
    FROM generate_series(0, ${v(COLS - 1)}) i, generate_series(0, ${v(ROWS - 1)}) j`)
  await database.rows(sql`ANALYZE region`)
}

/** One POST over a keep-alive agent: status and the raw (gzip) body, undecoded. */
function post(agent: http.Agent, url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: Buffer; gzip: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), gzip: res.headers['content-encoding'] === 'gzip' }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * (b) POST /api/assign, 1,000 points a request, `clients` requests in flight. The load generator is lean, like
 * pgbench for (a): node:http without decoding the gzip answers (undici's fetch inflated them through web
 * streams on the same two cores); the first answer is decoded and checked, every status is.
 */
async function httpBatchRate(url: string, batches: number, clients: number, session: Record<string, string>, lang?: 'zh' | 'en'): Promise<number> {
  const pts = points(batches * 1000, 7)
  const bodies = Array.from({ length: batches }, (_, b) =>
    JSON.stringify({ points: pts.slice(b * 1000, (b + 1) * 1000).map((p) => ({ ...p, fineClass: '010502' })), lang }),
  )
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients })
  let next = 0
  let checked = false
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < batches) {
        const res = await post(agent, `${url}/api/assign`, session, bodies[next++]!)
        if (res.status !== 200) throw new Error(`assign batch failed: ${res.status} ${res.body.toString()}`)
        if (!checked) {
          checked = true
          type Answer = { results: { unit?: { code: string }; explanation: Record<string, string>[] }[] }
          const answer = JSON.parse((res.gzip ? zlib.gunzipSync(res.body) : res.body).toString()) as Answer
          const explained = (r: Answer['results'][number]) => r.explanation.length > 0 && r.explanation.every((t) => (lang ? t[lang] : t.zh && t.en))
          if (answer.results.length !== 1000 || !answer.results.every((r) => r.unit?.code && explained(r))) {
            throw new Error('assign batch: not 1,000 explained answers with a unit')
          }
        }
      }
    }),
  )
  const rate = (batches * 1000) / ((performance.now() - t0) / 1000)
  agent.destroy()
  return rate
}

/** Points the turf scan warms up on before it is timed. */
const TURF_WARM_UP = 50

/**
 * (c) A linear scan with @turf/boolean-point-in-polygon over the same 100,000 grids: warmed up first (V8 optimises
 * the scan after a few points; unwarmed runs varied 2× between runs), then the median of three runs of `n` points.
 * `points`: every point scanned, warm-up included (for the CPU split).
 */
export function turfScanRate(n: number): { rate: number; points: number } {
  const cells: GeoJSON.Feature<GeoJSON.Polygon>[] = []
  for (let i = 0; i < COLS; i++)
    for (let j = 0; j < ROWS; j++) {
      const w = W + i * DX, s = S + j * DY, e = w + DX, nn = s + DY
      cells.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, nn], [w, nn], [w, s]]] } })
    }
  const scan = (pts: { lng: number; lat: number }[]) => {
    const t0 = performance.now()
    for (const p of pts) {
      const pt: [number, number] = [p.lng, p.lat]
      for (const c of cells) if (booleanPointInPolygon(pt, c)) break
    }
    return pts.length / ((performance.now() - t0) / 1000)
  }
  scan(points(TURF_WARM_UP, 8))
  const runs = [9, 10, 11].map((seed) => scan(points(n, seed))).sort((a, b) => a - b)
  console.log(`  assign: turf scan runs ${runs.map((r) => Math.round(r)).join(', ')} points/s (median taken)`)
  return { rate: runs[1]!, points: TURF_WARM_UP + runs.length * n }
}

/** (a) on PostGIS: pgbench with one ST_Covers lookup per transaction, 2 clients (the ceiling). */
function pgbenchRate(url: string, seconds: number): number {
  const script = path.join(os.tmpdir(), `hj-pip-${process.pid}.sql`)
  fs.writeFileSync(
    script,
    `\\set x random(0, 1000000)\n\\set y random(0, 1000000)\n` +
      `SELECT code FROM region WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint(${W} + :x * ${(E - W) / 1e6}, ${S} + :y * ${(N - S) / 1e6}), 4326));\n`,
  )
  const out = execFileSync('pgbench', ['-n', '-M', 'prepared', '-c', '2', '-j', '2', '-T', String(seconds), '-f', script, url], { encoding: 'utf8' })
  fs.rmSync(script)
  const m = /tps = ([\d.]+)/.exec(out)
  if (!m) throw new Error(`pgbench printed no tps:\n${out}`)
  return Number(m[1])
}

/** (a) on PGlite: the same statement in-process, one at a time (PGlite is single-connection). */
async function pgliteRawRate(database: Database, n: number): Promise<number> {
  const pts = points(n, 11)
  const t0 = performance.now()
  for (const p of pts) {
    await database.rows(sql`SELECT code FROM region WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint(${p.lng}, ${p.lat}), 4326))`)
  }
  return n / ((performance.now() - t0) / 1000)
}

/** The in-process server (PGlite: the embedded database lives in the server's process). */
async function withServer<T>(env: Record<string, string>, fn: (s: RunningServer) => Promise<T>): Promise<T> {
  const s = await startServer({ PORT: '0', HOST: '127.0.0.1', DEMO: 'false', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', ...env })
  try {
    return await fn(s)
  } finally {
    await s.close()
  }
}

/**
 * PostGIS: the API as its own process (as deployed, with its node flags), so the load generator's requests and
 * decompression do not run on the server's event loop; the bench writes the lattice through its own connection.
 */
async function withServerProcess<T>(databaseUrl: string, fn: (s: { database: Database; url: string; pid?: number }) => Promise<T>): Promise<T> {
  const port = await freePort()
  // API_PROCESSES as docker-compose deploys it (auto: one per core).
  const env = { DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DEMO: 'false', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', TIMER_WORKER: 'false', API_PROCESSES: process.env.BENCH_API_PROCESSES ?? 'auto' }
  // BENCH_PROFILE_DIR=/some/dir: the server writes a V8 CPU profile there (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []
  const child = start(process.execPath, [...SERVER_NODE_FLAGS, ...profile, '--import', 'tsx', 'apps/api/src/main.ts'], env, ROOT)
  const database = await (async () => {
    await waitHealthy(`http://127.0.0.1:${port}/api/health`, performance.now(), child)
    return openDatabase({ databaseUrl, pgliteDir: '' })
  })().catch(async (e) => {
    await stop(child)
    throw e
  })
  try {
    return await fn({ database, url: `http://127.0.0.1:${port}`, pid: child.pid })
  } finally {
    await database.close()
    await stop(child)
  }
}

export async function benchAssign(): Promise<Figure[]> {
  const figures: Figure[] = []
  const turf = {
    name: 'turf linear scan (c)',
    value: await cpuSplit('turf (c)', 1000, {}, async () => {
      const { rate, points: scanned } = turfScanRate(200)
      return { value: rate, units: scanned }
    }),
  }

  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  const name = `hj_bench_${Date.now().toString(36)}`
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`)
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    await withServerProcess(url.toString(), async (s) => {
      await insertLattice(s.database)
      const raw = { name: 'raw PostGIS pgbench (a)', value: pgbenchRate(url.toString(), 10) }
      figures.push({ ...raw, unit: 'lookups/s' })
      const session = await benchSession(s, 'dispatcher')
      await httpBatchRate(s.url, 8, CLIENTS, session) // warm-up: prepared statements, JIT of the server's code
      // (b) as a seat or an importing system asks: the explanation in its language; then in both, as the record keeps it.
      const batches = 60
      const rate = (lang?: 'zh') =>
        cpuSplit(`assign (b) on PostGIS, lang ${lang ?? 'zh+en'}`, 1000, { API: s.pid }, async () => ({
          value: await httpBatchRate(s.url, batches, CLIENTS, session, lang),
          units: batches * 1000,
        }))
      const b = await rate('zh')
      const both = await rate()
      console.log(`  assign: (b) on PostGIS — the API as deployed (API_PROCESSES=${process.env.BENCH_API_PROCESSES ?? 'auto'}), ${CLIENTS} requests of 1,000 points in flight`)
      figures.push({ name: 'POST /api/assign on PostGIS (b) vs (a)', value: b, unit: 'points/s', baseline: raw })
      figures.push({ name: 'POST /api/assign on PostGIS (b) vs (c)', value: b, unit: 'points/s', baseline: turf })
      figures.push({ name: '  the same, explanation zh + en, vs (c)', value: both, unit: 'points/s', baseline: turf })
    })
  } catch (e) {
    console.log(`  (PostGIS part skipped: ${(e as Error).message})`)
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
    await admin.end()
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-assign-'))
  await withServer({ DATABASE_URL: '', DATA_DIR: dir }, async (s) => {
    await insertLattice(s.database)
    const raw = { name: 'raw PGlite in-process (a)', value: await pgliteRawRate(s.database, 3000) }
    figures.push({ ...raw, unit: 'lookups/s' })
    const b = await httpBatchRate(s.url, 10, 1, await benchSession(s, 'dispatcher'), 'zh')
    figures.push({ name: 'POST /api/assign on PGlite (b) vs (a)', value: b, unit: 'points/s', baseline: raw })
    figures.push({ name: 'POST /api/assign on PGlite (b) vs (c)', value: b, unit: 'points/s', baseline: turf })
  })
  fs.rmSync(dir, { recursive: true, force: true })
  figures.push({ ...turf, unit: 'points/s' })
  return figures
}
