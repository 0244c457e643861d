import {
  checkTransition,
  MissingCalendarYearError,
  planAutoDispatch,
  planStep,
  type ActorRole,
  type IncidentState,
  type PlanInput,
  type WorkflowAction,
  type WorkingDayCalendar,
} from '@hanjiang/shared'
import type { NewEvent } from '../../db/repositories/incident-events.ts'
import type { IncidentPatch } from '../../db/repositories/incident-patch.ts'
import type { IncidentRecord } from '../../db/repositories/incident-rows.ts'
import type { NewTimer } from '../../db/repositories/incident-timers.ts'
import type { Reference } from '../../services/assignment/reference-cache.ts'
import { extensionTarget, factsOf } from '../../services/incidents/view.ts'
import { decide, escalationEvent, WORKER_ACTOR } from '../../worker/fire.ts'

/**
 * One incident's history replayed in memory with the API's own rules: `checkTransition` (the state machine),
 * `planStep` (deadlines, timers, event data — what transition.ts writes) and the timer worker's
 * `decide` (what fire.ts writes), fired in time order between the steps. So the demo's columns, events and
 * pending timers are exactly what the running system would have produced, and the worker finds nothing
 * overdue-but-unfired at its first tick: every check due before the seed time has already been fired here.
 */

export interface SimEvent extends NewEvent {
  at: Date
}

export interface SimTimer {
  kind: string
  dueAt: Date
  data: unknown
  /** When the row was written: a row due in the past (rework under an old deadline) fires at its next tick. */
  since?: Date
}

export interface SimActor {
  id: string
  role: ActorRole
}

export interface SimContext {
  reference: Reference
  calendar: WorkingDayCalendar
  stepIntervalMs: number
}

export interface StepInput extends Omit<PlanInput, 'primary'> {
  note?: string
  /** Photos the real API would require (resolve, selfResolve): the check sees placeholders… */
  photos?: boolean
  /** …and the event carries these stored demo photos, when the incident has a scene (seed/demo-photos.ts). */
  photoRefs?: { id: string; kind: 'before' | 'after' | 'attachment' }[] | null
  primaryCode?: string
}

const PLACEHOLDER_PHOTO = ['demo-photo']

export class IncidentSim {
  readonly events: SimEvent[] = []
  readonly timers = new Map<string, SimTimer>()
  /** Transitions the state machine refused (a generator bug if ever non-zero; counted, not thrown). */
  refused = 0
  primaryCode: string | null = null

  constructor(
    readonly rec: IncidentRecord,
    create: SimEvent,
    timers: readonly NewTimer[],
    private readonly ctx: SimContext,
  ) {
    this.events.push(create)
    this.schedule(timers)
  }

  /** The state at `t` (after every event at or before it). */
  stateAt(t: number): IncidentState {
    let s = this.events[0]!.toState
    for (const e of this.events) if (e.at.getTime() <= t) s = e.toState
    return s as IncidentState
  }

  /** Fires, in due order, every pending check due at or before `until`, as the worker would have. */
  fireDue(until: number): void {
    for (;;) {
      let next: SimTimer | null = null
      for (const t of this.timers.values()) if (!next || t.dueAt.getTime() < next.dueAt.getTime()) next = t
      if (!next || next.dueAt.getTime() > until) return
      this.timers.delete(next.kind)
      this.fire(next)
    }
  }

  /** One workflow action, if the state machine allows it (pending checks due before it fire first). */
  act(action: WorkflowAction, actor: SimActor, at: Date, input: StepInput = {}): boolean {
    this.fireDue(at.getTime())
    const rec = this.rec
    const check = checkTransition({
      state: rec.state as IncidentState,
      action,
      role: actor.role,
      input: {
        note: input.note,
        reason: input.reason,
        unitId: input.unitCode,
        hazardMarked: input.hazardMarked,
        incidentType: input.incidentType,
        primaryIncidentId: input.primaryCode,
        newDueAt: input.newDueAt?.toISOString(),
        approve: input.approve,
        beforePhotos: input.photos ? PLACEHOLDER_PHOTO : undefined,
        afterPhotos: input.photos ? PLACEHOLDER_PHOTO : undefined,
        at,
      },
      incident: factsOf(rec),
    })
    const needsTarget = action === 'requestExtension' || (action === 'decideExtension' && input.approve)
    if (!check.ok || (needsTarget && !extensionTarget(rec))) {
      this.refused++
      return false
    }
    let plan: ReturnType<typeof planStep>
    try {
      const planInput = { ...input, primary: input.primaryCode ? { id: -1, code: input.primaryCode } : undefined }
      plan = planStep(action, check.to, rec, planInput, at, this.ctx.calendar)
    } catch (e) {
      // As the API: a deadline in a year with no calendar refuses the step (422), the incident stays where it is.
      if (e instanceof MissingCalendarYearError) return false
      throw e
    }
    const { patch, data } = plan
    const from = rec.state
    const version = this.apply(patch, at)
    if (action === 'merge') {
      rec.primaryId = null // the id exists only once inserted: set from primaryCode then
      this.primaryCode = input.primaryCode!
    }
    this.events.push({
      at,
      actor: actor.id,
      actorRole: actor.role,
      action,
      fromState: from,
      toState: check.to,
      note: input.note ?? null,
      photos: input.photoRefs?.length ? input.photoRefs : null,
      data: { ...data, version },
    })
    this.cancel(plan.cancel)
    this.schedule(plan.schedule, at)
    return true
  }

