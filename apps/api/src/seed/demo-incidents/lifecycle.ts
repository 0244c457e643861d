import {
  CLUSTER_CLOSED_ACTION,
  CLUSTER_REOPENED_ACTION,
  clusterClosedMessage,
  clusterReopenedMessage,
  fineClassInfo,
  workingDaysDeadline,
  OPEN_STATES,
  type ActorRole,
  type WorkingDayCalendar,
  incidentTypeOf,
} from '@hanjiang/shared'
import type { Reference } from '../../services/assignment/reference-cache.ts'
import type { IncidentDraft } from './draft.ts'
import type { IncidentSim, SimActor, StepInput } from './simulate.ts'
import {
  CLOSE_NOTES, EXTENSION_REASONS, pick, REJECT_REASONS, REOPEN_REASONS, RESOLVE_NOTES, RETURN_REASONS, VERIFY_FAIL_REASONS,
  weighted, type Rng,
} from './text.ts'

/**
 * What happens to one demo report, as a script of workflow steps with plausible delays: most go registered →
 * dispatched → accepted → on site → resolved → verified/closed, some are returned and re-dispatched (R6), get an
 * extension (R8), fail verification (rework), are called back and reopened; urgent ones are sometimes slow, so
 * the worker's alerts, urges and supervision levels (R4, R5, R10) fire on them. The script stops at the first
 * step after the seed time: recent reports stay open in whatever state they reached.
 */

const M = 60_000
const H = 60 * M
const D = 24 * H
const DISPATCHER: SimActor = { id: 'dispatcher', role: 'dispatcher' }
const INSPECTOR: SimActor = { id: 'inspector', role: 'inspector' }
/** A primary can take members while it is open. */
const MERGEABLE = OPEN_STATES

export interface LifecycleContext {
  now: Date
  rng: Rng
  reference: Reference
  calendar: WorkingDayCalendar
  /** The cluster primary's simulation, for a repeat report (merged only while the primary is still open). */
  primary?: IncidentSim
  /** The stored demo photos of this incident's scene (none: its class has no scene, or the seed stores none). */
  photos?: { before: string; after: string } | null
}

