import { sql, type SQL } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'
import { FROM_INCIDENT, INCIDENT_COLUMNS, toRecord, type IncidentRecord } from './incident-rows.ts'

/** An incident of a unit's queue with its in-unit assignment and the deadline that runs now. */
export interface WorkItemRecord extends IncidentRecord {
  sectionCode: string | null
  assignee: string | null
  /** The assignee's display name (null when the account is gone). */
  assigneeName: string | null
  dueAt: Date | null
  dueKind: string | null
  overdue: boolean
}

/** The deadline of the unit's current step (mirrors extensionTarget in services/incidents/view.ts). */
const DUE = sql.raw(`CASE
    WHEN i.track = 'urgent' THEN coalesce(i.handle_by, CASE WHEN i.state IN ('dispatched','accepted') THEN i.arrive_by END)
    ELSE i.resolve_by END`)
const DUE_KIND = sql.raw(`CASE
    WHEN i.track = 'urgent' THEN CASE WHEN i.handle_by IS NOT NULL THEN 'handleBy'
      WHEN i.state IN ('dispatched','accepted') AND i.arrive_by IS NOT NULL THEN 'arriveBy' END
    WHEN i.resolve_by IS NOT NULL THEN 'resolveBy' END`)

/** The unit itself and its sections (股室: units whose parent it is). */
const unitAndSections = (unitCode: string): SQL =>
  sql`(i.unit_code = ${unitCode} OR i.unit_code IN (SELECT code FROM unit WHERE parent_code = ${unitCode}))`

export interface QueueFilter {
  unitCode: string
  states: readonly string[]
  /** Only what is handed to this colleague (or to nobody in particular). */
  assignee?: string
  now: Date
  limit: number
}

/**
 * The unit's queue in one statement: overdue first (marked by the timer worker, or past the running
 * deadline now), then by that deadline, earliest first; no deadline last.
 */
export async function listWorkItems(database: Database, f: QueueFilter): Promise<WorkItemRecord[]> {
  const now = f.now.toISOString()
  const states = sql.join(
    f.states.map((s) => sql`${s}`),
    sql`, `,
  )
  const mine = f.assignee ? sql`AND (wa.assignee IS NULL OR wa.assignee = ${f.assignee})` : sql``
  const rows = await database.rows(sql`
    SELECT * FROM (
      SELECT ${INCIDENT_COLUMNS}, wa.section_code AS "sectionCode", wa.assignee, au.display_name AS "assigneeName",
        to_json(${DUE}) #>> '{}' AS "dueAt", ${DUE_KIND} AS "dueKind",
        -- resolved (waiting for verification): overdue only if it was resolved late
        (i.overdue_at IS NOT NULL OR coalesce(CASE WHEN i.state = 'resolved' THEN i.resolved_at > ${DUE} ELSE ${DUE} < ${now}::timestamptz END, false)) AS overdue,
        ${DUE} AS due_sort
      ${FROM_INCIDENT} LEFT JOIN work_assignment wa ON wa.incident_id = i.id
        LEFT JOIN app_user au ON au.username = wa.assignee
      WHERE ${unitAndSections(f.unitCode)} AND i.state IN (${states}) ${mine}
    ) q
    ORDER BY q.overdue DESC, q.due_sort ASC NULLS LAST, q.id ASC
    LIMIT ${f.limit}`)
  return rows.map((r) => {
    const rec = toRecord(r) as WorkItemRecord
    rec.dueAt = r.dueAt ? new Date(String(r.dueAt)) : null
    rec.overdue = r.overdue === true || r.overdue === 't'
    return rec
  })
}

/** Is `code` the unit or one of its sections? */
export async function isUnitOrSection(database: Database, unitCode: string, code: string): Promise<boolean> {
  const rows = await database.rows(
    sql`SELECT 1 AS ok FROM unit WHERE code = ${code} AND active AND (code = ${unitCode} OR parent_code = ${unitCode})`,
  )
  return rows.length > 0
}

export interface SectionRow extends Record<string, unknown> {
  code: string
  name: string
  nameEn: string
}

export async function listSections(database: Database, unitCode: string): Promise<SectionRow[]> {
  return database.rows<SectionRow>(
    sql`SELECT code, name, name_en AS "nameEn" FROM unit WHERE parent_code = ${unitCode} AND active ORDER BY code`,
  )
}

export interface ColleagueRow {
  username: string
  displayName: string
  /** The workbench roles held (handler, unit_supervisor). */
  roles: string[]
}

/** Who may be handed work in the unit: its enabled accounts holding a workbench role (not its sections' staff). */
const colleagueWhere = (unitCode: string): SQL =>
  sql`u.unit_code = ${unitCode} AND NOT u.disabled
    AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role IN ('handler', 'unit_supervisor'))`

/** The unit's colleagues by display name (a unit has tens of accounts: no paging). */
export async function listColleagues(database: Database, unitCode: string): Promise<ColleagueRow[]> {
  const rows = await database.rows<{ username: string; displayName: string; roles: string }>(sql`
    SELECT u.username, u.display_name AS "displayName",
      (SELECT string_agg(r.role, ',' ORDER BY r.role) FROM user_role r
        WHERE r.user_id = u.id AND r.role IN ('handler', 'unit_supervisor')) AS roles
    FROM app_user u WHERE ${colleagueWhere(unitCode)}
    ORDER BY u.display_name, u.username
    LIMIT 1000`)
  return rows.map((r) => ({
    username: r.username,
    displayName: r.displayName,
    roles: r.roles ? r.roles.split(',') : [],
  }))
}

/** The colleague's display name, or null when `username` is not a colleague of the unit. */
export async function colleagueName(database: Database, unitCode: string, username: string): Promise<string | null> {
  const rows = await database.rows<{ displayName: string }>(
    sql`SELECT u.display_name AS "displayName" FROM app_user u WHERE u.username = ${username} AND ${colleagueWhere(unitCode)}`,
  )
  return rows[0]?.displayName ?? null
}

export async function upsertWorkAssignment(
  database: Database,
  tx: AppDb,
  a: { incidentId: number; sectionCode: string | null; assignee: string | null; by: string; at: Date },
): Promise<void> {
  await database.rows(
    sql`INSERT INTO work_assignment (incident_id, section_code, assignee, assigned_by, assigned_at)
        VALUES (${a.incidentId}, ${a.sectionCode}, ${a.assignee}, ${a.by}, ${a.at.toISOString()}::timestamptz)
        ON CONFLICT (incident_id) DO UPDATE SET section_code = EXCLUDED.section_code, assignee = EXCLUDED.assignee,
          assigned_by = EXCLUDED.assigned_by, assigned_at = EXCLUDED.assigned_at
        RETURNING incident_id`,
    tx,
  )
}