  /** An event that is not a transition (a callback's result, a cluster's answer), with the columns it sets. */
  note(
    action: string,
    actor: SimActor,
    at: Date,
    data: Record<string, unknown>,
    patch: Partial<IncidentRecord> = {},
    extra: { note?: string | null; photos?: unknown } = {},
  ): void {
    this.fireDue(at.getTime())
    Object.assign(this.rec, patch)
    const version = this.apply({}, at)
    this.events.push({
      at,
      actor: actor.id,
      actorRole: actor.role,
      action,
      fromState: this.rec.state,
      toState: this.rec.state,
      note: extra.note ?? null,
      photos: extra.photos ?? null,
      data: { ...data, version },
    })
  }

  /** fire.ts, in memory. */
  private fire(t: SimTimer): void {
    const rec = this.rec
    const now = t.since && t.since.getTime() > t.dueAt.getTime() ? t.since : t.dueAt
    const decision = decide({ id: 0, incidentId: 0, kind: t.kind, dueAt: t.dueAt, data: (t.data ?? null) as Record<string, unknown> | null }, rec, {
      now,
      stepIntervalMs: this.ctx.stepIntervalMs,
      reference: this.ctx.reference,
      calendar: this.ctx.calendar,
    })
    const timerRef = { id: null, kind: t.kind, dueAt: t.dueAt.toISOString() }
    if (decision.transition) {
      const step = planAutoDispatch(rec, decision.transition, now, this.ctx.calendar, timerRef)
      const from = rec.state
      const version = this.apply(step.patch, now)
      this.events.push({ at: now, actor: WORKER_ACTOR.id, actorRole: WORKER_ACTOR.role, action: step.action, fromState: from, toState: step.to, data: { ...step.data, version } })
      this.cancel(step.cancel)
      this.schedule(step.schedule, now)
    }
    const patch: IncidentPatch = {}
    if (decision.overdueAt) patch.overdueAt = decision.overdueAt
    if (decision.escalationLevel !== null) patch.escalationLevel = decision.escalationLevel
    const version = Object.keys(patch).length ? this.apply(patch, now) : rec.version
    for (const e of decision.events) this.events.push({ at: now, ...escalationEvent(rec.state, e, now, timerRef, version) })
    this.schedule(decision.schedule, now)
  }

  /** updateIncidentVersioned, in memory. */
  private apply(patch: IncidentPatch, at: Date): number {
    const rec = this.rec as unknown as Record<string, unknown>
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue
      if (k === 'incrementRework') this.rec.reworkCount++
      else if (k === 'incrementReopen') this.rec.reopenCount++
      else rec[k] = v
    }
    this.rec.version++
    this.rec.updatedAt = at
    return this.rec.version
  }

  private cancel(kinds: readonly string[] | 'all'): void {
    if (kinds === 'all') this.timers.clear()
    else for (const k of kinds) this.timers.delete(k)
  }

  /** scheduleTimers, in memory: one pending check per kind; the same due time keeps the row. */
  private schedule(timers: readonly { kind: string; dueAt: Date; data?: unknown }[], since?: Date): void {
    for (const t of timers) {
      const have = this.timers.get(t.kind)
      if (have && have.dueAt.getTime() === t.dueAt.getTime()) continue
      this.timers.set(t.kind, { kind: t.kind, dueAt: t.dueAt, data: t.data ?? null, since })
    }
  }
}
