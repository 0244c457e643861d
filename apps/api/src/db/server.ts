import postgres from 'postgres'
import { drizzle } from 'drizzle-orm/postgres-js'
import { PgDialect } from 'drizzle-orm/pg-core'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import { applyFunctions } from './functions.ts'
import * as schema from './schema/index.ts'
import { resultRows, type AppDb, type Database } from './types.ts'

export class ServerDatabaseError extends Error {
  override name = 'ServerDatabaseError'
}

/** host:port/db of a URL, without credentials, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`
  } catch {
    return 'an unparseable DATABASE_URL'
  }
}

/** Real PostgreSQL + PostGIS through postgres.js. */
export async function openServer(url: string, opts: { max?: number } = {}): Promise<Database & { sql: postgres.Sql }> {
  const where = describeUrl(url)
  const client = postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => {},
    connect_timeout: 10,
    // JIT compilation costs hundreds of ms on our batch statements (large cost estimates from
    // json_to_recordset) and never pays off for OLTP-sized work.
    connection: { jit: 'off' },
  })
  try {
    await client`select 1`
  } catch (e) {
    await client.end({ timeout: 1 }).catch(() => {})
    const err = e as NodeJS.ErrnoException
    const cause = err.code && !err.message.includes(err.code) ? `${err.code} ${err.message}` : err.message
    throw new ServerDatabaseError(`Cannot connect to PostgreSQL at ${where}: ${cause}`)
  }
  const db = drizzle({ client, schema }) as unknown as AppDb
  const dialect = new PgDialect()
  return {
    engine: 'server',
    db,
    sql: client,
    location: where,
    rows: async (query, tx, opts) => {
      if (opts?.prepare && !tx) {
        // drizzle's execute() never prepares, so postgres.js describes every statement first (two round
        // trips) and the server plans it every time; a prepared statement does both once per connection.
        const q = dialect.sqlToQuery(query)
        return resultRows(await client.unsafe(q.sql, q.params as postgres.ParameterOrJSON<never>[], { prepare: true }))
      }
      return resultRows(await (tx ?? db).execute(query))
    },
    close: () => client.end({ timeout: 5 }),
  }
}

/** Arbitrary, fixed: the advisory lock that lets one process at a time apply migrations. */
const MIGRATION_LOCK = 7_341_100_021

/**
 * Applies the migrations with a session advisory lock held on a connection of its own, so API processes started
 * together (replicas, a cluster) apply them one after the other: the later ones find nothing left to do.
 */
export async function migrateServer(database: Database & { sql?: postgres.Sql }, migrationsFolder: string, functionsFolder?: string): Promise<void> {
  const lockConn = database.sql ? await database.sql.reserve() : null
  try {
    if (lockConn) await lockConn`SELECT pg_advisory_lock(${MIGRATION_LOCK})`
    await migrate(database.db as never, { migrationsFolder })
    if (functionsFolder) await applyFunctions(database, functionsFolder)
  } finally {
    if (lockConn) {
      await lockConn`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {})
      lockConn.release()
    }
  }
}