export function runLifecycle(sim: IncidentSim, draft: IncidentDraft, o: LifecycleContext): void {
  const { rng, now } = o
  const rec = sim.rec
  const type = incidentTypeOf(draft.requestType, draft.track)
  const urgent = type === 'urgent'
  // Most units are prompt; some slow; a few get stuck (these make the overdue list).
  const pace = rng() < 0.03 ? 8 : rng() < 0.1 ? 3 : 1
  const between = (a: number, b: number) => a + rng() * (b - a)
  const skew = (a: number, b: number) => a + (b - a) * rng() ** 2
  let t = draft.at.getTime()
  // Some recent ones get stuck after a step (the open ledger, and what is overdue now).
  const recent = now.getTime() - t < 45 * D
  const stopAfter = recent && !draft.primary && rng() < 0.1 ? pick(rng, ['intake', 'register', 'dispatch', 'accept', 'arrive', 'returnToCenter', 'resolve'] as const) : null
  // Web and system reports can wait unregistered; calls and patrol findings are registered at once.
  let halted = stopAfter === 'intake' && !urgent && ['public_web', 'open311', 'other_system'].includes(draft.channel)
  const handler = (): SimActor => ({ id: `handler.${rec.unitCode ?? 'unit'}`, role: 'handler' })
  // The unit's after-photo (the API requires one to resolve): the scene's "after", when it has one.
  const afterPhoto = o.photos ? [{ id: o.photos.after, kind: 'after' as const }] : null
  const step = (action: Parameters<IncidentSim['act']>[0], actor: SimActor | (() => SimActor), delay: number, input: StepInput = {}) => {
    t += Math.round(delay)
    if (halted || t >= now.getTime()) return false
    const ok = sim.act(action, typeof actor === 'function' ? actor() : actor, new Date(t), input)
    if (ok && action === stopAfter) halted = true
    return ok && !halted
  }

  // Seats register calls at once; web and system reports wait for a seat (overnight ones until the morning).
  const registerDelay = () =>
    urgent
      ? between(1 * M, 6 * M)
      : draft.channel === 'hotline_12345' || draft.channel === 'hotline_12315' || draft.channel === 'hotline_12369'
        ? between(1 * M, 8 * M)
        : draft.channel === 'patrol'
          ? skew(5 * M, 60 * M)
          : skew(15 * M, 16 * H)

  const unitFor = (): string => {
    const fine = rec.fineClass ? fineClassInfo(o.reference.taxonomy, rec.fineClass) : null
    const suggested = rec.suggestedUnitCode
    if (suggested && suggested !== 'command_center') return suggested
    return fine?.subclass.leadUnit ?? 'service_center'
  }
  const otherUnit = (): string => {
    const current = rec.unitCode
    const candidates = ((rec.assignment as { candidates?: { unit: { code: string } }[] } | null)?.candidates ?? []).map((c) => c.unit.code)
    const fine = rec.fineClass ? fineClassInfo(o.reference.taxonomy, rec.fineClass) : null
    const office = rec.streetCode ? o.reference.streetOffices.get(rec.streetCode)?.code : undefined
    const options = [...candidates, fine?.subclass.leadUnit, office, 'city_admin', 'law_enforcement']
    return options.find((u): u is string => !!u && u !== current && u !== 'command_center')!
  }

  const callback = (pass: number): void => {
    if (!draft.reporterPhone || rng() > 0.85) return
    t += skew(2 * H, 36 * H)
    if (t >= now.getTime()) return
    const satisfaction = weighted(rng, [['satisfied', 80], ['basically_satisfied', 13], ['not_satisfied', 7]] as const)
    sim.note('callback', DISPATCHER, new Date(t), { reached: true, satisfaction }, { satisfaction })
    if (satisfaction === 'not_satisfied' && pass === 1 && rng() < 0.5) {
      if (step('reopen', DISPATCHER, between(10 * M, 2 * H), { reason: pick(rng, REOPEN_REASONS) })) handle(2)
    }
  }

  const handle = (pass: number): void => {
    const fast = pass > 1 ? 0.5 : 1
    const dispatchDelay = urgent ? (rng() < 0.06 ? between(16 * M, 40 * M) : between(2 * M, 8 * M)) : skew(10 * M, 8 * H)
    if (!step('dispatch', DISPATCHER, dispatchDelay, { unitCode: unitFor() })) return
    if (stopAfter === 'returnToCenter' || rng() < (rec.needsReview ? 0.15 : 0.04)) {
      if (!step('returnToCenter', handler, skew(20 * M, 4 * H), { reason: pick(rng, RETURN_REASONS), hazardMarked: rec.safetyHazard })) return
      if (!step('redispatch', DISPATCHER, skew(10 * M, 2 * H), { unitCode: otherUnit() })) return
    }
    if (!step('accept', handler, (urgent ? skew(5 * M, 1 * H) : skew(10 * M, 8 * H) * pace) * fast)) return
    if (!urgent && (draft.primary || rng() < 0.06) && rec.resolveBy) {
      const due = rec.resolveBy.getTime()
      const at = Math.min(t + between(1 * H, 20 * H), due - 2 * H)
      if (at > t) {
        const newDueAt = workingDaysDeadline(rec.resolveBy, draft.primary ? 5 : 2 + Math.floor(rng() * 2), o.calendar)
        if (!step('requestExtension', handler, at - t, { reason: pick(rng, EXTENSION_REASONS), newDueAt })) return
        const approve = draft.primary || rng() < 0.8
        if (!step('decideExtension', DISPATCHER, between(1 * H, 6 * H), approve ? { approve } : { approve, reason: '现有期限内可以完成，不予延期' })) return
      }
    }
    const arriveDelay = urgent
      ? rng() < 0.12 ? between(7 * H, 20 * H) : skew(20 * M, 4 * H)
      : skew(2 * H, 36 * H) * pace * fast * (type === 'simple' ? 0.1 : 1)
    if (!step('arrive', handler, arriveDelay, { hazardMarked: rec.safetyHazard || undefined })) return
    const resolveDelay = urgent
      ? skew(1 * H, 6 * H)
      : draft.primary
        ? between(3 * D, 5 * D)
        : skew(1 * H, 36 * H) * pace * fast * (type === 'simple' ? 0.1 : 1)
    if (!step('resolve', handler, resolveDelay, { note: pick(rng, RESOLVE_NOTES), photos: true, photoRefs: afterPhoto })) return
    if (rng() < 0.06) {
      if (!step('verifyFail', INSPECTOR, skew(1 * H, 20 * H), { reason: pick(rng, VERIFY_FAIL_REASONS) })) return
      if (!step('arrive', handler, skew(1 * H, 8 * H))) return
      if (!step('resolve', handler, skew(1 * H, 12 * H), { note: pick(rng, RESOLVE_NOTES), photos: true, photoRefs: afterPhoto })) return
    }
    const closed =
      draft.channel === 'patrol' || rng() < 0.6
        ? step('verifyPass', INSPECTOR, skew(2 * H, 30 * H))
        : step('close', DISPATCHER, skew(2 * H, 30 * H), { note: pick(rng, CLOSE_NOTES) })
    if (closed) callback(pass)
  }

  if (draft.channel === 'patrol' && !urgent && rng() < 0.22) {
    const both = o.photos ? [{ id: o.photos.before, kind: 'before' as const }, { id: o.photos.after, kind: 'after' as const }] : null
    step('selfResolve', INSPECTOR, skew(8 * M, 45 * M), { photos: true, photoRefs: both })
    return
  }
  if (draft.clusterOf === null && !urgent && rng() < 0.025) {
    step('reject', DISPATCHER, registerDelay(), { reason: pick(rng, REJECT_REASONS) })
    return
  }
  if (!step('register', DISPATCHER, registerDelay(), { incidentType: type })) return
  if (o.primary) {
    const at = t + between(5 * M, 90 * M)
    if (MERGEABLE.includes(o.primary.stateAt(at))) {
      step('merge', DISPATCHER, at - t, { primaryCode: o.primary.rec.code })
      return
    }
  }
  const answerHere = (type === 'consultation' && (!rec.fineClass || rng() < 0.7)) || (type === 'simple' && rng() < 0.55)
  if (answerHere) {
    const delay = type === 'consultation' ? skew(5 * M, 20 * H) : skew(10 * M, 3 * H)
    const note = draft.topic ? `已按知识库《${draft.topic}》答复来电人` : pick(rng, CLOSE_NOTES)
    if (step('answerAndClose', DISPATCHER, delay, { note })) callback(2)
    return
  }
  handle(1)
}

