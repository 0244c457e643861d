import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { REPO_ROOT } from '../config.ts'
import type { Database } from './types.ts'

/**
 * Trigger and SQL functions are kept once, as source, in `db/functions/<name>.sql` (one `CREATE OR REPLACE FUNCTION`
 * per file) and applied after the migrations whenever a file's text changes — a repeatable step, so a change to a
 * function is an edit of its file, never a copy of the whole body into a new migration (docs/ARCHITECTURE.md,
 * "Database functions"). A migration still creates a new function the first time, because its triggers need it.
 */
export const FUNCTIONS_FOLDER = path.join(REPO_ROOT, 'apps', 'api', 'src', 'db', 'functions')

export interface FunctionSource {
  name: string
  sql: string
  checksum: string
}

/** The function sources in file-name order (the name is the function's). */
export function readFunctionSources(folder = FUNCTIONS_FOLDER): FunctionSource[] {
  if (!fs.existsSync(folder)) return []
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(folder, f), 'utf8')
      return { name: f.slice(0, -4), sql: text, checksum: crypto.createHash('sha256').update(text).digest('hex') }
    })
}

/**
 * Applies the function sources whose checksum differs from the one recorded, in one transaction; returns the names
 * applied. The record lives beside drizzle's own migration table.
 */
export async function applyFunctions(database: Database, folder = FUNCTIONS_FOLDER): Promise<string[]> {
  const sources = readFunctionSources(folder)
  if (sources.length === 0) return []
  await database.db.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle`)
  await database.db.execute(
    sql`CREATE TABLE IF NOT EXISTS drizzle.repeatable_functions (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  )
  const recorded = new Map(
    (
      await database.rows<{ name: string; checksum: string }>(
        sql`SELECT name, checksum FROM drizzle.repeatable_functions`,
      )
    ).map((r) => [r.name, r.checksum]),
  )
  const changed = sources.filter((s) => recorded.get(s.name) !== s.checksum)
  if (changed.length === 0) return []
  await database.db.transaction(async (tx) => {
    for (const s of changed) {
      await tx.execute(sql.raw(s.sql))
      await tx.execute(
        sql`INSERT INTO drizzle.repeatable_functions (name, checksum) VALUES (${s.name}, ${s.checksum})
            ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()`,
      )
    }
  })
  return changed.map((s) => s.name)
}
