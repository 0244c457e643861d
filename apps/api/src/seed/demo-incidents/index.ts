import {
  computeDeadlines,
  MissingCalendarYearError,
  shanghaiDate,
  yearOf,
  type ActorRole,
  type OfficeHours,
} from '@hanjiang/shared'
import { insertDemoIncidents, type DemoIncidentRow } from '../../db/repositories/demo-incidents.ts'
import type { IncidentRecord } from '../../db/repositories/incident-rows.ts'
import type { NewTimer } from '../../db/repositories/incident-timers.ts'
import type { AppDb, Database } from '../../db/types.ts'
import { assignPoints, type AssignmentResult } from '../../services/assignment/assign.ts'
import { loadReference } from '../../services/assignment/reference-cache.ts'
import { loadWorkingCalendar } from '../../services/calendar/working-calendar.ts'
import { sceneOf, type DemoPhotoSet } from '../demo-photos.ts'
import { readKnowledgeJson } from '../knowledge.ts'
import type { DemoRegion } from '../regions/index.ts'
import { rngFor } from '../regions/prng.ts'
import { draftIncidents, type IncidentDraft } from './draft.ts'
import { answerMerged, runLifecycle } from './lifecycle.ts'
import { IncidentSim, type SimEvent } from './simulate.ts'
import type { Rng } from './text.ts'

export interface DemoIncidentOptions {
  /** The seed time: the history ends here (default: now). The same date gives the same incidents. */
  now?: Date
  /** About this many reports over the year (default 6,000). */
  total?: number
  /** R10 step interval the worker would have used (default 60 min). */
  stepIntervalMs?: number
  /** Office hours the deadlines end with (OFFICE_HOURS; default 08:30–17:30). */
  officeHours?: OfficeHours
  /** Stored demo photos by scene (seed/demo-photos.ts): reports and resolutions of matching classes show them. */
  photos?: DemoPhotoSet
}

