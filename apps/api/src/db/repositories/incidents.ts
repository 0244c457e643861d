import { sql, type SQL } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'
import { FROM_INCIDENT, INCIDENT_COLUMNS, toRecord, type IncidentRecord } from './incident-rows.ts'
import { incidentScopeSql, type RowScope } from './incident-scope.ts'

/**
 * Finding and listing incidents. The row shape is in incident-rows.ts, intake in incident-intake.ts, the event log
 * in incident-events.ts, timers in incident-timers.ts and the versioned update in incident-patch.ts.
 */

export async function findIncidentByCode(database: Database, code: string, tx?: AppDb): Promise<IncidentRecord | null> {
  const [r] = await database.rows(sql`SELECT ${INCIDENT_COLUMNS} ${FROM_INCIDENT} WHERE i.code = ${code}`, tx)
  return r ? toRecord(r) : null
}

export async function findIncidentById(database: Database, id: number, tx?: AppDb): Promise<IncidentRecord | null> {
  const [r] = await database.rows(sql`SELECT ${INCIDENT_COLUMNS} ${FROM_INCIDENT} WHERE i.id = ${id}`, tx)
  return r ? toRecord(r) : null
}

/** The incident `creator` created with idempotency key `key` (keys are per creator). */
export async function findIncidentByIdempotencyKey(
  database: Database,
  creator: string,
  key: string,
): Promise<IncidentRecord | null> {
  const [r] = await database.rows(
    sql`SELECT ${INCIDENT_COLUMNS} ${FROM_INCIDENT} WHERE i.created_by = ${creator} AND i.idempotency_key = ${key}`,
  )
  return r ? toRecord(r) : null
}

export interface IncidentFilter {
  states?: string[]
  unitCode?: string
  streetCode?: string
  /** Class, subclass or fine-class code: matches every fine class under it. */
  classCode?: string
  /** Free text: code, address, description. */
  q?: string
  /** Keyset: only incidents older than this id. */
  beforeId?: number
  limit: number
  /** The caller's row scope (auth): null/absent = all. */
  scope?: RowScope
}

function filterWhere(f: Omit<IncidentFilter, 'limit'>): SQL[] {
  const where: SQL[] = [sql`true`]
  if (f.states?.length)
    where.push(
      sql`i.state IN (${sql.join(
        f.states.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    )
  if (f.unitCode) where.push(sql`i.unit_code = ${f.unitCode}`)
  if (f.streetCode) where.push(sql`i.street_code = ${f.streetCode}`)
  if (f.classCode) where.push(sql`i.fine_class LIKE ${`${f.classCode}%`}`)
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    where.push(sql`(i.code ILIKE ${like} OR i.address ILIKE ${like} OR i.description ILIKE ${like})`)
  }
  if (f.beforeId !== undefined) where.push(sql`i.id < ${f.beforeId}`)
  if (f.scope) where.push(incidentScopeSql(f.scope))
  return where
}

/** How many incidents the filters (and scope) select: an export checks it against its format's limit. */
export async function countIncidents(
  database: Database,
  f: Omit<IncidentFilter, 'limit' | 'beforeId'>,
): Promise<number> {
  const [r] = await database.rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM incident i WHERE ${sql.join(filterWhere(f), sql` AND `)}`,
  )
  return Number(r!.n)
}

/** Newest first (id order is intake order), keyset-paged: `beforeId` is the last id of the previous page. */
export async function listIncidents(database: Database, f: IncidentFilter): Promise<IncidentRecord[]> {
  const where = filterWhere(f)
  const rows = await database.rows(sql`
    SELECT ${INCIDENT_COLUMNS} ${FROM_INCIDENT}
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY i.id DESC
    LIMIT ${f.limit}`)
  return rows.map(toRecord)
}
