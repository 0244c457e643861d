import { leadUnitFallback, type LeadUnitFallback } from '../assignment/lead-unit.ts'
import type { NamedUnit, UnitNames } from '../assignment/types.ts'
import { DEADLINE_KINDS, type DeadlineKind, type IncidentType } from '../deadlines/types.ts'
import { AT_CENTER, deadlineRunning, NOT_ON_SITE } from './running.ts'
import type { FineClassInfo } from '../taxonomy/types.ts'
import type { ActorRole, IncidentState, ZhEnText } from '../workflow/states.ts'

/**
 * What a due timer means, given the incident as it is now (docs/DOMAIN.md §4 R1–R7, R10; §5 "the timer worker
 * compares them with now"). Pure: the API's timer worker claims a due row, locks the incident, asks
 * {@link decideTimer} and writes what it says — events, columns, follow-up timers, the R7 dispatch —
 * in the same transaction that marks the row fired.
 */

/**
 * The R10 supervision chain after the callback (回访): level 1 the dispatcher urges (催办), level 2 the
 * unit's own efficiency office supervises, level 3 the district efficiency office (区效能办) does.
 */
export const ESCALATION_CHAIN_KINDS = ['urge1', 'supervise2', 'supervise3'] as const
export type EscalationChainKind = (typeof ESCALATION_CHAIN_KINDS)[number]

/** Every kind a timer row may have: the deadline checks and the R10 chain. */
export const TIMER_KINDS = [...DEADLINE_KINDS, ...ESCALATION_CHAIN_KINDS] as const
export type TimerKind = (typeof TIMER_KINDS)[number]

export function isTimerKind(v: unknown): v is TimerKind {
  return typeof v === 'string' && (TIMER_KINDS as readonly string[]).includes(v)
}

/** Deadlines whose miss makes the incident overdue (the R8-extendable ones and the R4 dispatch). */
export const OVERDUE_KINDS: readonly DeadlineKind[] = ['dispatchBy', 'arriveBy', 'handleBy', 'resolveBy']

/** Events the worker writes (besides the R7 `dispatch` / `redispatch`, which are workflow actions). */
export const ESCALATION_ACTIONS = ['alert', 'urge', 'supervise', 'callbackDue', 'overdue'] as const
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number]

export type EscalationRule = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R10'

/** The due row as claimed. `data` is the row's jsonb (the chain kinds carry the dispatch they belong to). */
export interface DueTimer {
  kind: string
  dueAt: Date
  data?: unknown
}

/** The incident's current facts the decision looks at. */
export interface EscalationFacts {
  state: IncidentState
  type: IncidentType
  unitCode: string | null
  /** The intake assignment was a fallback / near a boundary: ownership not confirmed (docs/DOMAIN.md §6). */
  needsReview: boolean
  dispatchedAt: Date | null
  dispatchBy: Date | null
  arriveBy: Date | null
  handleBy: Date | null
  resolveBy: Date | null
  ownershipBy: Date | null
  callbackAt: Date | null
  overdueAt: Date | null
  escalationLevel: number
}

export interface EscalationContext {
  now: Date
  /** Time between the R10 steps: callback → urge (1) → unit efficiency office (2) → district (3). */
  stepIntervalMs: number
  /** For R7: the incident's fine class (null: none), the unit names and the command center. */
  ownership: { fine: FineClassInfo | null; units: UnitNames; commandCenter: NamedUnit }
}

/** Who an escalation event is for. */
export interface EscalationAudience {
  role: ActorRole
  /** The unit whose people act (the dispatched unit for level 1–2); null: the district level. */
  unitCode: string | null
}

export interface EscalationEvent {
  action: EscalationAction
  rule: EscalationRule
  /** R10 level (1–3) for `urge` / `supervise` of the chain. */
  level?: 1 | 2 | 3
  to: EscalationAudience
  message: ZhEnText
  /** The deadline or check time that was missed / reached. */
  dueAt: Date
}

export interface FollowUpTimer {
  kind: TimerKind
  dueAt: Date
  data: Record<string, unknown>
}

