import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { applyFunctions } from './functions.ts'
import * as schema from './schema/index.ts'
import { lockDataDir } from './lock.ts'
import { resultRows, type AppDb, type Database } from './types.ts'

export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError'
}

/**
 * The embedded default: PGlite + PostGIS (WASM) in a local folder, so a newcomer needs no server.
 * `dir` undefined → in memory (tests); `from` → starting as a copy of a `dumpDataDir()` tarball: in memory (the
 * test suite's migrated template: seconds instead of re-running every migration per file), or unpacked into an
 * empty `dir` (npm run restore).
 */
export async function openEmbedded(dir: string | undefined, from?: Blob): Promise<Database & { pg: PGlite }> {
  let unlock = () => {}
  if (dir) {
    fs.mkdirSync(dir, { recursive: true })
    unlock = lockDataDir(dir)
  }
  let pg: PGlite
  try {
    pg = await PGlite.create(dir ? `file://${dir}` : 'memory://', { extensions: { postgis }, ...(from ? { loadDataDir: from } : {}) })
    await pg.query('select 1')
  } catch (e) {
    unlock()
    const cause = e instanceof Error ? e.message : String(e)
    throw new EmbeddedDatabaseError(
      `Cannot open the embedded database in ${dir ?? 'memory'}: ${cause}. ` +
        `If the folder is damaged, move it away (the app creates a fresh one) or set DATA_DIR.`,
    )
  }
  const db = drizzle({ client: pg, schema }) as unknown as AppDb
  return {
    engine: 'embedded',
    db,
    pg,
    location: dir ?? 'memory',
    rows: async (query, tx) => resultRows(await (tx ?? db).execute(query)),
    close: async () => {
      try {
        await pg.close()
      } finally {
        unlock()
      }
    },
  }
}

export async function migrateEmbedded(database: Database, migrationsFolder: string, functionsFolder?: string): Promise<void> {
  await migrate(database.db as never, { migrationsFolder })
  if (functionsFolder) await applyFunctions(database, functionsFolder)
}
