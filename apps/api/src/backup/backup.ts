import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { PGlite } from '@electric-sql/pglite'
import { openDatabase } from '../db/open.ts'
import { migrationState } from '../services/health/status.ts'
import { tableChecksums } from '../db/repositories/table-checksums.ts'
import type { Database } from '../db/types.ts'
import { filesUnder, packFolder } from './archive.ts'
import { BACKUP_FORMAT, type BackupManifest } from './manifest.ts'
import { BackupError, libpqTarget, pgProgram, run } from './tools.ts'

/** Where the data lives: a PostgreSQL URL, or the embedded PGlite folder; the photo folder either way. */
export interface DataLocation {
  databaseUrl?: string
  pgliteDir: string
  filesDir: string
}

/**
 * Writes one archive with the database and the photo folder (README, "Backup and restore").
 * Server: pg_dump -Fc inside the snapshot the row counts and checksums were taken in, so the manifest describes
 * exactly what was dumped while the app keeps running. Embedded: PGlite's data folder (the app must be stopped —
 * the folder's lock says so). Photos are packed after the database: a photo uploaded meanwhile is in the archive
 * but unreferenced, never the reverse.
 */
export async function createBackup(from: DataLocation, out: string): Promise<BackupManifest> {
  const target = path.resolve(out)
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists: choose another output path`)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-backup-'))
  try {
    const database = await openDatabase(from.databaseUrl ? { databaseUrl: from.databaseUrl, migrate: false } : { pgliteDir: from.pgliteDir, migrate: false })
    let manifest: BackupManifest
    try {
      const migrations = (await migrationState(database)).applied
      const [{ version } = { version: '' }] = await database.rows<{ version: string }>(sql`SELECT current_setting('server_version') AS version`)
      const base = { format: BACKUP_FORMAT, version: 1 as const, createdAt: new Date().toISOString(), postgres: version, migrations }
      if (database.engine === 'server') {
        const tables = await dumpServer(database, from.databaseUrl!, path.join(staging, 'database.dump'))
        manifest = { ...base, engine: 'server', databaseFile: 'database.dump', tables, files: { count: 0, bytes: 0 } }
      } else {
        const tables = await tableChecksums(database)
        const dump = await (database as Database & { pg: PGlite }).pg.dumpDataDir('gzip')
        fs.writeFileSync(path.join(staging, 'pglite.tar.gz'), Buffer.from(await dump.arrayBuffer()))
        manifest = { ...base, engine: 'embedded', databaseFile: 'pglite.tar.gz', tables, files: { count: 0, bytes: 0 } }
      }
    } finally {
      await database.close()
    }
    const files = filesUnder(from.filesDir)
    manifest.files = { count: files.length, bytes: files.reduce((n, f) => n + fs.statSync(path.join(from.filesDir, f)).size, 0) }
    if (files.length) fs.cpSync(from.filesDir, path.join(staging, 'files'), { recursive: true })
    else fs.mkdirSync(path.join(staging, 'files'))
    fs.writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2))
    await packFolder(staging, target)
    return manifest
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

/** pg_dump in the snapshot of a read-only repeatable-read transaction that also counts and digests every table. */
async function dumpServer(database: Database, url: string, file: string): Promise<BackupManifest['tables']> {
  const pgDump = pgProgram('pg_dump')
  const conn = libpqTarget(url)
  return database.db.transaction(
    async (tx) => {
      const [{ snapshot } = { snapshot: '' }] = await database.rows<{ snapshot: string }>(sql`SELECT pg_export_snapshot() AS snapshot`, tx as never)
      const dumped = run(pgDump, ['--format=custom', '--no-owner', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${conn.url}`], { env: conn.env })
      const tables = await tableChecksums(database, tx as never)
      await dumped
      return tables
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
}
