import { createHash, randomBytes } from 'node:crypto'
import {
  computeDeadlines,
  CoordinateError,
  fineClassInfo,
  INITIAL_STATE,
  normalizePhone,
  REPORTING_ROLES,
  shanghaiDate,
  toWgs84,
  validateLngLat,
  type Crs,
  type IncidentChannel,
  type RequestType,
  type Track,
} from '@hanjiang/shared'
import { claimAuditEntry } from '../../auth/audit-writes.ts'
import { batchQueue } from '../../db/batch-queue.ts'
import { insertIncidents, type NewIncident } from '../../db/repositories/incident-intake.ts'
import { type IncidentRecord } from '../../db/repositories/incident-rows.ts'
import { findIncidentByIdempotencyKey } from '../../db/repositories/incidents.ts'
import type { Database } from '../../db/types.ts'
import { actingRole, rolesOf, type Actor } from '../../http/actor.ts'
import { Problem, problems } from '../../http/problem.ts'
import { assignPoints, type AssignmentResult, type AssignPointInput } from '../assignment/assign.ts'
import { reference } from '../assignment/reference-cache.ts'
import { workingCalendar } from '../calendar/working-calendar.ts'
import { incidentInScope } from '../../db/repositories/incident-scope.ts'
import { incidentRowScope } from '../auth/scope.ts'
import { assertAttachablePhotos } from './attachable-photos.ts'
import { withCalendar } from './problems.ts'
import { photoRefs } from './photos.ts'
import { incidentView, type IncidentView } from './view.ts'

/** Every intake path stores the one spelling of a number (normalizePhone), whoever called the service. */
function storedPhone(raw: string | null | undefined): string | null {
  if (raw == null || raw.trim() === '') return null
  const r = normalizePhone(raw)
  if (!r.ok) throw problems.validation(`reporter.phone: ${r.reason}`, [{ path: 'reporter.phone', message: r.reason }])
  return r.phone
}

export interface CreateIncidentInput {
  channel: IncidentChannel
  requestType: RequestType
  /** Default: `urgent` when the fine class is a safety hazard (R4), else `normal`. */
  track?: Track
  fineClass?: string | null
  location?: { lng: number; lat: number; crs?: Crs } | null
  address?: string | null
  description: string
  reporter?: { name?: string | null; phone?: string | null } | null
  /** Photo ids (POST /api/photos) taken when reporting. */
  photos?: string[]
  /** A patrol put up a warning sign before reporting (§8). */
  hazardMarked?: boolean
  note?: string | null
  /** The client's own id for this report: an idempotency key when no Idempotency-Key header is sent. */
  clientId?: string | null
}

export interface CreateIncidentResult {
  /** true: the key was seen before with the same body — this is the incident created then. */
  replayed: boolean
  incident: IncidentView
}

const COMMAND_CENTER = 'command_center'
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** 12 characters of Crockford base32 from crypto (60 random bits): the public tracking code. */
export function newTrackingCode(): string {
  const bytes = randomBytes(12)
  let out = ''
  for (const b of bytes) out += CROCKFORD[b & 31]
  return out
}

/** JSON with object keys sorted and undefined dropped: the same body always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null'
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`
}

export const requestHash = (input: CreateIncidentInput): string =>
  createHash('sha256').update(canonicalJson(input)).digest('base64url')

function noLocationAssignment() {
  return {
    rule: 'no_location',
    unit: { code: COMMAND_CENTER },
    needsReview: true,
    explanation: [
      { zh: '未提供位置：由指挥中心人工确定责任单位', en: 'No location given: the command center decides who owns it' },
    ],
  }
}

/**
 * Intake (docs/DOMAIN.md §5: every incident starts `reported`): validates the class and location, runs the
 * spatial assignment, then writes incident + first event + timers in one statement. Concurrent intakes
 * share the lookup and the statement (natural batching, see db/batch-queue.ts); each is answered only
 * after its statement committed, and a failing incident fails only its own request. Idempotent: a
 * retry with the same key and body returns the incident created the first time; the same key with
 * another body is refused (422 idempotency_key_reused, naming nothing). Keys are per creator: another
 * user's identical key is another request. A point outside every jurisdiction is
 * accepted and flagged for review, never refused.
 */
