import type { UnitKind } from '@hanjiang/shared'
import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/** Units as the admin screens see and edit them. */
export interface UnitRow {
  code: string
  name: string
  nameEn: string
  kind: UnitKind
  parentCode: string | null
  regionCode: string | null
  active: boolean
}

const SELECT = sql`SELECT code, name, name_en AS "nameEn", kind, parent_code AS "parentCode", region_code AS "regionCode", active FROM unit`

export async function listUnits(database: Database): Promise<UnitRow[]> {
  return database.rows<UnitRow & Record<string, unknown>>(sql`${SELECT} ORDER BY kind, code`)
}

export async function findUnit(database: Database, code: string, tx?: AppDb): Promise<UnitRow | null> {
  const [r] = await database.rows<UnitRow & Record<string, unknown>>(sql`${SELECT} WHERE code = ${code}`, tx)
  return r ?? null
}

export async function insertUnit(database: Database, u: UnitRow, tx?: AppDb): Promise<boolean> {
  const rows = await database.rows(
    sql`INSERT INTO unit (code, name, name_en, kind, parent_code, region_code, active)
        VALUES (${u.code}, ${u.name}, ${u.nameEn}, ${u.kind}, ${u.parentCode}, ${u.regionCode}, ${u.active})
        ON CONFLICT (code) DO NOTHING RETURNING code`,
    tx,
  )
  return rows.length > 0
}

export async function updateUnit(
  database: Database,
  code: string,
  p: Partial<Omit<UnitRow, 'code'>>,
  tx?: AppDb,
): Promise<boolean> {
  const sets = [sql`code = code`]
  if (p.name !== undefined) sets.push(sql`name = ${p.name}`)
  if (p.nameEn !== undefined) sets.push(sql`name_en = ${p.nameEn}`)
  if (p.kind !== undefined) sets.push(sql`kind = ${p.kind}`)
  if (p.parentCode !== undefined) sets.push(sql`parent_code = ${p.parentCode}`)
  if (p.regionCode !== undefined) sets.push(sql`region_code = ${p.regionCode}`)
  if (p.active !== undefined) sets.push(sql`active = ${p.active}`)
  const rows = await database.rows(
    sql`UPDATE unit SET ${sql.join(sets, sql`, `)} WHERE code = ${code} RETURNING code`,
    tx,
  )
  return rows.length > 0
}

/** Current regions by code, with their level (for area grants). */
export async function findRegionLevels(
  database: Database,
  codes: readonly string[],
  tx?: AppDb,
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const code of codes) {
    const [r] = await database.rows<{ level: string }>(
      sql`SELECT level FROM region WHERE code = ${code} AND valid_to IS NULL`,
      tx,
    )
    if (r) out.set(code, String(r.level))
  }
  return out
}

/** Whether `code` is an active unit (read live: dispatch must not miss a unit created seconds ago). */
export async function isActiveUnit(database: Database, code: string): Promise<boolean> {
  const rows = await database.rows(sql`SELECT 1 FROM unit WHERE code = ${code} AND active`)
  return rows.length > 0
}
