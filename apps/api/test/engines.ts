import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, inject } from 'vitest'
import { openDatabase } from '../src/db/open.ts'
import type { Database, Engine } from '../src/db/types.ts'

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

/** A fresh, migrated database: in-memory PGlite, or a new PostgreSQL database dropped on dispose. */
export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'embedded') {
    const database = await openDatabase({ pgliteFrom: pgliteTemplate() })
    return { database, dispose: () => database.close() }
  }
  const adminUrl = process.env.TEST_DATABASE_URL!
  const name = `hj_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: url.toString() })
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

/** The migrated PGlite tarball from test/global-setup.ts (undefined when a file runs without it: migrate afresh). */
function pgliteTemplate(): Blob | undefined {
  let file: string | undefined
  try {
    file = inject('hjPgliteTemplate')
  } catch {
    return undefined
  }
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
        test = await openTestDatabase(engine)
        if (setup) await setup(test.database)
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
