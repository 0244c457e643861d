import { startServer } from './server.ts'

/** `npm start` ends here: start, print the URL, stop cleanly on Ctrl-C; any start-up failure is one line. */
const t0 = performance.now()
try {
  const running = await startServer()
  const { database, seed, url, config } = running
  const where = database.engine === 'embedded' ? `embedded PGlite in ${database.location}` : `PostgreSQL at ${database.location}`
  console.log(`涵江 "马上就办" platform — database: ${where}`)
  if (seed.units || seed.regions) console.log(`  seeded ${seed.units} units, ${seed.classes} classes, ${seed.regions} regions in ${seed.ms} ms`)
  if (seed.generatedAdminPassword) {
    // Shown once, never stored in clear: the first sign-in must replace it.
    console.log(`  created user "admin" with the one-time password ${seed.generatedAdminPassword} (change it at first sign-in)`)
  } else if (seed.accounts && !config.demo) console.log('  created user "admin" (password from ADMIN_PASSWORD; change it at first sign-in)')
  console.log(`  ready in ${Math.round(performance.now() - t0)} ms`)
  console.log(`  open ${url}`)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping…`)
    await running.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
} catch (e) {
  console.error(`Start-up failed: ${(e as Error).message}`)
  process.exit(1)
}