export async function createIncident({
  database,
  actor,
  input,
  idempotencyKey,
}: {
  database: Database
  actor: Actor
  input: CreateIncidentInput
  idempotencyKey?: string | null
}): Promise<CreateIncidentResult> {
  const role = actingRole(actor, REPORTING_ROLES)
  if (!REPORTING_ROLES.includes(role)) {
    throw problems.forbidden('role_not_allowed', `The role ${role} may not report incidents`)
  }
  const ref = await reference(database)
  const fine = input.fineClass ? fineClassInfo(ref.taxonomy, input.fineClass) : null
  if (input.fineClass && !fine) {
    throw problems.unprocessable('unknown_fine_class', `Unknown fine class ${input.fineClass}`, {
      errors: [{ path: 'fineClass', message: `unknown fine class ${input.fineClass}` }],
    })
  }
  const track: Track = input.track ?? (fine?.fine.safetyHazard ? 'urgent' : 'normal')
  const location = input.location ?? null
  if (!location && (input.fineClass || track === 'urgent' || input.channel === 'patrol')) {
    const why = input.fineClass
      ? 'a fine class is given'
      : track === 'urgent'
        ? 'the incident is urgent'
        : 'it is a patrol finding'
    throw problems.unprocessable(
      'location_required',
      `A location is required because ${why}: send location {lng, lat, crs}`,
      {
        errors: [{ path: 'location', message: 'required' }],
      },
    )
  }
  let wgs: { lng: number; lat: number } | null = null
  if (location) {
    try {
      wgs = toWgs84(validateLngLat(location), location.crs ?? 'wgs84')
    } catch (e) {
      if (!(e instanceof CoordinateError)) throw e
      throw problems.unprocessable('invalid_location', `The location is invalid: ${e.message}`, {
        errors: [{ path: 'location', message: e.message }],
      })
    }
  }
  const key = idempotencyKey ?? input.clientId ?? null
  const hash = key ? requestHash(input) : null
  if (input.photos?.length) {
    try {
      await assertAttachablePhotos(database, actor, { attachment: input.photos }, null)
    } catch (e) {
      // A retry of a report already taken: its photos are on its own incident by now (answered as a replay below).
      const prior = key && e instanceof Problem ? await findIncidentByIdempotencyKey(database, actor.id, key) : null
      if (!prior || prior.requestHash !== hash) throw e
    }
  }

  const at = new Date()
  const urgent = track === 'urgent'
  // R4 dispatch-by and R7 ownership-by run from intake (clock hours); R1–R3 start at registration.
  const calendar = urgent ? await workingCalendar(database) : null
  const deadlines = calendar ? withCalendar(() => computeDeadlines({ type: 'urgent', start: at, calendar })) : []
  const due = (k: string) => deadlines.find((d) => d.kind === k)?.dueAt ?? null

  // The assignment fields are filled in once the (batched) lookup answers.
  const row: NewIncident = {
    codeDate: shanghaiDate(at).replaceAll('-', ''),
    trackingCode: newTrackingCode(),
    channel: input.channel,
    requestType: input.requestType,
    track,
    fineClass: input.fineClass ?? null,
    safetyHazard: (fine?.fine.safetyHazard ?? false) || urgent,
    location: wgs,
    locationCrs: location ? (location.crs ?? 'wgs84') : null,
    address: input.address ?? null,
    description: input.description,
    reporterName: input.reporter?.name ?? null,
    reporterPhone: storedPhone(input.reporter?.phone),
    state: INITIAL_STATE,
    suggestedUnitCode: null,
    needsReview: true,
    streetCode: null,
    communityCode: null,
    gridCode: null,
    streetRegionId: null,
    communityRegionId: null,
    gridRegionId: null,
    assignment: null,
    hazardMarked: input.hazardMarked ?? false,
    dispatchBy: due('dispatchBy'),
    ownershipBy: due('ownershipBy'),
    idempotencyKey: key,
    requestHash: hash,
    createdBy: actor.id,
    at,
    event: {
      actor: actor.id,
      actorRole: role,
      action: 'create',
      fromState: null,
      toState: INITIAL_STATE,
      note: input.note ?? null,
      photos: photoRefs({ attachment: input.photos }),
      data: {
        channel: input.channel,
        track,
        deadlines: Object.fromEntries(deadlines.map((d) => [d.kind, { rule: d.rule, dueAt: d.dueAt.toISOString() }])),
      },
    },
    timers: deadlines.map((d) => ({ kind: d.kind, dueAt: d.dueAt, data: { rule: d.rule } })),
  }
  const point = location ? { ...location, fineClass: input.fineClass ?? null } : null

  applyAssignment(row, point ? await assignQueue(database).submit(point) : null)
  // The audit row goes into the batch statement with the incident (one commit for both).
  row.audit = claimAuditEntry()
  const inserted = await insertQueue(database).submit(row)
  if (!inserted) {
    const existing = await findIncidentByIdempotencyKey(database, actor.id, key!)
    if (!existing) throw new Error(`idempotency key ${key} conflicted but no incident holds it`)
    // The same key with another body, or a replay of an incident now out of the caller's reach (GET says 404):
    // one answer that names nothing.
    // (A citizen's replay answers only the report's own tracking code: the public form has no row scope.)
    const inScope = async () => {
      const scope = actor.role === 'public' ? null : incidentRowScope(actor)
      return !scope || (await incidentInScope(database, existing.code, scope))
    }
    if (existing.requestHash !== hash || !(await inScope())) {
      throw problems.unprocessable(
        'idempotency_key_reused',
        'This idempotency key was already used for another request; send a new key',
      )
    }
    return { replayed: true, incident: incidentView(existing, ref, rolesOf(actor)) }
  }
  return { replayed: false, incident: incidentView(recordOf(row, inserted), ref, rolesOf(actor)) }
}