/** R7: the workflow step the system takes (`dispatch` from the center, `redispatch` otherwise). */
export interface OwnershipTransition {
  action: 'dispatch' | 'redispatch'
  unitCode: string
  assignment: LeadUnitFallback
}

export interface TimerDecision {
  /** Why (for the fired row and logs): `acted`, or why nothing was due any more. */
  outcome: TimerOutcome
  transition: OwnershipTransition | null
  events: EscalationEvent[]
  /** Set only when the incident was not overdue yet: overdue is marked once. */
  overdueAt: Date | null
  /** Raised only (never lowered). */
  escalationLevel: number | null
  schedule: FollowUpTimer[]
}

export type TimerOutcome =
  | 'acted'
  /** The incident's deadline column is gone or was moved later (an extension, a new step): the row is stale. */
  | 'deadline_moved'
  /** The state makes the check moot (dispatched in time, on site, resolved, closed…). */
  | 'state_moot'
  /** A chain step of an earlier dispatch (the incident was re-dispatched since). */
  | 'chain_stale'
  /** Overdue was already marked: nothing to do twice. */
  | 'already_overdue'
  | 'unknown_kind'

const CENTER: EscalationAudience = { role: 'dispatcher', unitCode: 'command_center' }

const RULE_OF: Record<DeadlineKind, (type: IncidentType) => EscalationRule> = {
  resolveBy: (type) => (type === 'consultation' ? 'R2' : type === 'simple' ? 'R3' : 'R1'),
  dispatchBy: () => 'R4',
  arriveBy: () => 'R5',
  handleBy: () => 'R6',
  ownershipBy: () => 'R7',
  callbackAt: () => 'R10',
}

const nothing = (outcome: TimerOutcome): TimerDecision => ({
  outcome,
  transition: null,
  events: [],
  overdueAt: null,
  escalationLevel: null,
  schedule: [],
})

const column = (f: EscalationFacts, kind: DeadlineKind): Date | null => f[kind]

/** The chain rows remember the dispatch they belong to (ISO of dispatched_at). */
export function chainData(f: Pick<EscalationFacts, 'dispatchedAt' | 'unitCode'>): { rule: 'R10'; dispatchedAt: string | null; unitCode: string | null } {
  return { rule: 'R10', dispatchedAt: f.dispatchedAt ? f.dispatchedAt.toISOString() : null, unitCode: f.unitCode }
}

function sameDispatch(data: unknown, f: EscalationFacts): boolean {
  const d = (data ?? {}) as { dispatchedAt?: unknown }
  if (typeof d.dispatchedAt !== 'string' || !f.dispatchedAt) return false
  return new Date(d.dispatchedAt).getTime() === f.dispatchedAt.getTime()
}

function overdue(f: EscalationFacts, kind: DeadlineKind, dueAt: Date, now: Date): { event: EscalationEvent | null; at: Date | null } {
  if (f.overdueAt) return { event: null, at: null }
  const rule = RULE_OF[kind](f.type)
  return {
    at: now,
    event: {
      action: 'overdue',
      rule,
      to: CENTER,
      dueAt,
      message: {
        zh: `已超过${KIND_ZH[kind]}期限（${rule}），标记为超期`,
        en: `Past its ${KIND_EN[kind]} deadline (${rule}): marked overdue`,
      },
    },
  }
}

const KIND_ZH: Record<DeadlineKind, string> = {
  dispatchBy: '派遣',
  arriveBy: '到场',
  handleBy: '处置',
  resolveBy: '办结',
  ownershipBy: '权属认定',
  callbackAt: '回访',
}
const KIND_EN: Record<DeadlineKind, string> = {
  dispatchBy: 'dispatch',
  arriveBy: 'on-site',
  handleBy: 'handling',
  resolveBy: 'resolution',
  ownershipBy: 'ownership',
  callbackAt: 'callback',
}

function acted(parts: Partial<TimerDecision>): TimerDecision {
  return { ...nothing('acted'), ...parts }
}

