import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

export interface TableChecksum {
  /** `schema.table` */
  table: string
  rows: number
  /** md5 over the md5 of every row's text, in order of those digests (order- and collation-free); '' when empty. */
  md5: string
}

/**
 * Row count and content digest of every table the application owns (user schemas, partitions counted in their
 * parent, tables belonging to extensions such as PostGIS's spatial_ref_sys left out): what a backup records and a
 * restore checks (README, "Backup and restore"). One statement per table; the per-row digests keep memory at 32 bytes a row.
 */
export async function tableChecksums(database: Database, tx?: AppDb): Promise<TableChecksum[]> {
  const tables = await database.rows<{ schema: string; name: string }>(
    sql`
    SELECT n.nspname AS schema, c.relname AS name
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    ORDER BY 1, 2`,
    tx,
  )
  const out: TableChecksum[] = []
  for (const t of tables) {
    const ident = sql.raw(`${quoteIdent(t.schema)}.${quoteIdent(t.name)}`)
    const [row] = await database.rows<{ n: number; md5: string | null }>(sql`
      SELECT count(*)::int AS n, md5(string_agg(h, '' ORDER BY h)) AS md5
      FROM (SELECT md5(x::text) AS h FROM ${ident} x) d`,
      tx,
    )
    out.push({ table: `${t.schema}.${t.name}`, rows: Number(row?.n ?? 0), md5: row?.md5 ?? '' })
  }
  return out
}

/** Whether the database holds any table of the application (drizzle's migration journal counts). */
export async function hasApplicationTables(database: Database): Promise<boolean> {
  const [row] = await database.rows<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`)
  return Number(row?.n ?? 0) > 0
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
