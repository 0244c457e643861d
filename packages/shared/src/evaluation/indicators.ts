import type { WorkingDayCalendar } from '../calendar/workingCalendar.ts'
import { MissingCalendarYearError } from '../calendar/types.ts'
import { DEADLINE_RULES } from '../deadlines/rules.ts'
import type { EvaluationFacts } from './facts.ts'
import { workingMsBetween } from './working-time.ts'

/**
 * The evaluation indicators (docs/EVALUATION.md has the table: names, formulas, which events count). Every
 * number is a sum of per-incident flags ({@link incidentFlags}), so the incidents behind any number are
 * exactly those whose flag is set ({@link incidentsBehind}) — the drill-down cannot disagree with the figure.
 */

export type EvaluationLevel = 'district' | 'street' | 'unit'

export type EvaluationScope = { level: 'district' } | { level: 'street'; code: string } | { level: 'unit'; code: string }

/** Per-incident contributions to each count (0 or 1, except the event counts). */
export interface IncidentFlags {
  received: number
  registered: number
  dispatchDue: number
  dispatchedOnTime: number
  dispatches: number
  accurateDispatches: number
  handlingDue: number
  handled: number
  handledOnTime: number
  overdue: number
  overdueOpen: number
  reworked: number
  reworkEvents: number
  extended: number
  returns: number
  urgent: number
  urgentRegistrationDue: number
  urgentRegisteredIn15: number
  urgentArrivalDue: number
  urgentArrivedIn6h: number
  leadUnitFallbacks: number
  /** Office hours from the first dispatch to the last resolve (handled ones; null otherwise). */
  handlingWorkingMs: number | null
  satisfactionHeard: number
  satisfied: number
}

export type CountKey = Exclude<keyof IncidentFlags, 'handlingWorkingMs'>

export interface Indicators extends Record<CountKey, number> {
  dispatchOnTimeRate: number | null
  accurateDispatchRate: number | null
  handlingRate: number | null
  handledOnTimeRate: number | null
  overdueOpenRate: number | null
  reworkRate: number | null
  extensionRate: number | null
  urgentRegistrationRate: number | null
  urgentArrivalRate: number | null
  /** Mean office hours per handled incident (null: none handled, or none measurable). */
  meanHandlingHours: number | null
  handlingTimeCount: number
  satisfactionRate: number | null
}

export const COUNT_KEYS: readonly CountKey[] = [
  'received', 'registered', 'dispatchDue', 'dispatchedOnTime', 'dispatches', 'accurateDispatches', 'handlingDue', 'handled',
  'handledOnTime', 'overdue', 'overdueOpen', 'reworked', 'reworkEvents', 'extended', 'returns', 'urgent', 'urgentRegistrationDue',
  'urgentRegisteredIn15', 'urgentArrivalDue', 'urgentArrivedIn6h', 'leadUnitFallbacks', 'satisfactionHeard', 'satisfied',
]

/** Each rate: numerator / denominator (both count keys); the drill-down follows the same pairs. */
export const RATES = {
  dispatchOnTimeRate: ['dispatchedOnTime', 'dispatchDue'],
  accurateDispatchRate: ['accurateDispatches', 'dispatches'],
  handlingRate: ['handled', 'handlingDue'],
  handledOnTimeRate: ['handledOnTime', 'handlingDue'],
  overdueOpenRate: ['overdueOpen', 'handlingDue'],
  reworkRate: ['reworked', 'handlingDue'],
  extensionRate: ['extended', 'handlingDue'],
  urgentRegistrationRate: ['urgentRegisteredIn15', 'urgentRegistrationDue'],
  urgentArrivalRate: ['urgentArrivedIn6h', 'urgentArrivalDue'],
  satisfactionRate: ['satisfied', 'satisfactionHeard'],
} as const satisfies Record<string, readonly [CountKey, CountKey]>

export type RateKey = keyof typeof RATES

