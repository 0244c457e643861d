import { randomBytes } from 'node:crypto'
import postgres from 'postgres'

/**
 * The browser tests' second engine: PostgreSQL + PostGIS at TEST_DATABASE_URL (as for the API tests). The global
 * setup seeds one template database; each test file's server runs on its own copy (CREATE DATABASE … TEMPLATE),
 * dropped when the file ends.
 */
export type E2eEngine = 'embedded' | 'postgis'

/** Always the embedded PGlite; PostGIS too when TEST_DATABASE_URL is set. */
export function e2eEngines(): E2eEngine[] {
  return process.env.TEST_DATABASE_URL ? ['embedded', 'postgis'] : ['embedded']
}

export const newDatabaseName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`

/** The URL of database `name` on the TEST_DATABASE_URL server. */
export function databaseUrl(name: string): string {
  const url = new URL(requireUrl())
  url.pathname = `/${name}`
  return url.toString()
}

/** Creates `name` (empty, or a copy of `template`). Names are generated here, never user input. */
export async function createDatabase(name: string, template?: string): Promise<void> {
  await admin((sql) => sql.unsafe(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`))
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
}

function requireUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set: the PostGIS browser tests need a PostgreSQL server')
  return url
}

async function admin(fn: (sql: postgres.Sql) => Promise<unknown>): Promise<void> {
  const sql = postgres(requireUrl(), { max: 1, onnotice: () => {} })
  try {
    await fn(sql)
  } finally {
    await sql.end()
  }
}
