import {
  decideTimer,
  fineClassInfo,
  incidentTypeOf,
  planAutoDispatch,
  type EscalationEvent,
  type EscalationFacts,
  type IncidentState,
  type TimerDecision,
  type TimerOutcome,
  type WorkingDayCalendar,
} from '@hanjiang/shared'
import { appendEvent, type NewEvent } from '../db/repositories/incident-events.ts'
import { updateIncidentVersioned, type IncidentPatch } from '../db/repositories/incident-patch.ts'
import { type IncidentRecord } from '../db/repositories/incident-rows.ts'
import { cancelTimers, scheduleTimers } from '../db/repositories/incident-timers.ts'
import { findIncidentById } from '../db/repositories/incidents.ts'
import { markTimerFired, type ClaimedTimer } from '../db/repositories/timers.ts'
import type { AppDb, Database } from '../db/types.ts'
import type { Actor } from '../http/actor.ts'
import type { Reference } from '../services/assignment/reference-cache.ts'

/** Who the worker's events are by (role `system`: the in-process worker, never an HTTP caller). */
export const WORKER_ACTOR: Actor = { id: 'timer-worker', role: 'system', roles: ['system'] }

/** The event of one escalation step (alert, urge, supervise, callback, overdue…): no state change. */
export function escalationEvent(
  state: string,
  e: EscalationEvent,
  now: Date,
  timer: { id: number | null; kind: string; dueAt: string },
  version: number,
): NewEvent {
  return {
    actor: WORKER_ACTOR.id,
    actorRole: WORKER_ACTOR.role,
    action: e.action,
    fromState: state,
    toState: state,
    data: {
      rule: e.rule,
      ...(e.level ? { level: e.level } : {}),
      to: e.to,
      dueAt: e.dueAt.toISOString(),
      message: e.message,
      ...(e.action === 'overdue' ? { overdueAt: now.toISOString() } : {}),
      timer,
      version,
    },
  }
}

const COMMAND_CENTER = 'command_center'

export interface FireContext {
  now: Date
  stepIntervalMs: number
  reference: Reference
  calendar: WorkingDayCalendar
}

export function escalationFacts(r: IncidentRecord): EscalationFacts {
  return {
    state: r.state as IncidentState,
    type: incidentTypeOf(r.requestType, r.track),
    unitCode: r.unitCode,
    needsReview: r.needsReview,
    dispatchedAt: r.dispatchedAt,
    dispatchBy: r.dispatchBy,
    arriveBy: r.arriveBy,
    handleBy: r.handleBy,
    resolveBy: r.resolveBy,
    ownershipBy: r.ownershipBy,
    callbackAt: r.callbackAt,
    overdueAt: r.overdueAt,
    escalationLevel: r.escalationLevel,
  }
}

export function decide(t: ClaimedTimer, rec: IncidentRecord, ctx: FireContext): TimerDecision {
  const ref = ctx.reference
  const fine = rec.fineClass ? fineClassInfo(ref.taxonomy, rec.fineClass) : null
  const center = ref.units.get(COMMAND_CENTER)
  return decideTimer({ kind: t.kind, dueAt: t.dueAt, data: t.data }, escalationFacts(rec), {
    now: ctx.now,
    stepIntervalMs: ctx.stepIntervalMs,
    ownership: {
      fine,
      units: ref.units,
      commandCenter: { code: COMMAND_CENTER, name: center?.name ?? '区数字城管中心', nameEn: center?.nameEn },
    },
  })
}

/**
 * Fires one claimed row whose incident this transaction has locked: decides on the incident as it is now,
 * then writes everything the decision says — the R7 dispatch (incident, event, timers as the workflow's own
 * plan has them), the escalation events, overdue / level columns, follow-up timers — and marks the row fired.
 * All in `tx`: a crash before commit leaves nothing behind, and the row is claimed again after a restart.
 */
export async function fireTimer(
  database: Database,
  tx: AppDb,
  t: ClaimedTimer,
  ctx: FireContext,
): Promise<TimerOutcome> {
  const { now } = ctx
  let rec = await findIncidentById(database, t.incidentId, tx)
  if (!rec) throw new Error(`timer ${t.id}: incident ${t.incidentId} does not exist`)
  const decision = decide(t, rec, ctx)
  const timerRef = { id: t.id, kind: t.kind, dueAt: t.dueAt.toISOString() }

  if (decision.transition) {
    // R7: the system's own dispatch to the lead unit (the demo simulator applies the same step).
    const step = planAutoDispatch(rec, decision.transition, now, ctx.calendar, timerRef)
    const version = await updateIncidentVersioned(database, tx, rec.id, rec.version, step.patch, now)
    if (version === null) throw new Error(`incident ${rec.id} changed under the worker's row lock`)
    await appendEvent(database, tx, rec.id, now, {
      actor: WORKER_ACTOR.id,
      actorRole: WORKER_ACTOR.role,
      action: step.action,
      fromState: rec.state,
      toState: step.to,
      data: { ...step.data, version },
    })
    await cancelTimers(database, tx, rec.id, step.cancel, now)
    await scheduleTimers(database, tx, rec.id, step.schedule, now)
    rec = (await findIncidentById(database, rec.id, tx))!
  }

  let version = rec.version
  const patch: IncidentPatch = {}
  if (decision.overdueAt) patch.overdueAt = decision.overdueAt
  if (decision.escalationLevel !== null) patch.escalationLevel = decision.escalationLevel
  if (Object.keys(patch).length) {
    const v = await updateIncidentVersioned(database, tx, rec.id, rec.version, patch, now)
    if (v === null) throw new Error(`incident ${rec.id} changed under the worker's row lock`)
    version = v
  }
  for (const e of decision.events) {
    await appendEvent(database, tx, rec.id, now, escalationEvent(rec.state, e, now, timerRef, version))
  }
  await scheduleTimers(database, tx, rec.id, decision.schedule, now)
  await markTimerFired(database, tx, t.id, now, decision.outcome)
  return decision.outcome
}