const URGENT_REGISTER_MS = DEADLINE_RULES.R4.ms
const URGENT_ARRIVE_MS = DEADLINE_RULES.R5.ms
const HANDLED: readonly string[] = ['resolved', 'closed']
/** States in which a dispatched unit still has to get on site. */
const AWAITING_ARRIVAL: readonly string[] = ['dispatched', 'accepted']
const ZERO: IncidentFlags = Object.freeze({
  received: 0, registered: 0, dispatchDue: 0, dispatchedOnTime: 0, dispatches: 0, accurateDispatches: 0, handlingDue: 0, handled: 0,
  handledOnTime: 0, overdue: 0, overdueOpen: 0, reworked: 0, reworkEvents: 0, extended: 0, returns: 0, urgent: 0,
  urgentRegistrationDue: 0, urgentRegisteredIn15: 0, urgentArrivalDue: 0, urgentArrivedIn6h: 0, leadUnitFallbacks: 0,
  handlingWorkingMs: null, satisfactionHeard: 0, satisfied: 0,
})

/**
 * The unit that has the incident at the period's end: the last dispatch's unit, unless it was returned
 * to the center after that (then no unit has it).
 */
export function handlingUnitOf(f: EvaluationFacts): string | null {
  const last = f.dispatches[f.dispatches.length - 1]
  if (!last) return null
  if (f.endState === 'returned') return null
  return last.unitCode
}

/**
 * One incident's contribution to the indicators of `scope`, as of `periodEnd` (the instant the facts were
 * read up to; the running period: now). District and street: the incident as a whole. Unit: dispatch
 * figures count the dispatches to that unit and its returns; handling figures count when it is the unit
 * that has the incident at the period's end ({@link handlingUnitOf}).
 */
export function incidentFlags(f: EvaluationFacts, scope: EvaluationScope, periodEnd: Date, calendar: WorkingDayCalendar): IncidentFlags {
  if (scope.level === 'street' && f.streetCode !== scope.code) return ZERO
  const unit = scope.level === 'unit' ? scope.code : null
  const mine = (code: string): boolean => unit === null || code === unit
  const dispatches = f.dispatches.filter((d) => mine(d.unitCode))
  const returns = f.returns.filter((r) => mine(r.unitCode))
  if (unit !== null && dispatches.length === 0) return ZERO
  const handler = handlingUnitOf(f)
  const handling = f.dispatches.length > 0 && (unit === null || handler === unit)

  const out: IncidentFlags = { ...ZERO }
  out.received = 1
  out.registered = f.registeredAt ? 1 : 0
  out.dispatches = dispatches.length
  out.returns = returns.length
  // A dispatch is accurate when that unit did not send it back (each return answers the dispatch before it).
  out.accurateDispatches = Math.max(0, dispatches.length - returns.length)
  out.leadUnitFallbacks = dispatches.filter((d) => d.leadUnitFallback).length

  const first = f.dispatches[0] ?? null
  const in15 = first !== null && first.at.getTime() - f.receivedAt.getTime() <= URGENT_REGISTER_MS
  // 应派遣: dispatched; or urgent, registered and still waiting at the center (the only kind with a dispatch limit).
  // Counted for the unit of the first dispatch at unit level (the center's work, shown where it landed).
  const firstMine = first !== null && mine(first.unitCode)
  if (unit === null ? first !== null || (f.urgent && f.registeredAt !== null) : firstMine) {
    out.dispatchDue = 1
    out.dispatchedOnTime = first !== null && (!f.urgent || in15) ? 1 : 0
  }
  if (f.urgent) {
    out.urgent = 1
    if (f.registeredAt && (unit === null || firstMine)) {
      out.urgentRegistrationDue = 1
      out.urgentRegisteredIn15 = in15 ? 1 : 0
    }
  }

  if (handling) {
    const handled = HANDLED.includes(f.endState) && f.lastResolvedAt !== null
    out.handlingDue = 1
    out.handled = handled ? 1 : 0
    out.overdue = f.overdue ? 1 : 0
    out.handledOnTime = handled && !f.overdue ? 1 : 0
    out.overdueOpen = f.overdue && !handled ? 1 : 0
    out.reworkEvents = f.reworks
    out.reworked = f.reworks > 0 ? 1 : 0
    out.extended = f.extensionsApproved > 0 ? 1 : 0
    if (f.urgent) {
      // R5/R6: measured from the dispatch the arrival answered (after a return, the re-dispatch).
      if (f.firstArrivedAt) {
        const base = [...f.dispatches].reverse().find((d) => d.at.getTime() <= f.firstArrivedAt!.getTime())
        if (base) {
          out.urgentArrivalDue = 1
          out.urgentArrivedIn6h = f.firstArrivedAt.getTime() - base.at.getTime() <= URGENT_ARRIVE_MS ? 1 : 0
        }
      } else {
        const last = f.dispatches[f.dispatches.length - 1]!
        if (AWAITING_ARRIVAL.includes(f.endState) && periodEnd.getTime() - last.at.getTime() > URGENT_ARRIVE_MS) out.urgentArrivalDue = 1
      }
    }
    if (handled) {
      try {
        out.handlingWorkingMs = workingMsBetween(first!.at, f.lastResolvedAt!, calendar)
      } catch (e) {
        if (!(e instanceof MissingCalendarYearError)) throw e
      }
    }
    if (f.satisfaction) {
      out.satisfactionHeard = 1
      out.satisfied = f.satisfaction === 'not_satisfied' ? 0 : 1
    }
  } else if (unit === null && f.satisfaction) {
    // Answered at the center (consultations): their callbacks count for the district and the street.
    out.satisfactionHeard = 1
    out.satisfied = f.satisfaction === 'not_satisfied' ? 0 : 1
  }
  return out
}

