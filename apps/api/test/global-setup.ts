import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../src/db/open.ts'
import type { PGlite } from '@electric-sql/pglite'
import { seedFixture } from './app.ts'

/** The keys under which the templates are provided to the test files (test/engines.ts). */
export const PGLITE_TEMPLATE_KEY = 'hjPgliteTemplate'
export const PGLITE_FIXTURE_KEY = 'hjPgliteFixture'
export const PG_TEMPLATE_KEY = 'hjPgTemplate'
export const PG_FIXTURE_KEY = 'hjPgFixture'

declare module 'vitest' {
  export interface ProvidedContext {
    hjPgliteTemplate: string
    hjPgliteFixture: string
    hjPgTemplate: string
    hjPgFixture: string
  }
}

/**
 * Before the API tests, once per engine: a migrated template database, and a second one also seeded with the
 * reference data and the rectangle fixture tree (seedFixture, which most files start from). Every test database
 * starts as a copy — PGlite from a dumped data folder, PostgreSQL by CREATE DATABASE … TEMPLATE — instead of
 * running the PostGIS extension, the migrations and the seed per file. Each file still runs the migrator, which
 * finds nothing to apply, so a missing migration still fails loudly.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = performance.now()
  const database = (await openDatabase({})) as Awaited<ReturnType<typeof openDatabase>> & { pg: PGlite }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-api-test-template-'))
  const migrated = path.join(dir, 'pglite.tar')
  fs.writeFileSync(migrated, Buffer.from(await (await database.pg.dumpDataDir('none')).arrayBuffer()))
  await seedFixture(database)
  const fixture = path.join(dir, 'pglite-fixture.tar')
  fs.writeFileSync(fixture, Buffer.from(await (await database.pg.dumpDataDir('none')).arrayBuffer()))
  await database.close()
  project.provide(PGLITE_TEMPLATE_KEY, migrated)
  project.provide(PGLITE_FIXTURE_KEY, fixture)
  const took = [`PGlite ${Math.round(performance.now() - t0)} ms`]

  const adminUrl = process.env.TEST_DATABASE_URL
  const templates: string[] = []
  const admin = adminUrl ? postgres(adminUrl, { max: 1, onnotice: () => {} }) : undefined
  if (admin) {
    const t1 = performance.now()
    const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
    for (const [key, name, seed] of [
      [PG_TEMPLATE_KEY, `hj_tpl_${suffix}`, false],
      [PG_FIXTURE_KEY, `hj_tpl_fixture_${suffix}`, true],
    ] as const) {
      await admin.unsafe(`CREATE DATABASE ${name}`)
      templates.push(name)
      const url = new URL(adminUrl!)
      url.pathname = `/${name}`
      const db = await openDatabase({ databaseUrl: url.toString() })
      if (seed) await seedFixture(db)
      await db.close()
      project.provide(key, name)
    }
    took.push(`PostgreSQL ${Math.round(performance.now() - t1)} ms`)
  }
  console.log(`[api tests] template databases ready (${took.join(', ')})`)
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true })
    if (admin) {
      for (const name of templates) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  }
}
