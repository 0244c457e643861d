import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createBackup, type DataLocation } from '../src/backup/backup.ts'
import { restoreBackup } from '../src/backup/restore.ts'
import { packFolder } from '../src/backup/archive.ts'
import { openDatabase } from '../src/db/open.ts'
import { tableChecksums, type TableChecksum } from '../src/db/repositories/table-checksums.ts'
import { openTestDatabase, testEngines, type TestDatabase } from './engines.ts'

/** Every table's row count and checksum, and every photo's bytes, of a place where the app keeps data. */
async function snapshot(at: DataLocation): Promise<{ tables: TableChecksum[]; files: Record<string, string> }> {
  const database = await openDatabase(at.databaseUrl ? { databaseUrl: at.databaseUrl, migrate: false } : { pgliteDir: at.pgliteDir, migrate: false })
  try {
    const files: Record<string, string> = {}
    for (const f of fs.readdirSync(at.filesDir, { recursive: true }) as string[]) {
      const p = path.join(at.filesDir, f)
      if (fs.statSync(p).isFile()) files[f] = fs.readFileSync(p).toString('base64')
    }
    return { tables: await tableChecksums(database), files }
  } finally {
    await database.close()
  }
}

function writePhotos(dir: string): void {
  fs.mkdirSync(path.join(dir, 'photos/3f/a2'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'photos/3f/a2/3fa2aa-orig'), randomBytes(2048))
  fs.writeFileSync(path.join(dir, 'photos/3f/a2/3fa2aa-thumb'), randomBytes(300))
}

for (const engine of testEngines()) {
  describe(`backup and restore [${engine}]`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), `hj-backup-test-${engine}-`))
    let source: DataLocation
    let target: DataLocation
    let sourceDb: TestDatabase | undefined
    let admin: postgres.Sql | undefined
    /** The source as it was seeded (a PGlite boot is seconds on a busy machine: taken once). */
    let before: Awaited<ReturnType<typeof snapshot>>
    const targetName = `hj_test_restore_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`

    beforeAll(async () => {
      if (engine === 'server') {
        // The seeded fixture (reference data, regions with geometry) plus a row written here.
        sourceDb = await openTestDatabase('server', { fixture: true })
        admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} })
        await admin.unsafe(`CREATE DATABASE ${targetName} TEMPLATE template0`)
        const url = new URL(process.env.TEST_DATABASE_URL!)
        url.pathname = `/${targetName}`
        source = { databaseUrl: sourceDb.url!, pgliteDir: '', filesDir: path.join(work, 'src-files') }
        target = { databaseUrl: url.toString(), pgliteDir: '', filesDir: path.join(work, 'dst-files') }
      } else {
        source = { pgliteDir: path.join(work, 'src/pglite'), filesDir: path.join(work, 'src/files') }
        target = { pgliteDir: path.join(work, 'dst/pglite'), filesDir: path.join(work, 'dst/files') }
        fs.mkdirSync(path.dirname(source.pgliteDir), { recursive: true })
        // A data folder holding the seeded fixture (the global setup's dumped template).
        const pg = await PGlite.create(`file://${source.pgliteDir}`, { extensions: { postgis }, loadDataDir: new Blob([fs.readFileSync(inject('hjPgliteFixture'))]) })
        await pg.close()
      }
      writePhotos(source.filesDir)
    })

    afterAll(async () => {
      await sourceDb?.dispose()
      if (admin) {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`)
        await admin.end()
      }
      fs.rmSync(work, { recursive: true, force: true })
    })

    it('round-trips every table (row counts and checksums) and the photo folder', async () => {
      before = await snapshot(source)
      expect(before.tables.length).toBeGreaterThan(20)
      expect(before.tables.find((t) => t.table === 'public.region')?.rows).toBeGreaterThan(0)
      const archive = path.join(work, 'one.tar.gz')
      const manifest = await createBackup(source, archive)
      expect(manifest.engine).toBe(engine)
      expect(manifest.tables).toEqual(before.tables)
      expect(manifest.files).toEqual({ count: 2, bytes: 2348 })

      const report = await restoreBackup(archive, target, { replace: false })
      expect(report).toMatchObject({ tables: before.tables.length, files: 2 })
      expect(report.rows).toBe(before.tables.reduce((n, t) => n + t.rows, 0))
      const after = await snapshot(target)
      expect(after.tables).toEqual(before.tables)
      expect(after.files).toEqual(before.files)
    }, 240_000)

    it('refuses to overwrite data without --yes, and replaces it with', async () => {
      const archive = path.join(work, 'one.tar.gz')
      await expect(restoreBackup(archive, target, { replace: false })).rejects.toThrow(/not empty|already holds tables/)
      // The refusal touched nothing.
      fs.writeFileSync(path.join(target.filesDir, 'stray'), 'x')
      const report = await restoreBackup(archive, target, { replace: true })
      expect(report.files).toBe(2)
      expect(fs.existsSync(path.join(target.filesDir, 'stray'))).toBe(false)
      expect((await snapshot(target)).tables).toEqual(before.tables)
    }, 240_000)

    it('validates the archive before touching the target', async () => {
      const junk = path.join(work, 'junk.tar.gz')
      fs.writeFileSync(junk, 'not an archive')
      await expect(restoreBackup(junk, target, { replace: true })).rejects.toThrow(/not a readable backup archive/)
      await expect(restoreBackup(path.join(work, 'missing.tar.gz'), target, { replace: true })).rejects.toThrow(/no such archive/)

      const forged = path.join(work, 'forged')
      fs.mkdirSync(path.join(forged, 'files'), { recursive: true })
      fs.writeFileSync(path.join(forged, 'manifest.json'), JSON.stringify({ format: 'something-else', version: 1 }))
      await packFolder(forged, path.join(work, 'forged.tar.gz'))
      await expect(restoreBackup(path.join(work, 'forged.tar.gz'), target, { replace: true })).rejects.toThrow(/not a hanjiang-backup version 1 manifest \(format/)

      // The other engine's target: said plainly.
      const other: DataLocation = engine === 'server' ? { pgliteDir: path.join(work, 'x/pglite'), filesDir: path.join(work, 'x/files') } : { databaseUrl: 'postgres://nobody@127.0.0.1:1/none', pgliteDir: '', filesDir: path.join(work, 'x/files') }
      await expect(restoreBackup(path.join(work, 'one.tar.gz'), other, { replace: true })).rejects.toThrow(engine === 'server' ? /with DATABASE_URL set/ : /without DATABASE_URL/)
      expect((await snapshot(target)).tables).toEqual(before.tables)
    }, 240_000)
  })
}