export interface DemoIncidentReport {
  incidents: number
  events: number
  /** Timers left pending (all due after the seed time). */
  timers: number
  /** Reports dropped because a deadline would reach a year with no calendar. */
  skipped: number
  /** Transitions the state machine refused (0 unless the script has a bug). */
  refused: number
  /** Demo photos stored (seed/demo-photos.ts; 0 without a file storage). */
  photos?: number
  ms: { assign: number; simulate: number; insert: number; photos?: number }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const ASSIGN_BATCH = 1000

function trackingCode(rng: Rng): string {
  let s = ''
  for (let i = 0; i < 12; i++) s += CROCKFORD[Math.floor(rng() * 32)]
  return s
}

/** FNV-1a of a string, in [0, 1): a share of reports decided without drawing from (and so shifting) the PRNG. */
function share(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return (h >>> 0) / 2 ** 32
}

/** Reports that come with the reporter's photo: patrol finds most, web and system reports about half, calls none. */
const REPORT_PHOTO_SHARE: Record<string, number> = { patrol: 0.85, public_web: 0.55, open311: 0.5, other_system: 0.5 }

function reporterActor(channel: string): { id: string; role: ActorRole } {
  switch (channel) {
    case 'patrol':
      return { id: 'inspector', role: 'inspector' }
    case 'public_web':
      return { id: 'public', role: 'public' }
    case 'open311':
      return { id: 'open311', role: 'public' }
    case 'other_system':
      return { id: 'city-operations-platform', role: 'system' }
    default:
      return { id: 'dispatcher', role: 'dispatcher' }
  }
}

/**
 * A year of demo incidents up to the seed time, inside the seed's transaction: reports
 * drafted from a PRNG keyed by the seed date, assigned by the real spatial assignment (batched lookups),
 * replayed through the real state machine, deadline rules and timer decisions (simulate.ts), and bulk-inserted
 * with their events and pending timers.
 */
export async function seedDemoIncidents(
  database: Database,
  tx: AppDb,
  regions: readonly DemoRegion[],
  opts: DemoIncidentOptions = {},
): Promise<DemoIncidentReport> {
  const built = await buildDemoIncidents(database, tx, regions, opts)
  const t0 = performance.now()
  await insertDemoIncidents(database, tx, built.rows)
  return { ...built.report, ms: { ...built.report.ms, insert: Math.round(performance.now() - t0) } }
}

/** The demo incidents as they would be inserted (read-only: assignment lookups in `tx`, nothing written). */
export async function buildDemoIncidents(
  database: Database,
  tx: AppDb,
  regions: readonly DemoRegion[],
  opts: DemoIncidentOptions = {},
): Promise<{ rows: DemoIncidentRow[]; report: DemoIncidentReport }> {
  const now = opts.now ?? new Date()
  const rng = rngFor('demo-incidents', shanghaiDate(now))
  const [reference, calendar] = await Promise.all([loadReference(database, tx), loadWorkingCalendar(database, tx, opts.officeHours)])
  const topics = readKnowledgeJson().map((e) => e.title)
  const drafts = draftIncidents({ now, rng, regions, taxonomy: reference.taxonomy, topics, total: opts.total ?? 6000 })
    .map((d, i) => ({ d, i }))
    // History only where the calendar reaches (a year with no calendar has no deadlines to compute).
    .filter(({ d }) => calendar.hasYear(yearOf(shanghaiDate(d.at))))

  const t0 = performance.now()
  const assigned = new Map<number, AssignmentResult>()
  const located = drafts.filter(({ d }) => d.point)
  for (let i = 0; i < located.length; i += ASSIGN_BATCH) {
    const chunk = located.slice(i, i + ASSIGN_BATCH)
    const results = await assignPoints(database, chunk.map(({ d }) => ({ ...d.point!, fineClass: d.fineClass })), { tx, ref: reference })
    chunk.forEach(({ i: idx }, k) => assigned.set(idx, results[k]!))
  }

  const t1 = performance.now()
  const ctx = { reference, calendar, stepIntervalMs: opts.stepIntervalMs ?? 60 * 60_000 }
  const ordered = [...drafts].sort((a, b) => a.d.at.getTime() - b.d.at.getTime() || a.i - b.i)
  const sims = new Map<number, IncidentSim>()
  const rows: DemoIncidentRow[] = []
  let skipped = 0
  let refused = 0
  const date = shanghaiDate(now)
  for (const [n, { d, i }] of ordered.entries()) {
    // Written while the server already answers (seed/demo-history.ts): let requests in now and then.
    if (n % 200 === 199) await new Promise<void>((resolve) => setImmediate(resolve))
    // One stream per report: its history does not shift when another report changes.
    const own = rngFor('demo-incident', date, String(d.at.getTime()), d.description)
    const code = `HJ${shanghaiDate(d.at).replaceAll('-', '')}-${String(rows.length + 1).padStart(5, '0')}`
    try {
      const tracking = trackingCode(own)
      const scene = sceneOf(d.fineClass)
      const photos = (scene && opts.photos?.get(scene)) || null
      const reported = photos && share(tracking) < (REPORT_PHOTO_SHARE[d.channel] ?? 0) ? [{ id: photos.before, kind: 'attachment' as const }] : null
      const sim = simulateOne(d, code, rows.length + 1, tracking, assigned.get(i) ?? null, ctx, reported)
      const primary = d.clusterOf === null ? undefined : sims.get(d.clusterOf)
      runLifecycle(sim, d, { now, rng: own, reference, calendar, primary, photos })
      sim.fireDue(now.getTime())
      if (primary) answerMerged(sim, primary)
      sims.set(i, sim)
      refused += sim.refused
      rows.push({ rec: sim.rec, primaryCode: sim.primaryCode, events: sim.events, timers: [...sim.timers.values()] })
    } catch (e) {
      if (!(e instanceof MissingCalendarYearError)) throw e
      skipped++
    }
  }

  const t2 = performance.now()
  const report: DemoIncidentReport = {
    incidents: rows.length,
    events: rows.reduce((n, r) => n + r.events.length, 0),
    timers: rows.reduce((n, r) => n + r.timers.length, 0),
    skipped,
    refused,
    ms: { assign: Math.round(t1 - t0), simulate: Math.round(t2 - t1), insert: 0 },
  }
  return { rows, report }
}

const NO_LOCATION = {
  rule: 'no_location',
  unit: { code: 'command_center' },
  needsReview: true,
  explanation: [{ zh: '未提供位置：由指挥中心人工确定责任单位', en: 'No location given: the command center decides who owns it' }],
}

/** The incident as intake (create.ts) leaves it: first event, R4/R7 timers for urgent ones. */
function simulateOne(
  d: IncidentDraft,
  code: string,
  id: number,
  tracking: string,
  a: AssignmentResult | null,
  ctx: ConstructorParameters<typeof IncidentSim>[3],
  reportedPhotos: { id: string; kind: 'attachment' }[] | null = null,
): IncidentSim {
  const urgent = d.track === 'urgent'
  const deadlines = urgent ? computeDeadlines({ type: 'urgent', start: d.at, calendar: ctx.calendar }) : []
  const due = (k: string) => deadlines.find((x) => x.kind === k)?.dueAt ?? null
  const snapshot = a ?? NO_LOCATION
  const actor = reporterActor(d.channel)
  const rec: IncidentRecord = {
    id,
    code,
    trackingCode: tracking,
    channel: d.channel,
    requestType: d.requestType,
    track: d.track,
    fineClass: d.fineClass,
    safetyHazard: d.safetyHazard || urgent,
    lng: a ? a.point.lng : null,
    lat: a ? a.point.lat : null,
    locationCrs: a ? 'wgs84' : null,
    address: d.address,
    description: d.description,
    reporterName: d.reporterName,
    reporterPhone: d.reporterPhone,
    state: 'reported',
    version: 1,
    unitCode: null,
    firstUnitCode: null,
    suggestedUnitCode: snapshot.unit.code,
    needsReview: snapshot.needsReview,
    streetCode: a?.street?.code ?? null,
    communityCode: a?.community?.code ?? null,
    gridCode: a?.grid?.code ?? null,
    streetRegionId: a?.regionVersions.street ?? null,
    communityRegionId: a?.regionVersions.community ?? null,
    gridRegionId: a?.regionVersions.grid ?? null,
    assignment: snapshot,
    dispatchBy: due('dispatchBy'),
    arriveBy: null,
    handleBy: null,
    resolveBy: null,
    ownershipBy: due('ownershipBy'),
    callbackAt: null,
    overdueAt: null,
    escalationLevel: 0,
    reworkCount: 0,
    reopenCount: 0,
    hazardMarked: false,
    extensionPending: false,
    extensionDueAt: null,
    extensionReason: null,
    primaryId: null,
    primaryCode: null,
    satisfaction: null,
    idempotencyKey: null,
    requestHash: null,
    createdBy: actor.id,
    createdAt: d.at,
    registeredAt: null,
    dispatchedAt: null,
    acceptedAt: null,
    arrivedAt: null,
    resolvedAt: null,
    closedAt: null,
    updatedAt: d.at,
  }
  const create: SimEvent = {
    at: d.at,
    actor: actor.id,
    actorRole: actor.role,
    action: 'create',
    fromState: null,
    toState: 'reported',
    note: null,
    photos: reportedPhotos,
    data: {
      channel: d.channel,
      track: d.track,
      deadlines: Object.fromEntries(deadlines.map((x) => [x.kind, { rule: x.rule, dueAt: x.dueAt.toISOString() }])),
      unitCode: snapshot.unit.code,
      rule: snapshot.rule,
      needsReview: snapshot.needsReview,
    },
  }
  const timers: NewTimer[] = deadlines.map((x) => ({ kind: x.kind, dueAt: x.dueAt, data: { rule: x.rule } }))
  return new IncidentSim(rec, create, timers, ctx)
}
