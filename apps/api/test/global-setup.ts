import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../src/db/open.ts'
import type { PGlite } from '@electric-sql/pglite'

/** The key under which the migrated PGlite template's tarball path is provided to the test files. */
export const PGLITE_TEMPLATE_KEY = 'hjPgliteTemplate'

declare module 'vitest' {
  export interface ProvidedContext {
    hjPgliteTemplate: string
  }
}

/**
 * Before the API tests: migrate ONE in-memory PGlite and dump its data folder; every embedded test database starts
 * as a copy of it (test/engines.ts) — ~2 s instead of ~10 s of PostGIS extension + migrations per file. Each file
 * still runs the migrator, which finds nothing to apply, so a missing migration still fails loudly.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const database = (await openDatabase({})) as Awaited<ReturnType<typeof openDatabase>> & { pg: PGlite }
  const dump = await database.pg.dumpDataDir('none')
  await database.close()
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hj-api-test-template-')), 'pglite.tar')
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide(PGLITE_TEMPLATE_KEY, file)
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true })
}
