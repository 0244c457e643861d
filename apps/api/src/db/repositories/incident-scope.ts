import { sql, type SQL } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/**
 * Row scoping of incidents: which incidents a caller may see, as a WHERE condition — the filter is in
 * the SQL, never applied to rows after fetching them. `null` = everything (dispatcher, efficiency office,
 * viewer, admin). Units include their sections (unit.parent_code); areas are region-code prefixes matched against
 * the incident's most precise region code (a grid's code starts with its community's and its street's digits).
 */
export type RowScope = { unitCodes: readonly string[]; areaPrefixes: readonly string[] } | null

export function incidentScopeSql(scope: RowScope, alias = 'i'): SQL {
  if (!scope) return sql`true`
  const a = sql.raw(alias)
  const any: SQL[] = []
  if (scope.unitCodes.length) {
    const units = `{${scope.unitCodes.map((u) => `"${u.replace(/["\\]/g, '')}"`).join(',')}}`
    any.push(sql`${a}.unit_code IN (SELECT u.code FROM unit u WHERE u.code = ANY(${units}::text[]) OR u.parent_code = ANY(${units}::text[]))`)
  }
  for (const p of scope.areaPrefixes) any.push(sql`coalesce(${a}.grid_code, ${a}.community_code, ${a}.street_code) LIKE ${`${p.replace(/[^0-9]/g, '')}%`}`)
  return any.length ? sql`(${sql.join(any, sql` OR `)})` : sql`false`
}

/** Is incident `code` inside the scope? (false also when it does not exist: callers answer 404 either way.) */
export async function incidentInScope(database: Database, code: string, scope: RowScope, tx?: AppDb): Promise<boolean> {
  if (!scope) return true
  const rows = await database.rows(sql`SELECT 1 AS ok FROM incident i WHERE i.code = ${code} AND ${incidentScopeSql(scope)}`, tx)
  return rows.length > 0
}

/** The unit codes a unit scope covers (the units and their sections), for filtering a shared live fan-out. */
export async function unitsWithSections(database: Database, unitCodes: readonly string[]): Promise<string[]> {
  if (!unitCodes.length) return []
  const units = `{${unitCodes.map((u) => `"${u.replace(/["\\]/g, '')}"`).join(',')}}`
  const rows = await database.rows<{ code: string }>(sql`SELECT code FROM unit WHERE code = ANY(${units}::text[]) OR parent_code = ANY(${units}::text[])`)
  return rows.map((r) => String(r.code))
}
