import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { openEmbedded } from '../db/embedded.ts'
import { openDatabase } from '../db/open.ts'
import { lockDataDir } from '../db/lock.ts'
import { describeUrl } from '../db/server.ts'
import { hasApplicationTables, tableChecksums, type TableChecksum } from '../db/repositories/table-checksums.ts'
import { filesUnder, listArchive, unpackArchive } from './archive.ts'
import type { DataLocation } from './backup.ts'
import { manifestSchema, type BackupManifest } from './manifest.ts'
import { BackupError, libpqTarget, pgProgram, run } from './tools.ts'

export interface RestoreReport {
  manifest: BackupManifest
  /** Where the database was restored to (no password). */
  database: string
  tables: number
  rows: number
  files: number
}

/**
 * Restores an archive made by createBackup (README, "Backup and restore"). In order, before anything is touched:
 * the archive unpacks, its manifest is valid, its database file is readable (pg_restore --list / a gzipped tar), the
 * photo count and bytes match the manifest, the engine matches the target, and the target is empty unless `replace`.
 * Afterwards every table's row count and checksum is compared with the manifest.
 */
export async function restoreBackup(archive: string, to: DataLocation, opts: { replace: boolean }): Promise<RestoreReport> {
  const file = path.resolve(archive)
  const entries = await listArchive(file)
  if (!entries.includes('manifest.json')) throw new BackupError(`${file} has no manifest.json: not a backup made by npm run backup`)
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-restore-'))
  try {
    await unpackArchive(file, staging)
    const manifest = readManifest(path.join(staging, 'manifest.json'))
    const dbFile = path.join(staging, manifest.databaseFile)
    if (!fs.existsSync(dbFile)) throw new BackupError(`the archive lacks ${manifest.databaseFile}, which its manifest names`)
    const filesDir = path.join(staging, 'files')
    const files = filesUnder(filesDir)
    const bytes = files.reduce((n, f) => n + fs.statSync(path.join(filesDir, f)).size, 0)
    if (files.length !== manifest.files.count || bytes !== manifest.files.bytes) {
      throw new BackupError(
        `the archive's photo folder holds ${files.length} files (${bytes} bytes), its manifest says ${manifest.files.count} (${manifest.files.bytes} bytes): the archive is damaged`,
      )
    }
    const engine = to.databaseUrl ? 'server' : 'embedded'
    if (manifest.engine !== engine) {
      throw new BackupError(
        manifest.engine === 'server'
          ? 'this archive holds a PostgreSQL server database: restore it with DATABASE_URL set'
          : 'this archive holds an embedded (PGlite) database: restore it without DATABASE_URL, into DATA_DIR',
      )
    }
    if (filesUnder(to.filesDir).length && !opts.replace) {
      throw new BackupError(`the photo folder ${to.filesDir} is not empty: pass --yes to replace it`)
    }
    const restored = engine === 'server' ? await restoreServer(dbFile, to.databaseUrl!, opts.replace) : await restoreEmbedded(dbFile, to.pgliteDir, opts.replace)
    replaceFolder(filesDir, to.filesDir)
    verify(manifest, restored.tables)
    return {
      manifest,
      database: restored.where,
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
      files: files.length,
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

function readManifest(file: string): BackupManifest {
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (e) {
    throw new BackupError(`manifest.json is not valid JSON: ${(e as Error).message}`)
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`).join('; ')
    throw new BackupError(`manifest.json is not a hanjiang-backup version 1 manifest (${why})`)
  }
  return parsed.data
}

/**
 * pg_restore into an existing database, in one transaction (a failure leaves it as the wipe left it). `--yes`
 * first drops every schema of the target; the dump's own "SCHEMA public" entry is skipped because the wipe
 * recreates public.
 */
async function restoreServer(dump: string, url: string, replace: boolean): Promise<Restored> {
  const pgRestore = pgProgram('pg_restore')
  const toc = await run(pgRestore, ['--list', dump]).catch((e: Error) => {
    throw new BackupError(`database.dump is not a readable pg_dump archive: ${e.message}`)
  })
  const where = describeUrl(url)
  const check = await openDatabase({ databaseUrl: url, migrate: false })
  try {
    if ((await hasApplicationTables(check)) && !replace) {
      throw new BackupError(`the database ${where} already holds tables: pass --yes to replace its contents`)
    }
  } finally {
    await check.close()
  }
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  try {
    const schemas = await admin<{ name: string }[]>`
      SELECT nspname AS name FROM pg_namespace
      WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'`
    await admin.begin(async (tx) => {
      for (const s of schemas) await tx.unsafe(`DROP SCHEMA "${s.name.replaceAll('"', '""')}" CASCADE`)
      await tx.unsafe('CREATE SCHEMA public')
    })
  } finally {
    await admin.end({ timeout: 5 })
  }
  const list = `${dump}.list`
  fs.writeFileSync(list, toc.split('\n').filter((l) => !/ SCHEMA - public /.test(l)).join('\n'))
  const conn = libpqTarget(url)
  await run(pgRestore, ['--no-owner', '--exit-on-error', '--single-transaction', `--use-list=${list}`, `--dbname=${conn.url}`, dump], { env: conn.env })
  const restored = await openDatabase({ databaseUrl: url, migrate: false })
  try {
    return { where, tables: await tableChecksums(restored) }
  } finally {
    await restored.close()
  }
}

interface Restored {
  where: string
  /** Every table as it is after the restore. */
  tables: TableChecksum[]
}

/**
 * Loads the data-folder dump into a new folder beside the target (measuring it while open: a PGlite start costs
 * seconds), then swaps the two. The target's lock keeps a running app out.
 */
async function restoreEmbedded(dump: string, dir: string, replace: boolean): Promise<Restored> {
  const target = path.resolve(dir)
  const unlock = lockDataDir(target)
  try {
    const occupied = fs.existsSync(target) && fs.readdirSync(target).length > 0
    if (occupied && !replace) throw new BackupError(`the embedded database folder ${target} is not empty: pass --yes to replace it`)
    const fresh = `${target}.restoring-${process.pid}`
    fs.rmSync(fresh, { recursive: true, force: true })
    fs.mkdirSync(path.dirname(fresh), { recursive: true })
    let tables: TableChecksum[]
    try {
      const database = await openEmbedded(fresh, new Blob([fs.readFileSync(dump)]))
      try {
        tables = await tableChecksums(database)
      } finally {
        await database.close()
      }
    } catch (e) {
      fs.rmSync(fresh, { recursive: true, force: true })
      throw new BackupError(`pglite.tar.gz could not be loaded: ${(e as Error).message}`)
    }
    fs.rmSync(target, { recursive: true, force: true })
    fs.renameSync(fresh, target)
    return { where: target, tables }
  } finally {
    unlock()
  }
}

function replaceFolder(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true })
  fs.mkdirSync(path.dirname(to), { recursive: true })
  if (!fs.existsSync(from)) {
    fs.mkdirSync(to)
    return
  }
  try {
    fs.renameSync(from, to)
  } catch {
    // Another file system (the staging folder is under the system temp folder): copy instead.
    fs.cpSync(from, to, { recursive: true })
  }
}

/** Every table's row count and checksum as the manifest recorded them. */
function verify(manifest: BackupManifest, tables: TableChecksum[]): void {
  const now = new Map(tables.map((t) => [t.table, t]))
  const wrong = manifest.tables.filter((t) => now.get(t.table)?.rows !== t.rows || now.get(t.table)?.md5 !== t.md5).map((t) => t.table)
  const extra = [...now.keys()].filter((t) => !manifest.tables.some((m) => m.table === t))
  if (wrong.length || extra.length) {
    throw new BackupError(`restored, but the check against the manifest failed: ${[...wrong.map((t) => `${t} differs`), ...extra.map((t) => `${t} unexpected`)].join(', ')}`)
  }
}