/**
 * Decides what a due timer row means now:
 * - `dispatchBy` (R4) still at the center → `alert` the center, overdue once.
 * - `arriveBy` (R5) dispatched/accepted, not on site → `urge` the unit, overdue once.
 * - `handleBy` (R6) / `resolveBy` (R1–R3) still open → overdue once (`overdue` event, `overdueAt`).
 * - `ownershipBy` (R7) still at the center (reported/registered → `dispatch`, returned → `redispatch`), or
 *   dispatched to another unit on an unconfirmed assignment (needsReview) and not accepted → the subclass's
 *   lead unit owns it ({@link leadUnitFallback}); with no fine class there is no lead unit: `alert` the center.
 * - `callbackAt` (R10) in the unit's hands → `callbackDue` (a task for the seat); not on site → `urge1`
 *   after the step interval.
 * - `urge1` / `supervise2` / `supervise3` (R10) same dispatch, still not on site → level 1 `urge`, level 2
 *   `supervise` (the unit's efficiency office), level 3 `supervise` (区效能办), each scheduling the next.
 * A deadline column that is gone or later than now means the row is stale (moved by an extension or a new
 * step): nothing. Overdue is marked once; the escalation level only rises.
 */
export function decideTimer(timer: DueTimer, f: EscalationFacts, ctx: EscalationContext): TimerDecision {
  const { now } = ctx
  const kind = timer.kind
  if (!isTimerKind(kind)) return nothing('unknown_kind')

  if ((DEADLINE_KINDS as readonly string[]).includes(kind)) {
    const due = column(f, kind as DeadlineKind)
    if (!due || due.getTime() > now.getTime()) return nothing('deadline_moved')
  }

  switch (kind) {
    case 'dispatchBy': {
      if (!deadlineRunning(kind, f.state)) return nothing('state_moot')
      const o = overdue(f, kind, f.dispatchBy!, now)
      const alert: EscalationEvent = {
        action: 'alert',
        rule: 'R4',
        to: CENTER,
        dueAt: f.dispatchBy!,
        message: {
          zh: '紧急案件受理 15 分钟内未派遣（R4），请指挥中心立即派遣',
          en: 'Urgent incident not dispatched within 15 minutes of intake (R4): the command center must dispatch it now',
        },
      }
      return acted({ events: o.event ? [alert, o.event] : [alert], overdueAt: o.at })
    }
    case 'arriveBy': {
      if (!deadlineRunning(kind, f.state)) return nothing('state_moot')
      const o = overdue(f, kind, f.arriveBy!, now)
      const urge: EscalationEvent = {
        action: 'urge',
        rule: 'R5',
        to: { role: 'handler', unitCode: f.unitCode },
        dueAt: f.arriveBy!,
        message: {
          zh: '紧急案件派遣后 6 小时内未到场（R5），请立即到场处置',
          en: 'Urgent incident: not on site within 6 hours of dispatch (R5), go on site now',
        },
      }
      return acted({ events: o.event ? [urge, o.event] : [urge], overdueAt: o.at })
    }
    case 'handleBy':
    case 'resolveBy': {
      if (!deadlineRunning(kind, f.state)) return nothing('state_moot')
      const o = overdue(f, kind, column(f, kind)!, now)
      if (!o.event) return nothing('already_overdue')
      return acted({ events: [o.event], overdueAt: o.at })
    }
    case 'ownershipBy':
      return decideOwnership(f, ctx)
    case 'callbackAt': {
      if (!deadlineRunning(kind, f.state)) return nothing('state_moot')
      const onSite = f.state === 'on_site'
      const callback: EscalationEvent = {
        action: 'callbackDue',
        rule: 'R10',
        to: CENTER,
        dueAt: f.callbackAt!,
        message: onSite
          ? {
              zh: '派遣已满 12 小时（R10）：请回访，核实处置进展',
              en: '12 hours since dispatch (R10): call back to check on the handling',
            }
          : {
              zh: '派遣已满 12 小时仍未到场（R10）：请回访；持续未到场将逐级催办、督办',
              en: '12 hours since dispatch and not on site (R10): call back; if still not on site it is urged, then supervised level by level',
            },
      }
      const schedule: FollowUpTimer[] = onSite
        ? []
        : [{ kind: 'urge1', dueAt: new Date(now.getTime() + ctx.stepIntervalMs), data: chainData(f) }]
      return acted({ events: [callback], schedule })
    }
    case 'urge1':
    case 'supervise2':
    case 'supervise3':
      return decideChainStep(kind, timer, f, ctx)
  }
}

