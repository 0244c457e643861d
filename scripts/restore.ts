/**
 * npm run restore -- FILE [--yes] — puts back what npm run backup wrote (README, "Backup and restore"): the
 * database (DATABASE_URL set → into that existing PostgreSQL database; unset → DATA_DIR's embedded one) and the
 * photo folder. A target holding data is replaced only with --yes. Stop the app first.
 */
import { parseArgs } from 'node:util'
import { loadConfig } from '../apps/api/src/config.ts'
import { restoreBackup } from '../apps/api/src/backup/restore.ts'

const usage = 'usage: npm run restore -- FILE.tar.gz [--yes]   (--yes: replace a database or photo folder that is not empty)'
let parsed
try {
  parsed = parseArgs({ options: { yes: { type: 'boolean', short: 'y' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true })
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`)
  process.exit(2)
}
if (parsed.values.help) {
  console.log(usage)
  process.exit(0)
}
if (parsed.positionals.length !== 1) {
  console.error(`name one archive to restore\n${usage}`)
  process.exit(2)
}
try {
  const config = loadConfig()
  const started = Date.now()
  const r = await restoreBackup(parsed.positionals[0]!, { databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, filesDir: config.filesDir }, { replace: parsed.values.yes === true })
  console.log(
    `restored the backup of ${r.manifest.createdAt} (${r.manifest.engine}, PostgreSQL ${r.manifest.postgres}, ${r.manifest.migrations} migrations)\n` +
      `  database ${r.database}: ${r.tables} tables, ${r.rows} rows — row counts and checksums match the backup\n` +
      `  photos ${config.filesDir}: ${r.files} files\n  took ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
} catch (e) {
  console.error(`restore failed: ${(e as Error).message}`)
  process.exit(1)
}