/**
 * R9, as transition.ts does it when a primary closes: each closing of `primary` after `member` was merged into it
 * gives the member one `primaryClosed` event (same time, actor, closing note and the primary's after-photos);
 * each reopen after a closing one `primaryReopened` (tell-members-reopened.ts: same time and actor, the reason).
 */
export function answerMerged(member: IncidentSim, primary: IncidentSim): void {
  if (member.rec.state !== 'merged') return
  const mergedAt = member.events[member.events.length - 1]!.at.getTime()
  let after: unknown = null
  for (const e of primary.events) {
    if ((e.action === 'resolve' || e.action === 'selfResolve') && Array.isArray(e.photos)) {
      const photos = (e.photos as { id: string; kind: string }[]).filter((p) => p.kind === 'after')
      after = photos.length ? photos : null
    }
    if (e.at.getTime() < mergedAt) continue
    const actor = { id: e.actor ?? 'dispatcher', role: (e.actorRole ?? 'dispatcher') as ActorRole }
    if (e.action === 'reopen' && e.fromState === 'closed') {
      const reopened = {
        rule: 'R9',
        primaryCode: primary.rec.code,
        primaryAction: 'reopen',
        via: 'workflow',
        reopenedAt: e.at.toISOString(),
        message: clusterReopenedMessage(primary.rec.code),
      }
      const reason = (e.data as { reason?: string } | null)?.reason ?? null
      member.note(CLUSTER_REOPENED_ACTION, actor, e.at, reopened, {}, { note: reason, photos: null })
      continue
    }
    if (e.toState !== 'closed' || e.fromState === 'closed') continue
    const data = {
      rule: 'R9',
      primaryCode: primary.rec.code,
      primaryAction: e.action,
      closedAt: e.at.toISOString(),
      message: clusterClosedMessage(primary.rec.code),
    }
    member.note(CLUSTER_CLOSED_ACTION, actor, e.at, data, {}, { note: e.note ?? null, photos: after })
  }
}
