import { fineClassInfo, formatShanghai, maskPhonesInText, STATE_LABELS, type IncidentState } from '@hanjiang/shared'
import { CLOSED_STATES, codeOfToken, queryOpen311Requests, type Open311Query, type Open311Row } from '../../db/repositories/open311.ts'
import type { Database } from '../../db/types.ts'
import { reference, type Reference } from '../assignment/reference-cache.ts'
import { open311Errors } from './format.ts'

/**
 * GET requests, GET requests/{id}, GET tokens/{token} (docs/OPEN311.md). Public reads: no personal data —
 * the reporter's name and phone are never selected, phone numbers typed into a description are masked.
 */

/** The spec: a date range may not span more than 90 days; without one, the most recent 90 days. */
export const MAX_SPAN_DAYS = 90
const DAY_MS = 86_400_000
/** The spec's default volume; the `page_size` extension may ask for fewer (or up to this many). */
export const MAX_PAGE_SIZE = 1000

/** ISO 8601 at whole seconds in Shanghai time (+08:00): the w3 date-time subset the spec asks for. */
const w3 = (d: Date | null): string | null => (d ? formatShanghai(new Date(Math.floor(d.getTime() / 1000) * 1000)) : null)

/** W3C date-time: a date, or a date-time with a zone (Z or ±hh:mm); a date alone is midnight in Shanghai. */
export function parseW3(name: string, v: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(v.trim())
  const d = m ? new Date(m[4] ? v.trim() : `${v.trim()}T00:00:00+08:00`) : null
  if (!d || Number.isNaN(d.getTime())) {
    throw open311Errors.badRequest(`${name} must be a W3C date-time with a time zone, e.g. 2026-12-01T00:00:00+08:00 (got "${v}")`)
  }
  return d
}

const commaList = (v: string | undefined): string[] => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean)

export interface RequestsParams {
  service_request_id?: string
  service_code?: string
  start_date?: string
  end_date?: string
  status?: string
  bbox?: string
  page?: string
  page_size?: string
  extensions?: string
}

/** The spec's filters plus the bbox and paging extensions, validated (400 on anything malformed). */
export function parseRequestsQuery(p: RequestsParams, now = new Date()): Open311Query & { extensions: boolean } {
  const extensions = parseBool('extensions', p.extensions)
  const page = parseIntIn('page', p.page, 1, 1_000_000) ?? 1
  const pageSize = parseIntIn('page_size', p.page_size, 1, MAX_PAGE_SIZE) ?? MAX_PAGE_SIZE
  const paging = { limit: pageSize, offset: (page - 1) * pageSize }
  const ids = commaList(p.service_request_id)
  if (ids.length) {
    if (ids.length > MAX_PAGE_SIZE) throw open311Errors.badRequest(`service_request_id lists at most ${MAX_PAGE_SIZE} ids`)
    return { codes: ids, ...paging, extensions }
  }
  const start = p.start_date ? parseW3('start_date', p.start_date) : undefined
  const end = p.end_date ? parseW3('end_date', p.end_date) : undefined
  if (start && end && start > end) throw open311Errors.badRequest('start_date must not be after end_date')
  let from = start
  let to = end
  if (!from && !to) from = new Date(now.getTime() - MAX_SPAN_DAYS * DAY_MS)
  else if (!from) from = new Date(to!.getTime() - MAX_SPAN_DAYS * DAY_MS)
  else if (!to) to = new Date(from.getTime() + MAX_SPAN_DAYS * DAY_MS)
  if (to && from && to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS) {
    throw open311Errors.badRequest(`start_date and end_date may not span more than ${MAX_SPAN_DAYS} days`)
  }
  const status = commaList(p.status)
  for (const s of status) if (s !== 'open' && s !== 'closed') throw open311Errors.badRequest(`status must be open or closed (comma list), not "${s}"`)
  const serviceCodes = commaList(p.service_code)
  for (const c of serviceCodes) if (!/^\d{6}$/.test(c)) throw open311Errors.badRequest(`service_code ${c} is not a 6-digit service code`)
  return {
    serviceCodes,
    start: from,
    end: to,
    status: [...new Set(status)] as ('open' | 'closed')[],
    bbox: p.bbox ? parseBbox(p.bbox) : undefined,
    ...paging,
    extensions,
  }
}

