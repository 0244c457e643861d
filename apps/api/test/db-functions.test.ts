import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { applyFunctions, FUNCTIONS_FOLDER, readFunctionSources } from '../src/db/functions.ts'
import { MIGRATIONS_FOLDER } from '../src/db/open.ts'
import { describeEachEngine } from './engines.ts'

/** Migrations up to this one copied whole function bodies forward; from the next one on, db/functions holds them. */
const LAST_MIGRATION_WITH_COPIES = 28

const CREATE_FUNCTION = /CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+"?(\w+)"?\s*\(/gi

/** The body between the first pair of `$$` of a function's source. */
function body(source: string): string {
  const start = source.indexOf('$$')
  return source.slice(start + 2, source.indexOf('$$', start + 2))
}

describe('db/functions sources', () => {
  const sources = readFunctionSources()

  it('hold one CREATE OR REPLACE FUNCTION each, named as the file', () => {
    expect(sources.length).toBeGreaterThan(10)
    for (const s of sources) {
      const names = [...s.sql.matchAll(CREATE_FUNCTION)].map((m) => m[1])
      expect(names, s.name).toEqual([s.name])
      expect(s.sql, s.name).toMatch(/CREATE OR REPLACE FUNCTION/)
    }
  })

  it('are never copied into a later migration: a function is created by one migration, then changed only here', () => {
    const files = fs
      .readdirSync(MIGRATIONS_FOLDER)
      .filter((f) => /^\d{4}_.*\.sql$/.test(f))
      .sort()
    const firstCreated = new Map<string, string>()
    const copies: string[] = []
    for (const f of files) {
      const text = fs.readFileSync(path.join(MIGRATIONS_FOLDER, f), 'utf8')
      for (const m of text.matchAll(CREATE_FUNCTION)) {
        const name = m[1]!
        const first = firstCreated.get(name)
        if (!first) firstCreated.set(name, f)
        else if (Number(f.slice(0, 4)) > LAST_MIGRATION_WITH_COPIES)
          copies.push(`${f} re-creates ${name} (first in ${first}): edit db/functions/${name}.sql instead`)
      }
    }
    expect(copies).toEqual([])
    // Every function a migration creates has its source here.
    expect([...firstCreated.keys()].filter((n) => !sources.some((s) => s.name === n))).toEqual([])
  })
})

describeEachEngine('db/functions applied after the migrations', (ctx) => {
  it('every function of ours in the database is the source in db/functions, and nothing else is', async () => {
    const rows = await ctx.database.rows<{ name: string; src: string }>(sql`
      SELECT p.proname AS name, p.prosrc AS src
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
      ORDER BY 1`)
    const sources = new Map(readFunctionSources().map((s) => [s.name, s]))
    expect(rows.map((r) => r.name)).toEqual([...sources.keys()].sort())
    for (const r of rows) expect(r.src.trim(), r.name).toBe(body(sources.get(r.name)!.sql).trim())
  })

  it('applies a changed source once, in a transaction, and nothing when unchanged', async () => {
    expect(await applyFunctions(ctx.database)).toEqual([])
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-functions-'))
    try {
      for (const f of fs.readdirSync(FUNCTIONS_FOLDER))
        fs.copyFileSync(path.join(FUNCTIONS_FOLDER, f), path.join(dir, f))
      const file = path.join(dir, 'working_minutes_between.sql')
      fs.writeFileSync(
        file,
        fs.readFileSync(file, 'utf8').replace('$$;', () => '$$;\n-- changed'),
      )
      expect(await applyFunctions(ctx.database, dir)).toEqual(['working_minutes_between'])
      expect(await applyFunctions(ctx.database, dir)).toEqual([])
      // A broken source fails the step and leaves what was applied before.
      fs.writeFileSync(
        path.join(dir, 'audit_log_append_only.sql'),
        'CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN nonsense; END $$;',
      )
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8') + '\n-- changed again')
      await expect(applyFunctions(ctx.database, dir)).rejects.toThrow()
      const [rec] = await ctx.database.rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM drizzle.repeatable_functions WHERE name = 'audit_log_append_only'`,
      )
      expect(rec?.n).toBe(1)
      expect(await applyFunctions(ctx.database)).toEqual(['working_minutes_between'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
