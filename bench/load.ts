import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { openDatabase } from '../apps/api/src/db/open.ts'
import { seedFixture } from '../apps/api/test/app.ts'
import { benchSession, freePort, SERVER_NODE_FLAGS, start, stop, waitHealthy, type Figure } from './lib.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
/**
 * A peak hour, scaled to what a shared 2-core box runs next to its other work (docs/SCALING.md): the full-size
 * targets are 100 seats, 300 phones, 200 desks + 30 walls for 5 minutes. Every number is an environment knob.
 */
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60)
const SEATS = Number(process.env.BENCH_LOAD_SEATS ?? 10)
const PHONES = Number(process.env.BENCH_LOAD_PHONES ?? 30)
const DESKS = Number(process.env.BENCH_LOAD_DESKS ?? 20)
const WALLS = Number(process.env.BENCH_LOAD_WALLS ?? 3)
/** A seat registers an incident and dispatches nothing else in between: one call every this many ms, and a phone sends a report every PHONE_PAUSE_MS. */
const SEAT_PAUSE_MS = Number(process.env.BENCH_LOAD_SEAT_PAUSE_MS ?? 2000)
const PHONE_PAUSE_MS = Number(process.env.BENCH_LOAD_PHONE_PAUSE_MS ?? 10_000)

type Headers = Record<string, string>

function request(agent: http.Agent, port: number, method: string, urlPath: string, headers: Headers, body?: unknown): Promise<{ status: number; body: string }> {
  const data = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: '127.0.0.1', port, path: urlPath, method, headers: { ...headers, ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}) } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}

