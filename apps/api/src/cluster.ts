import cluster, { type Worker } from 'node:cluster'
import type { Config } from './config.ts'
import { openDatabase } from './db/open.ts'
import { seedWith } from './server.ts'
import type { SeedReport } from './seed/index.ts'

/** A worker that dies this soon after it started is failing to start: stop instead of restarting it in a loop. */
const START_GRACE_MS = 30_000
/** A replacement that lives this long resets the back-off. */
const HEALTHY_MS = 60_000

/** Wait before replacing a process after `failures` quick deaths in a row: 1 s, doubling, at most 30 s. */
export function restartDelayMs(failures: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1))
}

export interface ClusterStarted {
  where: string
  seed: SeedReport
  /** The port the workers share (from the first one listening). */
  port: number
}

/**
 * API_PROCESSES > 1 (a PostgreSQL server): this primary migrates and seeds once, then forks that many HTTP
 * processes on one port (node:cluster hands connections round-robin). Nothing is kept in a process that another
 * needs: sessions, limits, timers (SKIP LOCKED) and live events (LISTEN per process) are all in the database.
 * A worker that dies is replaced; one that cannot start stops the whole start with its message.
 */
export async function startCluster(config: Config, onStopped: (code: number) => void): Promise<ClusterStarted> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir })
  let seed: SeedReport
  try {
    seed = await seedWith(database, config)
  } finally {
    await database.close()
  }
  cluster.setupPrimary({ execArgv: process.execArgv })
  const started = new Map<Worker, number>()
  let stopping = false
  let quickDeaths = 0
  const fork = () => started.set(cluster.fork({ HANJIANG_PREPARED: '1' }), performance.now())
  function stop(why: string): void {
    if (stopping) return
    stopping = true
    console.log(`\n${why}: stopping ${started.size} API processes…`)
    for (const w of started.keys()) w.kill('SIGTERM')
    if (started.size === 0) onStopped(0)
  }

  const port = await new Promise<number>((resolve, reject) => {
    let listening = 0
    cluster.on('listening', (_w, address) => {
      if (++listening === config.apiProcesses) resolve(address.port)
    })
    cluster.on('exit', (worker, code, signal) => {
      const since = performance.now() - (started.get(worker) ?? 0)
      started.delete(worker)
      // Code 0: it was told to stop (Ctrl-C reaches every process of the terminal's group, maybe before this one).
      if (stopping || code === 0) {
        if (!stopping) stop('a process stopped')
        else if (started.size === 0) onStopped(0)
        return
      }
      if (since < START_GRACE_MS && listening < config.apiProcesses) {
        stopping = true
        for (const w of started.keys()) w.kill('SIGTERM')
        reject(new Error(`an API process exited while starting (${signal ?? `code ${code}`}); its message is above`))
        if (started.size === 0) onStopped(1)
        return
      }
      quickDeaths = since < HEALTHY_MS ? quickDeaths + 1 : 1
      const delay = restartDelayMs(quickDeaths)
      console.error(`API process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another in ${delay / 1000} s`)
      setTimeout(() => {
        if (!stopping) fork()
      }, delay)
    })
    for (let i = 0; i < config.apiProcesses; i++) fork()
  })

  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  return { where: database.location, seed, port }
}

/** In a worker forked by {@link startCluster}: the primary already migrated and seeded. */
export const isPreparedWorker = (): boolean => cluster.isWorker && process.env.HANJIANG_PREPARED === '1'