const CHAIN: Record<EscalationChainKind, { level: 1 | 2 | 3; next: EscalationChainKind | null }> = {
  urge1: { level: 1, next: 'supervise2' },
  supervise2: { level: 2, next: 'supervise3' },
  supervise3: { level: 3, next: null },
}

function decideChainStep(kind: EscalationChainKind, timer: DueTimer, f: EscalationFacts, ctx: EscalationContext): TimerDecision {
  if (!sameDispatch(timer.data, f)) return nothing('chain_stale')
  if (!NOT_ON_SITE.includes(f.state)) return nothing('state_moot')
  const { level, next } = CHAIN[kind]
  const event: EscalationEvent =
    level === 1
      ? {
          action: 'urge',
          rule: 'R10',
          level: 1,
          to: { role: 'handler', unitCode: f.unitCode },
          dueAt: timer.dueAt,
          message: {
            zh: '回访后仍未到场（R10 一级）：指挥中心催办',
            en: 'Still not on site after the callback (R10 level 1): the command center urges the unit',
          },
        }
      : level === 2
        ? {
            action: 'supervise',
            rule: 'R10',
            level: 2,
            to: { role: 'unit_supervisor', unitCode: f.unitCode },
            dueAt: timer.dueAt,
            message: {
              zh: '催办后仍未到场（R10 二级）：由本单位内设效能办督办',
              en: 'Still not on site after being urged (R10 level 2): the unit’s own efficiency office supervises',
            },
          }
        : {
            action: 'supervise',
            rule: 'R10',
            level: 3,
            to: { role: 'efficiency_office', unitCode: null },
            dueAt: timer.dueAt,
            message: {
              zh: '单位督办后仍未到场（R10 三级）：由区效能办督办',
              en: 'Still not on site after the unit’s supervision (R10 level 3): the district efficiency office supervises',
            },
          }
  return acted({
    events: [event],
    escalationLevel: level > f.escalationLevel ? level : null,
    schedule: next
      ? [{ kind: next, dueAt: new Date(ctx.now.getTime() + ctx.stepIntervalMs), data: chainData(f) }]
      : [],
  })
}

function decideOwnership(f: EscalationFacts, ctx: EscalationContext): TimerDecision {
  if (!deadlineRunning('ownershipBy', f.state, f.needsReview)) return nothing('state_moot')
  const atCenter = AT_CENTER.includes(f.state) || f.state === 'returned'
  const unconfirmed = f.state === 'dispatched' && f.needsReview
  const { fine, units, commandCenter } = ctx.ownership
  const lead = leadUnitFallback(fine, units, commandCenter)
  if (lead.rule === 'no_class') {
    // No fine class, so no subclass and no lead unit: only the center can decide.
    if (!atCenter) return nothing('state_moot')
    return acted({
      events: [
        {
          action: 'alert',
          rule: 'R7',
          to: CENTER,
          dueAt: f.ownershipBy!,
          message: {
            zh: '紧急案件受理 12 小时仍未明确权属，且未分类、无牵头单位（R7）：请指挥中心立即分类派遣',
            en: 'Urgent incident: ownership still unclear 12 hours after intake and no fine class, so no lead unit (R7): the command center must classify and dispatch it now',
          },
        },
      ],
    })
  }
  if (unconfirmed && f.unitCode === lead.unit.code) return nothing('state_moot')
  return acted({
    transition: { action: AT_CENTER.includes(f.state) ? 'dispatch' : 'redispatch', unitCode: lead.unit.code, assignment: lead },
  })
}