class Stats {
  latencies = new Map<string, number[]>()
  errors = new Map<string, number>()
  add(route: string, ms: number, ok: boolean): void {
    if (!this.latencies.has(route)) this.latencies.set(route, [])
    this.latencies.get(route)!.push(ms)
    if (!ok) this.errors.set(route, (this.errors.get(route) ?? 0) + 1)
  }
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** Somewhere in the test fixture's district (its rectangles), spread so assignment varies. */
const somewhere = (i: number) => ({ lng: 119.0 + ((i * 37) % 100) / 1000, lat: 25.45 + ((i * 53) % 60) / 1000 })

/**
 * `npm run bench -- load`: seats registering incidents (create + register), patrol phones reporting, desks and walls
 * on /api/events, all at once against PostGIS with API_PROCESSES=auto, for BENCH_LOAD_SECONDS. Reports p50/p99 per
 * route, errors, and SSE delivery lag (create answered → event received by a desk, 0 when the event came first), p50/p99.
 */
export async function benchLoad(): Promise<Figure[]> {
  const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ')
  console.log(`  load: ${SEATS} seats, ${PHONES} phones, ${DESKS} desks + ${WALLS} walls on SSE, ${SECONDS} s; load average before ${loadavg()}`)
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  const name = `hj_bench_load_${Date.now().toString(36)}`
  await admin.unsafe(`CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: url.toString() })
  const port = await freePort()
  const child = start(
    process.execPath,
    [...SERVER_NODE_FLAGS, '--import', 'tsx', 'apps/api/src/main.ts'],
    { DATABASE_URL: url.toString(), PORT: String(port), HOST: '127.0.0.1', API_PROCESSES: 'auto', DEMO: 'false', LOG_LEVEL: 'error', WEB_DIST: '/nonexistent', ADMIN_PASSWORD: 'Bench-Admin-Password-1' },
    ROOT,
  )
  const stats = new Stats()
  const created = new Map<string, number>()
  const lags: number[] = []
  const received = Array.from({ length: DESKS }, () => new Map<string, number>())
  let sseErrors = 0
  try {
    await seedFixture(database)
    await waitHealthy(`http://127.0.0.1:${port}/api/health`, performance.now(), child)
    const server = { database, url: `http://127.0.0.1:${port}` }
    const seat = await benchSession(server, 'dispatcher')
    const phone = await benchSession(server, 'inspector')
    const desk = await benchSession(server, 'viewer')
    const agent = new http.Agent({ keepAlive: true, maxSockets: SEATS + PHONES })
    const end = performance.now() + SECONDS * 1000
    let n = 0

    // Desks and walls: one event stream each; a desk's delivery lag is measured per create event.
    const streams: http.ClientRequest[] = []
    for (let k = 0; k < DESKS + WALLS; k++) {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { ...desk, accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) sseErrors++
        res.setEncoding('utf8')
        let buf = ''
        res.on('data', (chunk: string) => {
          buf += chunk
          let i
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const frame = buf.slice(0, i)
            buf = buf.slice(i + 2)
            const data = frame.split('\n').find((l) => l.startsWith('data: '))
            if (!data || !frame.includes('event: incident')) continue
            const ev = JSON.parse(data.slice(6)) as { code: string; action: string }
            // Kept and matched at the end: an event may arrive before the create's own answer does.
            if (ev.action === 'create' && k < DESKS) received[k]!.set(ev.code, performance.now())
          }
        })
        res.on('error', () => {})
      })
      req.on('error', () => sseErrors++)
      streams.push(req)
    }
    await sleep(500)

    const seatLoop = async () => {
      while (performance.now() < end) {
        const i = n++
        let t = performance.now()
        const c = await request(agent, port, 'POST', '/api/incidents', seat, {
          channel: 'hotline_12345', requestType: 'complaint', fineClass: '020602', location: somewhere(i),
          address: `涵江区 压测路 ${i} 号`, description: `高峰压测 ${i}：路边垃圾堆积`, reporter: { name: '测试', phone: '13800000000' },
        })
        stats.add('POST /api/incidents (seat)', performance.now() - t, c.status === 201)
        if (c.status === 201) {
          const inc = JSON.parse(c.body) as { code: string; version: number }
          created.set(inc.code, performance.now())
          t = performance.now()
          const r = await request(agent, port, 'POST', `/api/incidents/${inc.code}/actions/register`, seat, { version: inc.version })
          stats.add('POST /api/incidents/:code/actions/register', performance.now() - t, r.status === 200)
        }
        await sleep(SEAT_PAUSE_MS * (0.5 + Math.random()))
      }
    }
    const phoneLoop = async () => {
      await sleep(Math.random() * PHONE_PAUSE_MS)
      while (performance.now() < end) {
        const i = n++
        const t = performance.now()
        const c = await request(agent, port, 'POST', '/api/incidents', phone, {
          channel: 'patrol', requestType: 'complaint', fineClass: '020601', location: somewhere(i),
          address: `涵江区 巡查点 ${i}`, description: `巡查上报 ${i}：井盖破损`,
        })
        stats.add('POST /api/incidents (phone)', performance.now() - t, c.status === 201)
        if (c.status === 201) created.set((JSON.parse(c.body) as { code: string }).code, performance.now())
        await sleep(PHONE_PAUSE_MS * (0.5 + Math.random()))
      }
    }
    const wallLoop = async () => {
      while (performance.now() < end) {
        const t = performance.now()
        const r = await request(agent, port, 'GET', '/api/wall/stats', desk)
        stats.add('GET /api/wall/stats (wall)', performance.now() - t, r.status === 200)
        await sleep(10_000)
      }
    }
    await Promise.all([...Array.from({ length: SEATS }, seatLoop), ...Array.from({ length: PHONES }, phoneLoop), ...Array.from({ length: WALLS }, wallLoop)])
    await sleep(2000) // the last events in flight
    for (const s of streams) s.destroy()
    let missed = 0
    for (const [code, answered] of created) {
      for (const desk of received) {
        const at = desk.get(code)
        if (at === undefined) missed++
        else lags.push(Math.max(0, at - answered))
      }
    }
    agent.destroy()

    const [{ events } = { events: 0 }] = await database.rows<{ events: number }>((await import('drizzle-orm')).sql`SELECT count(*)::int AS events FROM incident_event WHERE action = 'create'`)
    console.log(`  load: ${created.size} incidents answered 201, ${events} create events in the database, ${lags.length} of their create events received by ${DESKS} desks (expected ${created.size * DESKS}), ${sseErrors} stream errors; load average after ${loadavg()}`)
    const figures: Figure[] = []
    for (const [route, xs] of stats.latencies) {
      figures.push({ name: `${route} p50`, value: q(xs, 0.5), unit: 'ms' })
      figures.push({ name: `${route} p99`, value: q(xs, 0.99), unit: 'ms' })
      figures.push({ name: `${route} requests / errors`, value: xs.length, unit: `requests, ${stats.errors.get(route) ?? 0} errors` })
    }
    figures.push({ name: 'SSE delivery lag p50 (create → desk)', value: q(lags, 0.5), unit: 'ms' })
    figures.push({ name: 'SSE delivery lag p99 (create → desk)', value: q(lags, 0.99), unit: 'ms' })
    figures.push({ name: 'SSE create events missed by desks', value: missed, unit: 'events' })
    return figures
  } finally {
    await stop(child)
    await database.close()
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
    await admin.end()
  }
}
