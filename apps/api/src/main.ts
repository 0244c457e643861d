import cluster from 'node:cluster'
import { isPreparedWorker, startCluster } from './cluster.ts'
import { loadConfig, type Config } from './config.ts'
import type { SeedReport } from './seed/index.ts'
import { serverUrl, startServer, type RunningServer } from './server.ts'

/** `npm start` ends here: start, print the URL, stop cleanly on Ctrl-C; any start-up failure is one line. */
const t0 = performance.now()

function banner(where: string, seed: SeedReport, config: Config, url: string, extra?: string): void {
  console.log(`涵江 "马上就办" platform — database: ${where}`)
  if (seed.units || seed.regions) console.log(`  seeded ${seed.units} units, ${seed.classes} classes, ${seed.regions} regions in ${seed.ms} ms`)
  if (seed.incidents) console.log(`  seeded ${seed.incidents.incidents} demo incidents, ${seed.incidents.events} events`)
  if (seed.generatedAdminPassword) {
    // Shown once, never stored in clear: the first sign-in must replace it.
    console.log(`  created user "admin" with the one-time password ${seed.generatedAdminPassword} (change it at first sign-in)`)
  } else if (seed.accounts && !config.demo) console.log('  created user "admin" (password from ADMIN_PASSWORD; change it at first sign-in)')
  if (extra) console.log(`  ${extra}`)
  console.log(`  ready in ${Math.round(performance.now() - t0)} ms`)
  console.log(`  open ${url}`)
}

function stopOnSignals(running: RunningServer, quiet: boolean): void {
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    if (!quiet) console.log(`\n${signal}: stopping…`)
    await running.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

try {
  const config = loadConfig()
  if (isPreparedWorker()) {
    // One of API_PROCESSES: the primary prints; this one serves until told to stop.
    stopOnSignals(await startServer({}, { prepared: true }), true)
  } else if (config.apiProcesses > 1 && cluster.isPrimary) {
    const c = await startCluster(config, (code) => process.exit(code))
    banner(`PostgreSQL at ${c.where}`, c.seed, config, serverUrl(config, c.port), `${config.apiProcesses} API processes on one port`)
  } else {
    const running = await startServer({}, { demoHistory: 'background' })
    const { database, seed, url } = running
    const where = database.engine === 'embedded' ? `embedded PGlite in ${database.location}` : `PostgreSQL at ${database.location}`
    banner(where, seed, config, url, seed.demoHistoryPending ? 'writing the demo incident history in the background…' : undefined)
    stopOnSignals(running, false)
    running.demoHistory.then(
      (h) => {
        if (h) {
          const from = h.resumedAt ? ` (carried on from ${h.resumedAt})` : ''
          console.log(`  demo history ready: seeded ${h.incidents} demo incidents, ${h.events} events${from} in ${Math.round(performance.now() - t0)} ms since start`)
        }
      },
      (e: unknown) => console.error(`  demo history failed: ${(e as Error).message} (the next start tries again)`),
    )
  }
} catch (e) {
  console.error(`Start-up failed: ${(e as Error).message}`)
  process.exit(1)
}
