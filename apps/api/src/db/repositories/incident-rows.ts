import { sql } from 'drizzle-orm'

/**
 * The incident row as the API reads it: the column list, the FROM clause and the mapping to a record.
 * Times go in as ISO strings cast to timestamptz and come out as Dates; ids are numbers.
 */

export interface IncidentRecord {
  id: number
  code: string
  trackingCode: string
  channel: string
  requestType: string
  track: string
  fineClass: string | null
  safetyHazard: boolean
  lng: number | null
  lat: number | null
  locationCrs: string | null
  address: string | null
  description: string
  reporterName: string | null
  reporterPhone: string | null
  state: string
  version: number
  unitCode: string | null
  firstUnitCode: string | null
  suggestedUnitCode: string | null
  needsReview: boolean
  streetCode: string | null
  communityCode: string | null
  gridCode: string | null
  streetRegionId: number | null
  communityRegionId: number | null
  gridRegionId: number | null
  assignment: unknown
  dispatchBy: Date | null
  arriveBy: Date | null
  handleBy: Date | null
  resolveBy: Date | null
  ownershipBy: Date | null
  callbackAt: Date | null
  overdueAt: Date | null
  escalationLevel: number
  reworkCount: number
  reopenCount: number
  hazardMarked: boolean
  extensionPending: boolean
  extensionDueAt: Date | null
  extensionReason: string | null
  primaryId: number | null
  primaryCode: string | null
  satisfaction: string | null
  idempotencyKey: string | null
  requestHash: string | null
  createdBy: string | null
  createdAt: Date
  registeredAt: Date | null
  dispatchedAt: Date | null
  acceptedAt: Date | null
  arrivedAt: Date | null
  resolvedAt: Date | null
  closedAt: Date | null
  updatedAt: Date
}

const TIME_COLUMNS = [
  'dispatch_by',
  'arrive_by',
  'handle_by',
  'resolve_by',
  'ownership_by',
  'callback_at',
  'overdue_at',
  'extension_due_at',
  'created_at',
  'registered_at',
  'dispatched_at',
  'accepted_at',
  'arrived_at',
  'resolved_at',
  'closed_at',
  'updated_at',
] as const

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/** Every column of `incident i` (plus the primary's code), timestamps as ISO text so both drivers agree. */
export const INCIDENT_COLUMNS = sql.raw(`
  i.id, i.code, i.tracking_code AS "trackingCode", i.channel, i.request_type AS "requestType", i.track,
  i.fine_class AS "fineClass", i.safety_hazard AS "safetyHazard",
  ST_X(i.location) AS lng, ST_Y(i.location) AS lat, i.location_crs AS "locationCrs",
  i.address, i.description, i.reporter_name AS "reporterName", i.reporter_phone AS "reporterPhone",
  i.state, i.version, i.unit_code AS "unitCode", i.first_unit_code AS "firstUnitCode",
  i.suggested_unit_code AS "suggestedUnitCode", i.needs_review AS "needsReview",
  i.street_code AS "streetCode", i.community_code AS "communityCode", i.grid_code AS "gridCode",
  i.street_region_id AS "streetRegionId", i.community_region_id AS "communityRegionId", i.grid_region_id AS "gridRegionId",
  i.assignment::text AS assignment,
  i.escalation_level AS "escalationLevel", i.rework_count AS "reworkCount", i.reopen_count AS "reopenCount",
  i.hazard_marked AS "hazardMarked", i.extension_pending AS "extensionPending", i.extension_reason AS "extensionReason",
  i.primary_id AS "primaryId", p.code AS "primaryCode", i.satisfaction,
  i.idempotency_key AS "idempotencyKey", i.request_hash AS "requestHash", i.created_by AS "createdBy",
  ${TIME_COLUMNS.map((c) => `to_json(i.${c}) #>> '{}' AS "${camel(c)}"`).join(', ')}`)

export const FROM_INCIDENT = sql`FROM incident i LEFT JOIN incident p ON p.id = i.primary_id`

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))
export const time = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(String(v)))

export function toRecord(r: Record<string, unknown>): IncidentRecord {
  const out = { ...r } as Record<string, unknown>
  for (const c of TIME_COLUMNS) out[camel(c)] = time(r[camel(c)])
  for (const k of ['id', 'version', 'escalationLevel', 'reworkCount', 'reopenCount']) out[k] = Number(r[k])
  for (const k of ['lng', 'lat', 'streetRegionId', 'communityRegionId', 'gridRegionId', 'primaryId']) out[k] = num(r[k])
  out.assignment = typeof r.assignment === 'string' ? JSON.parse(r.assignment) : (r.assignment ?? null)
  return out as unknown as IncidentRecord
}
