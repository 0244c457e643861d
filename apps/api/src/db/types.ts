import type { SQL } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type * as schema from './schema/index.ts'

export type Engine = 'embedded' | 'server'

/** The drizzle database both drivers give us: PGlite and postgres.js share this surface. */
export type AppDb = PgDatabase<PgQueryResultHKT, typeof schema>

/** What the rest of the API sees of the database, whichever engine runs it. */
export interface Database {
  engine: Engine
  db: AppDb
  /** Runs one statement and returns its rows (the drivers shape results differently). */
  rows<T extends Record<string, unknown>>(query: SQL, tx?: AppDb, opts?: RowsOptions): Promise<T[]>
  /** Describes where the data lives, for logs and errors (never includes a password). */
  location: string
  close(): Promise<void>
}

export interface RowsOptions {
  /**
   * Run as a named prepared statement, parsed and planned once per connection (server engine, outside a
   * transaction; elsewhere a no-op). Only for hot statements whose SQL text is constant — every distinct
   * text stays cached on each connection.
   */
  prepare?: boolean
}

/** Normalises drizzle's execute() result: postgres.js returns an array, PGlite `{ rows }`. */
export function resultRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[]
  return ((result as { rows?: T[] }).rows ?? []) as T[]
}
