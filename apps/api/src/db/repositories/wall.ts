import { OPEN_STATES } from '@hanjiang/shared'
import { sql } from 'drizzle-orm'
import type { Database } from '../types.ts'

/** The command-center wall's figures, in ONE statement: one round trip per refresh. */

export interface WallWindow {
  /** Start of today in Asia/Shanghai. */
  dayStart: Date
  /** On-time rate and top classes look back to here (e.g. 30 / 7 days). */
  onTimeSince: Date
  classesSince: Date
  topClasses: number
  lastEvents: number
  urgentLimit: number
  /** Row scope of the caller (a handler: their unit); absent = everything. */
  scope?: { unitCodes: readonly string[]; areaPrefixes: readonly string[] } | null
}

export interface WallRows {
  intakeByChannel: { channel: string; count: number }[]
  byStreet: { code: string; name: string; open: number; overdue: number }[]
  onTime: { closed: number; onTime: number }
  topClasses: { code: string; count: number }[]
  events: {
    id: number
    code: string
    action: string
    fromState: string | null
    toState: string | null
    at: string
    state: string
    track: string
    fineClass: string | null
    streetCode: string | null
  }[]
  urgent: {
    code: string
    state: string
    fineClass: string | null
    streetCode: string | null
    unitCode: string | null
    address: string | null
    createdAt: string
    dueAt: string | null
    overdue: boolean
  }[]
  totals: { today: number; open: number; overdue: number; urgentOpen: number }
}

const OPEN = sql.raw(`(${OPEN_STATES.map((s) => `'${s}'`).join(',')})`)

function scoped(scope: WallWindow['scope'], alias = 'i') {
  if (!scope) return sql`true`
  const any = [
    ...scope.unitCodes.map((u) => sql`${sql.raw(alias)}.unit_code = ${u}`),
    ...scope.areaPrefixes.map((p) => sql`${sql.raw(alias)}.grid_code LIKE ${`${p}%`}`),
  ]
  return any.length ? sql`(${sql.join(any, sql` OR `)})` : sql`false`
}

export async function wallRows(database: Database, w: WallWindow): Promise<WallRows> {
  const day = w.dayStart.toISOString()
  const s = scoped(w.scope)
  // The running deadline of an urgent incident: on site by (R5), handled by (R6), else dispatched by (R4).
  const due = sql.raw(`coalesce(i.handle_by, CASE WHEN i.state IN ('dispatched','accepted') THEN i.arrive_by END,
    CASE WHEN i.state IN ('reported','registered','returned') THEN i.dispatch_by END, i.resolve_by)`)
  const [row] = await database.rows<{ doc: string }>(sql`
    SELECT json_build_object(
      'intakeByChannel', (SELECT coalesce(json_agg(json_build_object('channel', channel, 'count', n) ORDER BY n DESC, channel), '[]')
        FROM (SELECT i.channel, count(*) AS n FROM incident i WHERE i.created_at >= ${day}::timestamptz AND ${s} GROUP BY i.channel) c),
      'byStreet', (SELECT coalesce(json_agg(json_build_object('code', r.code, 'name', r.name, 'open', coalesce(o.open, 0), 'overdue', coalesce(o.overdue, 0))
          ORDER BY coalesce(o.open, 0) DESC, r.code), '[]')
        FROM region r
        LEFT JOIN (SELECT i.street_code, count(*) AS open, count(*) FILTER (WHERE i.overdue_at IS NOT NULL) AS overdue
                   FROM incident i WHERE i.state IN ${OPEN} AND ${s} GROUP BY i.street_code) o ON o.street_code = r.code
        WHERE r.level = 'street' AND r.valid_to IS NULL),
      'onTime', (SELECT json_build_object('closed', count(*), 'onTime', count(*) FILTER (WHERE i.overdue_at IS NULL))
        FROM incident i WHERE i.closed_at >= ${w.onTimeSince.toISOString()}::timestamptz AND i.state = 'closed' AND ${s}),
      'topClasses', (SELECT coalesce(json_agg(json_build_object('code', fine_class, 'count', n) ORDER BY n DESC, fine_class), '[]')
        FROM (SELECT i.fine_class, count(*) AS n FROM incident i
              WHERE i.created_at >= ${w.classesSince.toISOString()}::timestamptz AND i.fine_class IS NOT NULL AND ${s}
              GROUP BY i.fine_class ORDER BY n DESC, i.fine_class LIMIT ${w.topClasses}) t),
      'events', (SELECT coalesce(json_agg(e ORDER BY e.id DESC), '[]') FROM (
          SELECT e.id, i.code, e.action, e.from_state AS "fromState", e.to_state AS "toState", to_json(e.at) #>> '{}' AS at,
                 i.state, i.track, i.fine_class AS "fineClass", i.street_code AS "streetCode"
          FROM incident_event e JOIN incident i ON i.id = e.incident_id
          WHERE ${s} ORDER BY e.id DESC LIMIT ${w.lastEvents}) e),
      'urgent', (SELECT coalesce(json_agg(u ORDER BY u.overdue DESC, u.due NULLS LAST, u.code), '[]') FROM (
          SELECT i.code, i.state, i.fine_class AS "fineClass", i.street_code AS "streetCode", i.unit_code AS "unitCode", i.address,
                 to_json(i.created_at) #>> '{}' AS "createdAt", to_json(${due}) #>> '{}' AS "dueAt", ${due} AS due,
                 (i.overdue_at IS NOT NULL) AS overdue
          FROM incident i WHERE i.track = 'urgent' AND i.state IN ${OPEN} AND ${s}
          ORDER BY (i.overdue_at IS NOT NULL) DESC, ${due} NULLS LAST, i.code LIMIT ${w.urgentLimit}) u),
      'totals', (SELECT json_build_object(
          'today', count(*) FILTER (WHERE i.created_at >= ${day}::timestamptz),
          'open', count(*) FILTER (WHERE i.state IN ${OPEN}),
          'overdue', count(*) FILTER (WHERE i.state IN ${OPEN} AND i.overdue_at IS NOT NULL),
          'urgentOpen', count(*) FILTER (WHERE i.state IN ${OPEN} AND i.track = 'urgent'))
        FROM incident i WHERE (i.state IN ${OPEN} OR i.created_at >= ${day}::timestamptz) AND ${s})
    )::text AS doc`)
  const doc = JSON.parse(row!.doc) as WallRows
  for (const u of doc.urgent) delete (u as { due?: unknown }).due
  return doc
}
