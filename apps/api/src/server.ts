import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { createApp } from './app.ts'
import { loadConfig, type Config } from './config.ts'
import { openDatabase } from './db/open.ts'
import type { Database } from './db/types.ts'
import { closeEventBus, eventBus } from './live/event-bus.ts'
import { writeDemoHistory } from './seed/demo-history.ts'
import type { DemoIncidentReport } from './seed/demo-incidents/index.ts'
import { seedDatabase, type SeedReport } from './seed/index.ts'
import { createFileStorage } from './storage/index.ts'
import { startTimerWorker, type TimerWorker } from './worker/timer-worker.ts'
import { startWebhookWorker, type WebhookWorker } from './worker/webhook-worker.ts'
import { ReadReplica, READ_REPLICA_CHECK_MS } from './db/read-replica.ts'

export class PortInUseError extends Error {
  override name = 'PortInUseError'
}

export interface RunningServer {
  url: string
  port: number
  config: Config
  database: Database
  seed: SeedReport
  /**
   * With `demoHistory: 'background'`: the demo's incident history being written while the server answers
   * (resolves to what was written, or null when there was nothing to write or the server was closed first).
   */
  demoHistory: Promise<(DemoIncidentReport & { resumedAt: number }) | null>
  close(): Promise<void>
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host })
    server.once('listening', () => resolve(server))
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') {
        reject(new PortInUseError(`Port ${port} is already in use on ${host}. Stop the other process or start with PORT=<another port>.`))
      } else reject(e)
    })
  })
}

/**
 * Starts the whole platform in this process: database (embedded or server), migrations,
 * seed on an empty database, then one HTTP server for the web app and /api.
 * `overrides` take precedence over the environment (tests pass a temp DATA_DIR and PORT 0).
 */
export async function startServer(
  overrides: Record<string, string | undefined> = {},
  opts: {
    prepared?: boolean
    /**
     * 'background' (npm start): a first demo start answers /api/health and serves the map at once and writes the
     * year of demo incidents afterwards (seed/demo-history.ts); 'inline' (default): before answering.
     */
    demoHistory?: 'inline' | 'background'
  } = {},
): Promise<RunningServer> {
  const config = loadConfig({ ...process.env, ...overrides })
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, migrate: !opts.prepared })
  let server: ServerType | undefined
  let worker: TimerWorker | undefined
  let webhooks: WebhookWorker | undefined
  let readReplica: ReadReplica | undefined
  try {
    // `prepared`: a cluster's primary migrated and seeded before forking this process (cluster.ts).
    const background = opts.demoHistory === 'background'
    const seed = opts.prepared ? NOTHING_SEEDED : await seedWith(database, config, background ? 'deferred' : 'inline')
    // LISTEN before serving: the first /api/events client finds the bus ready.
    await eventBus(database)
    if (config.databaseReadUrl) readReplica = await ReadReplica.start(database, config.databaseReadUrl, config.databaseReadMaxLagMs, READ_REPLICA_CHECK_MS)
    server = await listen(createApp({ database, config, readReplica }), config.port, config.host)
    if (config.timerWorker) worker = startTimerWorker({ database, config, intervalMs: config.timerTickMs, onApplied: crashHook(config) })
    // The webhook outbox is sent by the same processes that run timers (rows are leased: several may run).
    if (config.timerWorker) webhooks = startWebhookWorker({ database, intervalMs: config.timerTickMs, allowHosts: config.webhookAllowHosts })
    const port = (server.address() as AddressInfo).port
    let closing = false
    const demoHistory =
      background && seed.demoHistoryPending
        ? writeDemoHistory(database, {
            escalationIntervalMs: config.escalationIntervalMs,
            officeHours: config.officeHours,
            storage: createFileStorage(config),
            stopped: () => closing,
          })
        : Promise.resolve(null)
    // Failures are reported by whoever awaits it (main.ts prints them); never an unhandled rejection.
    demoHistory.catch(() => {})
    const running: RunningServer = {
      url: serverUrl(config, port),
      port,
      config,
      database,
      seed,
      demoHistory,
      close: async () => {
        // The history stops between two slices; the next start carries on.
        closing = true
        await demoHistory.catch(() => {})
        await worker?.stop()
        await webhooks?.stop()
        // Ends the event streams, which would otherwise keep server.close() waiting.
        await closeEventBus(database)
        await new Promise<void>((resolve) => server!.close(() => resolve()))
        await readReplica?.close()
        await database.close()
      },
    }
    return running
  } catch (e) {
    await worker?.stop().catch(() => {})
    await webhooks?.stop().catch(() => {})
    await closeEventBus(database).catch(() => {})
    await readReplica?.close().catch(() => {})
    await database.close().catch(() => {})
    throw e
  }
}

/** The address to print: a wildcard host is opened as localhost. */
export function serverUrl(config: Config, port: number): string {
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  return `http://${shownHost}:${port}`
}

const NOTHING_SEEDED: SeedReport = { units: 0, classes: 0, regions: 0, areas: 0, patrolRoutes: 0, accounts: 0, ms: 0 }

/** Migrations are applied by openDatabase; this seeds reference data, accounts and (DEMO) the demo. */
export function seedWith(database: Database, config: Config, history: 'inline' | 'deferred' = 'inline'): Promise<SeedReport> {
  return seedDatabase(database, {
    history,
    demo: config.demo,
    demoPassword: config.demoPassword,
    adminPassword: config.adminPassword,
    escalationIntervalMs: config.escalationIntervalMs,
    officeHours: config.officeHours,
    storage: createFileStorage(config),
  })
}

/** TIMER_WORKER_CRASH_AFTER (crash tests only): die like a kill -9 after N applied timers, before the commit. */
function crashHook(config: Config): ((timer: unknown, applied: number) => void) | undefined {
  const after = config.timerWorkerCrashAfter
  if (after === null) return undefined
  return (_timer, applied) => {
    if (applied < after) return
    fs.writeSync(1, `timer worker: crash hook: SIGKILL after ${applied} applied timers, before commit\n`)
    process.kill(process.pid, 'SIGKILL')
  }
}
