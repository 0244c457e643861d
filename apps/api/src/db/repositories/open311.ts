import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../types.ts'

/**
 * The Open311 server's reads of incidents: only the columns a public GeoReport answer may carry — never the
 * reporter's name or phone, never the tracking code (services/open311/requests.ts masks phones in the text).
 */

export interface Open311Row {
  id: number
  code: string
  state: string
  fineClass: string | null
  description: string
  address: string | null
  lng: number | null
  lat: number | null
  unitCode: string | null
  track: string
  requestType: string
  channel: string
  needsReview: boolean
  streetCode: string | null
  communityCode: string | null
  gridCode: string | null
  primaryCode: string | null
  escalationLevel: number
  reworkCount: number
  reopenCount: number
  createdAt: Date
  updatedAt: Date
  closedAt: Date | null
  dispatchBy: Date | null
  arriveBy: Date | null
  handleBy: Date | null
  resolveBy: Date | null
  ownershipBy: Date | null
  overdueAt: Date | null
}

const TIMES = ['created_at', 'updated_at', 'closed_at', 'dispatch_by', 'arrive_by', 'handle_by', 'resolve_by', 'ownership_by', 'overdue_at'] as const
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

const COLUMNS = sql.raw(`
  i.id, i.code, i.state, i.fine_class AS "fineClass", i.description, i.address, ST_X(i.location) AS lng, ST_Y(i.location) AS lat,
  coalesce(i.unit_code, i.suggested_unit_code) AS "unitCode", i.track, i.request_type AS "requestType", i.channel,
  i.needs_review AS "needsReview", i.street_code AS "streetCode", i.community_code AS "communityCode", i.grid_code AS "gridCode",
  p.code AS "primaryCode", i.escalation_level AS "escalationLevel", i.rework_count AS "reworkCount", i.reopen_count AS "reopenCount",
  ${TIMES.map((c) => `to_json(i.${c}) #>> '{}' AS "${camel(c)}"`).join(', ')}`)

function rowOf(r: Record<string, unknown>): Open311Row {
  const out = { ...r } as Record<string, unknown>
  for (const c of TIMES) {
    const v = r[camel(c)]
    out[camel(c)] = v == null ? null : new Date(String(v))
  }
  for (const k of ['id', 'escalationLevel', 'reworkCount', 'reopenCount']) out[k] = Number(r[k])
  for (const k of ['lng', 'lat']) out[k] = r[k] == null ? null : Number(r[k])
  return out as unknown as Open311Row
}

/** Open311 `status`: closed = closed, rejected or merged; everything else is open. */
export const CLOSED_STATES = ['closed', 'rejected', 'merged'] as const

export interface Open311Query {
  /** When given, only these incident codes (the spec: overrides every other filter). */
  codes?: readonly string[]
  serviceCodes?: readonly string[]
  start?: Date
  end?: Date
  status?: readonly ('open' | 'closed')[]
  /** WGS84 [minLng, minLat, maxLng, maxLat]. */
  bbox?: readonly [number, number, number, number]
  limit: number
  offset: number
}

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `)

/** Newest first (requested_datetime, then code). */
export async function queryOpen311Requests(database: Database, q: Open311Query): Promise<Open311Row[]> {
  const where: SQL[] = [sql`true`]
  if (q.codes) {
    where.push(q.codes.length ? sql`i.code IN (${list(q.codes)})` : sql`false`)
  } else {
    if (q.serviceCodes?.length) where.push(sql`i.fine_class IN (${list(q.serviceCodes)})`)
    if (q.start) where.push(sql`i.created_at >= ${q.start.toISOString()}::timestamptz`)
    if (q.end) where.push(sql`i.created_at <= ${q.end.toISOString()}::timestamptz`)
    if (q.status?.length === 1) {
      const closed = sql`i.state IN (${list(CLOSED_STATES)})`
      where.push(q.status[0] === 'closed' ? closed : sql`NOT ${closed}`)
    }
    if (q.bbox) {
      const [w, s, e, n] = q.bbox
      where.push(sql`i.location && ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)`)
    }
  }
  const rows = await database.rows(sql`
    SELECT ${COLUMNS} FROM incident i LEFT JOIN incident p ON p.id = i.primary_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY i.created_at DESC, i.id DESC
    LIMIT ${q.limit} OFFSET ${q.offset}`)
  return rows.map(rowOf)
}

/**
 * The incident code behind an Open311 token: the tracking code handed to the client that posted it. Only
 * requests posted through Open311: a citizen's tracking code from another channel answers nothing here.
 */
export async function codeOfToken(database: Database, token: string): Promise<string | null> {
  const [r] = await database.rows<{ code: string }>(sql`SELECT code FROM incident WHERE tracking_code = ${token} AND channel = 'open311'`)
  return r ? String(r.code) : null
}
