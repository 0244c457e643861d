import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { freePort, SERVER_NODE_FLAGS, signInHeaders, start, stop, waitHealthy, type Figure } from './lib.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const SECONDS = Number(process.env.BENCH_INTAKE_SECONDS ?? 10)
const WARMUP_SECONDS = 2

// Points: random points in random grids of the demo jurisdictions, and 1 in 20 just outside the
// district's extent (accepted and flagged for review, as in real life).
const W = 118.85, E = 119.3, S = 25.3, N = 25.7
// A mix of classes: territorial, departmental, and urgent safety hazards (those also get R4/R7 timers).
const CLASSES = ['020602', '020601', '010502', '010101', '041305', '031004', '051605', '020801']

function incidentBody(points: { lng: number; lat: number }[], i: number, withLocation: boolean): string {
  if (!withLocation) {
    // A consultation by phone: no place, no class — everything but the spatial lookup.
    return JSON.stringify({
      channel: 'hotline_12345',
      requestType: 'consultation',
      description: `压测咨询 ${i}：居住证怎么办理？`,
      reporter: { name: '测试', phone: '13800000000' },
    })
  }
  return JSON.stringify({
    channel: 'hotline_12345',
    requestType: 'complaint',
    fineClass: CLASSES[i % CLASSES.length],
    location: i % 20 === 19 ? { lng: E + 0.01 * (i % 7), lat: S + ((N - S) * (i % 13)) / 13 } : points[i % points.length],
    address: `涵江区 测试路 ${i} 号`,
    description: `压测诉求 ${i}：路边设施损坏，请尽快处理`,
    reporter: { name: '测试', phone: '13800000000' },
  })
}

function post(agent: http.Agent, port: number, urlPath: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: urlPath,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

interface LoadResult {
  ok: number
  errors: number
  rate: number
  p50: number
  p99: number
}

/**
 * A bounded loopback load: `connections` keep-alive clients, each one request in flight, for `seconds`.
 * Counts 201s; anything else is an error.
 */
async function load(
  port: number,
  urlPath: string,
  seconds: number,
  connections: number,
  label: string,
  points: { lng: number; lat: number }[],
  session: Record<string, string>,
  withLocation = true,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  let i = 0
  let ok = 0
  let errors = 0
  const latencies: number[] = []
  const t0 = performance.now()
  const end = t0 + seconds * 1000
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const n = i++
        const t = performance.now()
        const status = await post(agent, port, urlPath, incidentBody(points, n, withLocation), { ...session, 'idempotency-key': `${label}-${n}` })
        latencies.push(performance.now() - t)
        if (status === 201) ok++
        else errors++
      }
    }),
  )
  const elapsed = (performance.now() - t0) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0
  return { ok, errors, rate: ok / elapsed, p50: q(0.5), p99: q(0.99) }
}

async function runEngine(engine: string, env: Record<string, string>, connections: number, check?: () => Promise<string>): Promise<Figure[]> {
  const port = await freePort()
  const t0 = performance.now()
  // BENCH_PROFILE_DIR=/some/dir: the server writes a V8 CPU profile there (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []
  const child = start(process.execPath, [...SERVER_NODE_FLAGS, ...profile, '--import', 'tsx', 'bench/intake-server.ts'], { ...env, PORT: String(port) }, ROOT)
  try {
    await waitHealthy(`http://127.0.0.1:${port}/api/health`, t0, child)
    const points = (await (await fetch(`http://127.0.0.1:${port}/bench/points?n=2000`)).json()) as { lng: number; lat: number }[]
    // A hotline seat of the demo (the demo seed's accounts; DEMO_PASSWORD's default).
    const s = await signInHeaders(`http://127.0.0.1:${port}`, 'dispatcher', process.env.DEMO_PASSWORD ?? 'hanjiang-demo')
    await load(port, '/bench/bare-insert', WARMUP_SECONDS, connections, `warm-bare-${engine}`, points, s)
    await load(port, '/api/incidents', WARMUP_SECONDS, connections, `warm-intake-${engine}`, points, s)
    const bare = await load(port, '/bench/bare-insert', SECONDS, connections, `bare-${engine}`, points, s)
    const intake = await load(port, '/api/incidents', SECONDS, connections, `intake-${engine}`, points, s)
    const noLookup = await load(port, '/api/incidents', SECONDS, connections, `nolookup-${engine}`, points, s, false)
    if (bare.errors || intake.errors || noLookup.errors) {
      console.log(`  (${engine}: ${bare.errors} bare, ${intake.errors} intake, ${noLookup.errors} no-lookup requests failed)`)
    }
    const baseline = { name: `bare INSERT over HTTP, ${engine}`, value: bare.rate }
    if (check) console.log(`  ${engine}: ${await check()}`)
    return [
      { name: `bare INSERT over HTTP, ${engine} (baseline)`, value: bare.rate, unit: 'incidents/s' },
      { name: `POST /api/incidents, ${engine}`, value: intake.rate, unit: 'incidents/s', baseline },
      { name: `POST /api/incidents, ${engine}, p50 latency`, value: intake.p50, unit: 'ms' },
      { name: `POST /api/incidents, ${engine}, p99 latency`, value: intake.p99, unit: 'ms' },
      { name: `no-location intake (no lookup), ${engine}`, value: noLookup.rate, unit: 'incidents/s', baseline },
    ]
  } finally {
    await stop(child)
  }
}

/**
 * Intake throughput over HTTP (docs/DOMAIN.md §9: ≥ 1,500 incidents/s with assignment on PostGIS): POST
 * /api/incidents with validation, spatial assignment over the demo jurisdictions, and the one-statement
 * insert of incident + first event + timers, unique Idempotency-Keys, `connections` keep-alive clients
 * on loopback for 10 s. Baseline, same server and database: a bare single-statement INSERT route.
 * The server runs in a child process so the load generator does not share its event loop.
 */
export async function benchIntake(): Promise<Figure[]> {
  const figures: Figure[] = []
  // The machine may be shared: show how busy it was, so figures from different runs can be compared.
  const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ')
  console.log(`  intake: load average before ${loadavg()}`)
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  const name = `hj_bench_intake_${Date.now().toString(36)}`
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`)
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    const check = async () => {
      const db = postgres(url.toString(), { max: 1, onnotice: () => {} })
      try {
        const [r] = await db`
          SELECT count(*)::int AS incidents,
                 (SELECT count(*)::int FROM incident_event e JOIN incident i ON i.id = e.incident_id
                   WHERE i.idempotency_key LIKE 'intake-%' AND e.action = 'create') AS events,
                 count(*) FILTER (WHERE needs_review)::int AS flagged,
                 (SELECT count(*)::int FROM timer t JOIN incident i ON i.id = t.incident_id WHERE i.idempotency_key LIKE 'intake-%') AS timers
          FROM incident WHERE idempotency_key LIKE 'intake-%'`
        return `${r!.incidents} incidents written in the measured run, ${r!.events} create events, ${r!.timers} timers, ${r!.flagged} flagged for review`
      } finally {
        await db.end()
      }
    }
    figures.push(...(await runEngine('PostGIS', { DATABASE_URL: url.toString() }, 32, check)))
  } catch (e) {
    console.log(`  (PostGIS part skipped: ${(e as Error).message})`)
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
    await admin.end()
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-intake-'))
  try {
    figures.push(...(await runEngine('PGlite', { DATABASE_URL: '', DATA_DIR: dir }, 32)))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  console.log(`  intake: load average after ${loadavg()}`)
  return figures
}