const rate = (n: number, d: number): number | null => (d > 0 ? n / d : null)

/** Sums flags into the indicators. */
export function sumIndicators(flags: Iterable<IncidentFlags>): Indicators {
  const c = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Record<CountKey, number>
  let ms = 0
  let timed = 0
  for (const f of flags) {
    for (const k of COUNT_KEYS) c[k] += f[k]
    if (f.handlingWorkingMs !== null) {
      ms += f.handlingWorkingMs
      timed++
    }
  }
  const rates = Object.fromEntries(Object.entries(RATES).map(([k, [n, d]]) => [k, rate(c[n], c[d])])) as Record<RateKey, number | null>
  return { ...c, ...rates, meanHandlingHours: timed ? ms / timed / 3_600_000 : null, handlingTimeCount: timed }
}

/** The indicators of one scope over the facts of a period. */
export function computeIndicators(
  facts: readonly EvaluationFacts[],
  scope: EvaluationScope,
  periodEnd: Date,
  calendar: WorkingDayCalendar,
): Indicators {
  return sumIndicators(facts.map((f) => incidentFlags(f, scope, periodEnd, calendar)))
}

/**
 * The incidents behind a number: those whose flag for `key` is non-zero (for a rate, its numerator; pass the
 * denominator's key for the rest). For meanHandlingHours: the handled ones that were timed.
 */
export function incidentsBehind(
  facts: readonly EvaluationFacts[],
  scope: EvaluationScope,
  key: CountKey | 'handlingWorkingMs',
  periodEnd: Date,
  calendar: WorkingDayCalendar,
): EvaluationFacts[] {
  return facts.filter((f) => {
    const v = incidentFlags(f, scope, periodEnd, calendar)[key]
    return v !== null && (key === 'handlingWorkingMs' || v > 0)
  })
}

/** Every indicator key the API accepts for a drill-down. */
export function isCountKey(k: string): k is CountKey {
  return (COUNT_KEYS as readonly string[]).includes(k)
}
export function isRateKey(k: string): k is RateKey {
  return Object.prototype.hasOwnProperty.call(RATES, k)
}
