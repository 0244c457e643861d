import path from 'node:path'
import { REPO_ROOT } from '../config.ts'
import { migrateEmbedded, openEmbedded } from './embedded.ts'
import { FUNCTIONS_FOLDER } from './functions.ts'
import { migrateServer, openServer } from './server.ts'
import type { Database } from './types.ts'

export const MIGRATIONS_FOLDER = path.join(REPO_ROOT, 'drizzle')

export interface OpenOptions {
  /** Set → PostgreSQL + PostGIS server; unset → embedded PGlite. */
  databaseUrl?: string
  /** PGlite folder; undefined with no databaseUrl → in memory. */
  pgliteDir?: string
  /** In memory, starting from this PGlite data-dir tarball (tests' migrated template). */
  pgliteFrom?: Blob
  migrate?: boolean
}

/** One code path for both engines: open, then apply drizzle/ migrations and the db/functions sources. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.databaseUrl ? await openServer(opts.databaseUrl) : await openEmbedded(opts.pgliteDir, opts.pgliteFrom)
  if (opts.migrate !== false) {
    try {
      if (database.engine === 'server') await migrateServer(database, MIGRATIONS_FOLDER, FUNCTIONS_FOLDER)
      else await migrateEmbedded(database, MIGRATIONS_FOLDER, FUNCTIONS_FOLDER)
    } catch (e) {
      await database.close().catch(() => {})
      throw new Error(`Applying migrations to ${database.location} failed: ${(e as Error).message}`, { cause: e })
    }
  }
  return database
}
