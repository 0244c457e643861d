import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS_FOLDER, openDatabase } from '../src/db/open.ts'
import { migrationState, serverVersions } from '../src/db/repositories/health.ts'
import { describeEachEngine } from './engines.ts'

describeEachEngine('database module', (ctx) => {
  it('applies every migration, PostGIS first', async () => {
    const state = await migrationState(ctx.database, MIGRATIONS_FOLDER)
    expect(state.pending).toEqual([])
    expect(state.applied).toBe(state.total)
    const v = await serverVersions(ctx.database)
    expect(v.postgis).toMatch(/^3\./)
  })

  it('stores geometry with SRID 4326 behind a GiST index', async () => {
    const cols = await ctx.database.rows<{ type: string; srid: number }>(
      sql`SELECT type, srid FROM geometry_columns WHERE f_table_name = 'region'`,
    )
    expect(cols).toEqual([{ type: 'MULTIPOLYGON', srid: 4326 }])
    const idx = await ctx.database.rows<{ indexdef: string }>(
      sql`SELECT indexdef FROM pg_indexes WHERE indexname = 'region_geom_gist'`,
    )
    expect(idx[0]?.indexdef).toContain('USING gist')
  })

  it('rolls back a failed transaction completely', async () => {
    await expect(
      ctx.database.db.transaction(async (tx) => {
        await ctx.database.rows(sql`INSERT INTO unit (code, name, kind) VALUES ('t1', 'T', 'department')`, tx)
        await ctx.database.rows(sql`INSERT INTO unit (code, name, kind) VALUES ('t2', 'T', 'not-a-kind')`, tx)
      }),
    ).rejects.toThrow()
    const rows = await ctx.database.rows(sql`SELECT code FROM unit WHERE code IN ('t1','t2')`)
    expect(rows).toEqual([])
  })
})

describe('opening databases', () => {
  it('names host and cause when the server is unreachable', async () => {
    await expect(openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' })).rejects.toThrowError(
      /Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none: .*ECONNREFUSED/,
    )
  })

  it('persists the embedded database in its folder and reopens it', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hj-pglite-')), 'pglite')
    const a = await openDatabase({ pgliteDir: dir })
    await a.rows(sql`INSERT INTO unit (code, name, kind) VALUES ('persisted', 'P', 'department')`)
    await expect(openDatabase({ pgliteDir: dir })).rejects.toThrowError(/in use by another process/)
    await a.close()
    const b = await openDatabase({ pgliteDir: dir })
    expect(await b.rows(sql`SELECT code FROM unit WHERE code = 'persisted'`)).toEqual([{ code: 'persisted' }])
    await b.close()
  })
})
