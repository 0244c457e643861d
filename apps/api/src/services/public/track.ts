import type { Rating } from '@hanjiang/shared'
import type { PublicStep, PublicTrack } from '@hanjiang/shared/contract'
import { fineClassInfo, formatShanghai, STATE_LABELS } from '@hanjiang/shared'
import { findByTrackingCode, publicEvents, type PublicEventRow, type TrackedIncident } from '../../db/repositories/public.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import { reference, type Reference } from '../assignment/reference-cache.ts'
import type { PhotoRef } from '../incidents/photos.ts'

/** Steps of the public timeline (a citizen's words for the workflow) and the answer: the wire contract. */
export type { PublicStep, PublicTrack }
type PublicTimelineEntry = PublicTrack['timeline'][number]

const STEP_OF: Record<string, PublicStep> = {
  create: 'received',
  register: 'registered',
  dispatch: 'dispatched',
  redispatch: 'dispatched',
  accept: 'accepted',
  arrive: 'on_site',
  resolve: 'resolved',
  verifyPass: 'closed',
  close: 'closed',
  answerAndClose: 'closed',
  selfResolve: 'closed',
  verifyFail: 'rework',
  returnToCenter: 'returned',
  reject: 'rejected',
  merge: 'merged',
  reopen: 'reopened',
  requestExtension: 'extension_requested',
  rate: 'rated',
  primaryClosed: 'cluster_closed',
  primaryReopened: 'cluster_reopened',
}

const ids = (photos: unknown, kinds: readonly string[]): string[] =>
  Array.isArray(photos) ? (photos as PhotoRef[]).filter((p) => kinds.includes(p.kind)).map((p) => p.id) : []

/** The photo ids the public page may show: the reporter's (only if allowed) and the work's after-photos. */
export function publicPhotoIds(t: Pick<TrackedIncident, 'photosPublic'>, events: readonly PublicEventRow[]): Set<string> {
  const out = new Set<string>()
  for (const e of events) {
    if (e.action === 'create' && t.photosPublic) for (const id of ids(e.photos, ['attachment', 'before', 'after'])) out.add(id)
    // The work's after-photos: this report's own, or the cluster primary's rectification (R9).
    if (e.action === 'resolve' || e.action === 'selfResolve' || e.action === 'primaryClosed') for (const id of ids(e.photos, ['after'])) out.add(id)
  }
  return out
}

function entryOf(e: PublicEventRow, t: TrackedIncident, ref: Reference, shown: Set<string>): PublicTimelineEntry | null {
  const data = (e.data ?? {}) as Record<string, unknown>
  let step = STEP_OF[e.action]
  if (e.action === 'decideExtension') step = data.approved === true || data.approve === true ? 'extended' : undefined!
  if (!step) return null
  const entry: PublicTimelineEntry = { at: formatShanghai(new Date(e.at)), step }
  if (step === 'dispatched') {
    const code = (e.toState === 'dispatched' && (data.unitCode as string | undefined)) || null
    const u = code ? ref.units.get(code) : undefined
    entry.unit = u ? { zh: u.name, en: u.nameEn || u.name } : null
  }
  if (step === 'extension_requested') entry.text = (data.reason as string | undefined) ?? t.extensionReason ?? null
  if (step === 'rejected') entry.text = (data.reason as string | undefined) ?? null
  const photos = ids(e.photos, ['attachment', 'before', 'after']).filter((id) => shown.has(id))
  if (photos.length) entry.photos = photos
  return entry
}

export async function trackPublic(database: Database, trackingCode: string): Promise<PublicTrack> {
  const t = await findByTrackingCode(database, trackingCode)
  if (!t) throw problems.notFound('tracking_code', 'No report with this tracking code')
  const [events, ref] = await Promise.all([publicEvents(database, t.id), reference(database)])
  const shown = publicPhotoIds(t, events)
  const info = t.fineClass ? fineClassInfo(ref.taxonomy, t.fineClass) : null
  return {
    trackingCode,
    state: t.state,
    stateLabel: STATE_LABELS[t.state as keyof typeof STATE_LABELS],
    fineClass: t.fineClass ? { code: t.fineClass, name: info?.fine.name ?? t.fineClass } : null,
    reportedAt: formatShanghai(new Date(t.createdAt)),
    timeline: events.map((e) => entryOf(e, t, ref, shown)).filter((x): x is PublicTimelineEntry => x !== null),
    rating: { canRate: t.state === 'closed' && !t.ratedThisRound, given: t.ratedThisRound ? (t.satisfaction as Rating | null) : null },
  }
}

/** Whether a photo may be served on this tracking code's page. */
export async function isPublicPhoto(database: Database, trackingCode: string, photoId: string): Promise<boolean> {
  const t = await findByTrackingCode(database, trackingCode)
  if (!t) return false
  return publicPhotoIds(t, await publicEvents(database, t.id)).has(photoId)
}
