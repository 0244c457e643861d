import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, inject } from 'vitest'
import { openDatabase } from '../src/db/open.ts'
import type { Database, Engine } from '../src/db/types.ts'
import { seedFixture } from './app.ts'

/** Engines the API tests run on: always the embedded PGlite, plus PostGIS when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['embedded', 'server'] : ['embedded']
}

export interface TestDatabase {
  database: Database
  /** The isolated server database's URL (server engine only). */
  url?: string
  dispose(): Promise<void>
}

/**
 * A fresh, migrated database: in-memory PGlite, or a new PostgreSQL database dropped on dispose. With
 * `fixture`, it already holds what seedFixture writes (copied from the global setup's seeded template).
 */
export async function openTestDatabase(engine: Engine, opts: { fixture?: boolean } = {}): Promise<TestDatabase> {
  if (engine === 'embedded') {
    const from = pgliteTemplate(opts.fixture ? 'hjPgliteFixture' : 'hjPgliteTemplate')
    const database = await openDatabase({ pgliteFrom: from })
    // Without the global setup (a file run on its own by other means): seed as the template would have been.
    if (opts.fixture && !from) await seedFixture(database)
    return { database, dispose: () => database.close() }
  }
  const adminUrl = process.env.TEST_DATABASE_URL!
  const name = `hj_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  const template = provided(opts.fixture ? 'hjPgFixture' : 'hjPgTemplate')
  // Copying a template is a file copy: far cheaper than the PostGIS extension and every migration.
  await admin.unsafe(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: url.toString() })
  if (opts.fixture && !template) await seedFixture(database)
  return {
    database,
    url: url.toString(),
    dispose: async () => {
      await database.close()
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

type TemplateKey = 'hjPgliteTemplate' | 'hjPgliteFixture' | 'hjPgTemplate' | 'hjPgFixture'

/** A value from test/global-setup.ts, or undefined when a file runs without it. */
function provided(key: TemplateKey): string | undefined {
  try {
    return inject(key) || undefined
  } catch {
    return undefined
  }
}

/** A PGlite tarball from test/global-setup.ts (undefined when a file runs without it: migrate afresh). */
function pgliteTemplate(key: 'hjPgliteTemplate' | 'hjPgliteFixture'): Blob | undefined {
  const file = provided(key)
  return file && fs.existsSync(file) ? new Blob([fs.readFileSync(file)]) : undefined
}

/**
 * Runs a suite once per engine, each with its own isolated database.
 * `setup` runs once after migrations (seed what the suite needs).
 */
export function describeEachEngine(
  name: string,
  suite: (ctx: { readonly database: Database; readonly engine: Engine }) => void,
  setup?: (database: Database) => Promise<void>,
): void {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let test: TestDatabase | undefined
      beforeAll(async () => {
        // The fixture seed comes with the copied template; any other setup runs on a migrated copy.
        const fixture = setup === seedFixture
        test = await openTestDatabase(engine, { fixture })
        if (setup && !fixture) await setup(test.database)
      })
      afterAll(async () => {
        await test?.dispose()
      })
      suite({
        get database() {
          if (!test) throw new Error('database not open yet (use it inside a test or hook)')
          return test.database
        },
        engine,
      })
    })
  }
}
