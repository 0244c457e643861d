import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { LagTracker, ReadReplica } from '../src/db/read-replica.ts'
import { READ_PRIMARY_COOKIE } from '../src/http/reads.ts'
import { asUser, sessionFor } from './auth.ts'
import { openTestDatabase, type TestDatabase } from './engines.ts'
import { complaint, type Json } from './incidents-helpers.ts'
import { startStandby, type Standby } from './standby.ts'

const DISTRICT = '118.9,25.35,119.3,25.55'

describe('lag from WAL positions', () => {
  it('is the age of the oldest primary position the standby has not replayed', () => {
    const t = new LagTracker()
    expect(t.observe('0/100', '0/100', 1000)).toBe(0)
    expect(t.observe('0/200', '0/100', 2000)).toBe(0) // behind by bytes, seen just now
    expect(t.observe('0/300', '0/100', 5000)).toBe(3000) // 0/200 (seen at 2000) still not replayed
    expect(t.observe('0/300', '0/250', 6000)).toBe(1000) // 0/300 seen at 5000
    expect(t.observe('1/0', '1/0', 7000)).toBe(0)
  })
})

/**
 * DATABASE_READ_URL against a real streaming standby (pg_basebackup -R, a second cluster on another port): which
 * reads it serves, read-your-write, and the fall-back to the primary when it lags or is down (with /api/health).
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('read replica [server]', () => {
  let primary: TestDatabase
  let standby: Standby
  let replicaSql: postgres.Sql
  const replicas: ReadReplica[] = []
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' })

  beforeAll(async () => {
    // The test database exists before the base backup, so the standby has it.
    primary = await openTestDatabase('server', { fixture: true })
    standby = await startStandby(process.env.TEST_DATABASE_URL!)
    console.log(`[read replica] pg_basebackup of the test cluster: ${standby.basebackupSeconds.toFixed(1)} s`)
    replicaSql = postgres(standby.urlOf(primary.url!), { max: 1, onnotice: () => {} })
  }, 180_000)

  afterAll(async () => {
    for (const r of replicas) await r.close()
    await replicaSql?.end({ timeout: 1 }).catch(() => {})
    await standby?.stop()
    await primary?.dispose()
  })

  /** A replica router that checks only when told to (the test controls time). */
  async function router(maxLagMs: number): Promise<ReadReplica> {
    const r = await ReadReplica.start(primary.database, standby.urlOf(primary.url!), maxLagMs, 3_600_000)
    replicas.push(r)
    return r
  }
  const appWith = (readReplica: ReadReplica, who: 'dispatcher' | 'viewer') =>
    asUser(createApp({ database: primary.database, config, readReplica }), primary.database, who)
  const json = async (res: Response): Promise<Json> => ({ status: res.status, body: await res.json(), cookies: res.headers.getSetCookie() })
  const mapTotal = async (app: ReturnType<typeof appWith>, headers: Record<string, string> = {}) =>
    (await json(await app.request(`/api/incidents/map?bbox=${DISTRICT}&zoom=16`, { headers }))).body.total as number

  let code = ''
  let readPrimaryCookie = ''

  it('serves map reads from the standby, and a write back to its writer from the primary', async () => {
    const replica = await router(60_000)
    expect(replica.status()).toMatchObject({ state: 'ok', reads: 'replica', lagSeconds: 0 })
    const viewer = appWith(replica, 'viewer')
    const dispatcher = appWith(replica, 'dispatcher')
    expect(await mapTotal(viewer)).toBe(0)

    // Hold the standby where it is: what is written now stays on the primary only.
    await replicaSql`SELECT pg_wal_replay_pause()`
    const created = await json(await dispatcher.request('/api/incidents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(complaint({ location: { lng: 119.02, lat: 25.48 } })) }))
    expect(created.status).toBe(201)
    code = created.body.code
    readPrimaryCookie = created.cookies.find((c: string) => c.startsWith(`${READ_PRIMARY_COOKIE}=`))!.split(';')[0]
    expect(readPrimaryCookie).toBeTruthy()

    // The incident itself is read from the primary: its writer sees it at once.
    expect((await json(await dispatcher.request(`/api/incidents/${code}`))).status).toBe(200)
    // The map, for anyone else, is the standby's: not replayed yet.
    expect(await mapTotal(viewer)).toBe(0)
    const wall = await json(await viewer.request('/api/wall/stats'))
    expect(wall.status).toBe(200)
    // …except for the client that just wrote: its map reads the primary for a moment.
    const raw = createApp({ database: primary.database, config, readReplica: replica })
    const session = await sessionFor(raw, primary.database, 'dispatcher')
    const res = await raw.request(`/api/incidents/map?bbox=${DISTRICT}&zoom=16`, { headers: { cookie: `${session.headers.cookie}; ${readPrimaryCookie}` } })
    expect(((await res.json()) as Json).total).toBe(1)
  })

  it('falls back to the primary while the standby lags beyond the limit, and says so in /api/health', async () => {
    const replica = await router(300)
    expect(replica.status().state).toBe('ok')
    await new Promise((r) => setTimeout(r, 600))
    const s = await replica.check()
    expect(s).toMatchObject({ state: 'lagging', reads: 'primary', maxLagSeconds: 0.3 })
    expect(s.lagSeconds!).toBeGreaterThan(0.3)
    expect(s.lagBytes!).toBeGreaterThan(0)
    const viewer = appWith(replica, 'viewer')
    expect(await mapTotal(viewer)).toBe(1)
    const health = await json(await viewer.request('/api/health'))
    expect(health.status).toBe(200)
    expect(health.body.readReplica).toMatchObject({ state: 'lagging', reads: 'primary' })
    expect(health.body.readReplica.reason).toMatch(/behind/)

    // Replay resumes: the standby catches up and serves again, now with the incident.
    await replicaSql`SELECT pg_wal_replay_resume()`
    let state = ''
    for (let i = 0; i < 50 && state !== 'ok'; i++) {
      await new Promise((r) => setTimeout(r, 200))
      state = (await replica.check()).state
    }
    expect(state).toBe('ok')
    expect(replica.status().reads).toBe('replica')
    expect(await mapTotal(viewer)).toBe(1)
  })

  it('falls back to the primary when the standby is down, and says so in /api/health', async () => {
    const replica = await router(60_000)
    expect(replica.status().state).toBe('ok')
    await standby.stop()
    const s = await replica.check()
    expect(s).toMatchObject({ state: 'down', reads: 'primary', lagSeconds: null })
    const viewer = appWith(replica, 'viewer')
    expect(await mapTotal(viewer)).toBe(1)
    expect((await json(await viewer.request('/api/analytics/summary'))).status).toBe(200)
    const health = await json(await viewer.request('/api/health'))
    expect(health.status).toBe(200)
    expect(health.body).toMatchObject({ status: 'ok', readReplica: { state: 'down', reads: 'primary' } })
    expect(health.body.readReplica.reason).toMatch(/cannot be reached/)
  })
})