/**
 * Intake runs as a two-stage pipeline of batches: ONE assignment lookup for the points of all waiting
 * intakes (current jurisdiction versions; each incident keeps their ids), then ONE statement inserting
 * every incident of a batch with its first event and timers. The stages overlap: while one batch is
 * being inserted, the next one is looked up.
 */
function assignQueue(database: Database) {
  return batchQueue(database, 'incident-intake-assign', (points: AssignPointInput[]) => assignPoints(database, points))
}

function insertQueue(database: Database) {
  return batchQueue(database, 'incident-intake-insert', (rows: NewIncident[]) => insertIncidents(database, rows))
}

function applyAssignment(row: NewIncident, assigned: AssignmentResult | null): void {
  const snapshot = assigned ?? noLocationAssignment()
  Object.assign(row, {
    location: assigned ? assigned.point : row.location,
    suggestedUnitCode: snapshot.unit.code,
    needsReview: snapshot.needsReview,
    streetCode: assigned?.street?.code ?? null,
    communityCode: assigned?.community?.code ?? null,
    gridCode: assigned?.grid?.code ?? null,
    streetRegionId: assigned?.regionVersions.street ?? null,
    communityRegionId: assigned?.regionVersions.community ?? null,
    gridRegionId: assigned?.regionVersions.grid ?? null,
    assignment: snapshot,
  })
  Object.assign(row.event.data as Record<string, unknown>, {
    unitCode: snapshot.unit.code,
    rule: snapshot.rule,
    needsReview: snapshot.needsReview,
  })
}

/** The stored row as the view needs it, without reading it back (one statement per intake). */
function recordOf(n: NewIncident, ins: { id: number; code: string }): IncidentRecord {
  // Object.assign, not `{ ...n, more }`: V8 builds a spread followed by many properties ~30× slower.
  return Object.assign({}, n, {
    id: ins.id,
    code: ins.code,
    lng: n.location?.lng ?? null,
    lat: n.location?.lat ?? null,
    version: 1,
    unitCode: null,
    firstUnitCode: null,
    arriveBy: null,
    handleBy: null,
    resolveBy: null,
    callbackAt: null,
    overdueAt: null,
    escalationLevel: 0,
    reworkCount: 0,
    reopenCount: 0,
    extensionPending: false,
    extensionDueAt: null,
    extensionReason: null,
    primaryId: null,
    primaryCode: null,
    satisfaction: null,
    createdAt: n.at,
    registeredAt: null,
    dispatchedAt: null,
    acceptedAt: null,
    arrivedAt: null,
    resolvedAt: null,
    closedAt: null,
    updatedAt: n.at,
  })
}
