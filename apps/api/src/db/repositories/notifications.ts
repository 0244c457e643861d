import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../types.ts'

export interface NotificationReaderScope {
  userId: string
  role: string
  /** The reader's unit and, for a unit supervisor, its sections. */
  unitCode: string | null
  areaPrefixes: readonly string[]
}

export interface NotificationRow extends Record<string, unknown> {
  id: number
  kind: string
  incidentCode: string
  at: string
  data: unknown
  read: boolean
}

/**
 * The address match of `isAddressedTo` (@hanjiang/shared notifications) as SQL: NULL parts match anyone;
 * a unit supervisor reads whatever is addressed to their unit or its sections; a named user reads theirs.
 */
function addressedTo(r: NotificationReaderScope): SQL {
  const sup = r.role === 'unit_supervisor'
  const units = r.unitCode
    ? sup
      ? sql`(n.unit_code = ${r.unitCode} OR n.unit_code IN (SELECT code FROM unit WHERE parent_code = ${r.unitCode}))`
      : sql`n.unit_code = ${r.unitCode}`
    : sql`false`
  const role = sup ? sql`(n.role IS NULL OR n.role = ${r.role} OR n.unit_code IS NOT NULL)` : sql`(n.role IS NULL OR n.role = ${r.role})`
  const regions = r.areaPrefixes.length
    ? sql`(n.region_code IS NULL OR ${sql.join(r.areaPrefixes.map((p) => sql`starts_with(n.region_code, ${p})`), sql` OR `)})`
    : sql`n.region_code IS NULL`
  // A notification naming a user (a workbench assignment) is theirs alone, wherever their account sits.
  return sql`(n.user_id = ${r.userId} OR (n.user_id IS NULL
    AND (n.unit_code IS NULL OR ${units})
    AND ${role} AND ${regions}
    AND (n.unit_code IS NOT NULL OR n.role IS NOT NULL)))`
}

const unread = (r: NotificationReaderScope) =>
  sql`NOT EXISTS (SELECT 1 FROM notification_read nr WHERE nr.notification_id = n.id AND nr.reader = ${r.userId})`

export async function listNotifications(
  database: Database,
  r: NotificationReaderScope,
  opts: { unreadOnly: boolean; afterId?: number; limit: number },
): Promise<NotificationRow[]> {
  const rows = await database.rows<NotificationRow>(sql`
    SELECT n.id, n.kind, n.incident_code AS "incidentCode", to_json(n.at) #>> '{}' AS at, n.data,
      NOT ${unread(r)} AS read
    FROM notification n
    WHERE ${addressedTo(r)} ${opts.unreadOnly ? sql`AND ${unread(r)}` : sql``}
      ${opts.afterId !== undefined ? sql`AND n.id > ${opts.afterId}` : sql``}
    ORDER BY n.id DESC LIMIT ${opts.limit}`)
  return rows.map((x) => ({ ...x, id: Number(x.id), data: typeof x.data === 'string' ? JSON.parse(x.data) : x.data }))
}

export async function countUnread(database: Database, r: NotificationReaderScope): Promise<number> {
  const [row] = await database.rows<{ n: number | string }>(
    sql`SELECT count(*) AS n FROM notification n WHERE ${addressedTo(r)} AND ${unread(r)}`,
  )
  return Number(row?.n ?? 0)
}

/** Marks these (or all the reader's unread) notifications read; ids not addressed to the reader are ignored. */
export async function markRead(database: Database, r: NotificationReaderScope, ids: readonly number[] | 'all', at: Date): Promise<number> {
  const which = ids === 'all' ? sql`` : sql`AND n.id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`
  const rows = await database.rows(sql`
    INSERT INTO notification_read (notification_id, reader, read_at)
    SELECT n.id, ${r.userId}, ${at.toISOString()}::timestamptz FROM notification n
    WHERE ${addressedTo(r)} AND ${unread(r)} ${which}
    ON CONFLICT DO NOTHING
    RETURNING notification_id`)
  return rows.length
}

/** Which of these incident events made a notification for the reader (live delivery). */
export async function notificationsOfEvents(database: Database, r: NotificationReaderScope, eventIds: readonly number[]): Promise<NotificationRow[]> {
  if (!eventIds.length) return []
  const rows = await database.rows<NotificationRow>(sql`
    SELECT n.id, n.kind, n.incident_code AS "incidentCode", to_json(n.at) #>> '{}' AS at, n.data, false AS read
    FROM notification n
    WHERE n.event_id IN (${sql.join(eventIds.map((i) => sql`${i}`), sql`, `)}) AND ${addressedTo(r)}
    ORDER BY n.id`)
  return rows.map((x) => ({ ...x, id: Number(x.id), data: typeof x.data === 'string' ? JSON.parse(x.data) : x.data }))
}