function parseBool(name: string, v: string | undefined): boolean {
  if (v === undefined || v === '' || v === 'false') return false
  if (v === 'true') return true
  throw open311Errors.badRequest(`${name} must be true or false`)
}

function parseIntIn(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined || v === '') return undefined
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw open311Errors.badRequest(`${name} must be a whole number from ${min} to ${max}`)
  return Number(v)
}

/** `bbox=minLong,minLat,maxLong,maxLat` in WGS84 (the extension FixMyStreet-style clients send). */
function parseBbox(v: string): [number, number, number, number] {
  const n = v.split(',').map((x) => Number(x.trim()))
  const ok = n.length === 4 && n.every(Number.isFinite) && n[0]! >= -180 && n[2]! <= 180 && n[1]! >= -90 && n[3]! <= 90 && n[0]! < n[2]! && n[1]! < n[3]!
  if (!ok) throw open311Errors.badRequest('bbox must be minLong,minLat,maxLong,maxLat in WGS84 degrees, minimum before maximum')
  return n as [number, number, number, number]
}

const isClosed = (state: string) => (CLOSED_STATES as readonly string[]).includes(state)

function statusNotes(r: Open311Row): string {
  const label = STATE_LABELS[r.state as IncidentState]
  const base = label ? `${label.zh} (${label.en})` : r.state
  if (r.state === 'merged' && r.primaryCode) return `${base}: 与 ${r.primaryCode} 合并处理 (handled with ${r.primaryCode})`
  return base
}

/** One request as GeoReport answers it (fields in the spec's order), with our workflow under `extensions`. */
export function requestView(r: Open311Row, ref: Reference, extensions: boolean) {
  const info = r.fineClass ? fineClassInfo(ref.taxonomy, r.fineClass) : null
  const closed = isClosed(r.state)
  const base = {
    service_request_id: r.code,
    status: closed ? 'closed' : 'open',
    status_notes: statusNotes(r),
    service_name: info?.fine.name ?? null,
    service_code: r.fineClass,
    description: maskPhonesInText(r.description),
    agency_responsible: r.unitCode ? (ref.units.get(r.unitCode)?.name ?? r.unitCode) : null,
    service_notice: null,
    requested_datetime: w3(r.createdAt),
    updated_datetime: w3(closed ? (r.closedAt ?? r.updatedAt) : r.updatedAt),
    expected_datetime: w3(r.resolveBy ?? r.handleBy),
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: null,
  }
  if (!extensions) return base
  return {
    ...base,
    extended_attributes: {
      state: r.state,
      track: r.track,
      request_type: r.requestType,
      channel: r.channel,
      group: info?.class.name ?? null,
      needs_review: r.needsReview,
      street_code: r.streetCode,
      community_code: r.communityCode,
      grid_code: r.gridCode,
      merged_into: r.primaryCode,
      escalation_level: r.escalationLevel,
      rework_count: r.reworkCount,
      reopen_count: r.reopenCount,
      overdue_since: w3(r.overdueAt),
      deadlines: {
        dispatch_by: w3(r.dispatchBy),
        ownership_by: w3(r.ownershipBy),
        arrive_by: w3(r.arriveBy),
        handle_by: w3(r.handleBy),
        resolve_by: w3(r.resolveBy),
      },
    },
  }
}
export type RequestView = ReturnType<typeof requestView>

export async function listRequests(database: Database, params: RequestsParams) {
  const q = parseRequestsQuery(params)
  const [rows, ref] = await Promise.all([queryOpen311Requests(database, q), reference(database)])
  return rows.map((r) => requestView(r, ref, q.extensions))
}

export async function getRequest(database: Database, code: string, extensions: boolean) {
  const [rows, ref] = await Promise.all([queryOpen311Requests(database, { codes: [code], limit: 1, offset: 0 }), reference(database)])
  if (!rows[0]) throw open311Errors.notFound(`service_request_id ${code} was not found`)
  return [requestView(rows[0], ref, extensions)]
}

export async function requestOfToken(database: Database, token: string) {
  const code = /^[0-9A-Z]{4,32}$/i.test(token) ? await codeOfToken(database, token.toUpperCase()) : null
  if (!code) throw open311Errors.notFound(`token ${token} was not found`)
  return [{ service_request_id: code, token: token.toUpperCase() }]
}

export { parseBool as parseExtensionsFlag }
