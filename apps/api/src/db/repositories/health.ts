import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { Database } from '../types.ts'

export interface MigrationState {
  applied: number
  total: number
  pending: string[]
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[]
}

/** Compares drizzle's journal with what the migrator recorded in drizzle.__drizzle_migrations. */
export async function migrationState(database: Database, migrationsFolder: string): Promise<MigrationState> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal
  let last = -1
  let applied = 0
  try {
    const [row] = await database.rows<{ n: number; last: string | null }>(
      sql`SELECT count(*)::int AS n, max(created_at)::text AS last FROM drizzle.__drizzle_migrations`,
    )
    applied = Number(row?.n ?? 0)
    last = row?.last == null ? -1 : Number(row.last)
  } catch {
    // No migrations table yet: nothing applied.
  }
  return {
    applied,
    total: journal.entries.length,
    pending: journal.entries.filter((e) => e.when > last).map((e) => e.tag),
  }
}

export async function serverVersions(database: Database): Promise<{ postgres: string; postgis: string }> {
  const [row] = await database.rows<{ pg: string; gis: string }>(
    sql`SELECT current_setting('server_version') AS pg, postgis_lib_version() AS gis`,
  )
  return { postgres: row!.pg, postgis: row!.gis }
}
