/**
 * npm run backup [-- --out FILE] — one archive with the database and the photo folder (README, "Backup and
 * restore"). DATABASE_URL set → that PostgreSQL database (pg_dump, the app may keep running); unset → the
 * embedded database in DATA_DIR (stop the app first).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../apps/api/src/config.ts'
import { createBackup } from '../apps/api/src/backup/backup.ts'

const usage = 'usage: npm run backup -- [--out FILE.tar.gz]   (default: backups/hanjiang-<engine>-<UTC time>.tar.gz)'
let args
try {
  args = parseArgs({ options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false }).values
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`)
  process.exit(2)
}
if (args.help) {
  console.log(usage)
  process.exit(0)
}
try {
  const config = loadConfig()
  const engine = config.databaseUrl ? 'server' : 'embedded'
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z')
  const out = path.resolve(args.out ?? path.join('backups', `hanjiang-${engine}-${stamp}.tar.gz`))
  const started = Date.now()
  const m = await createBackup({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, filesDir: config.filesDir }, out)
  const rows = m.tables.reduce((n, t) => n + t.rows, 0)
  console.log(
    `backup written: ${out}\n  ${engine} database (PostgreSQL ${m.postgres}, ${m.migrations} migrations): ${m.tables.length} tables, ${rows} rows\n` +
      `  photos: ${m.files.count} files, ${m.files.bytes} bytes\n  took ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
} catch (e) {
  console.error(`backup failed: ${(e as Error).message}`)
  process.exit(1)
}
