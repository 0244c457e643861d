import type { IncidentState } from '../workflow/states.ts'

/** One dispatch or re-dispatch (转派) of an incident to a unit. */
export interface DispatchFact {
  unitCode: string
  at: Date
  /** R7 / R12: the subclass's lead unit took it because ownership was still unclear (兜底). */
  leadUnitFallback: boolean
}

/** A return to the command center (退回, "not ours") by the unit that had it. */
export interface ReturnFact {
  unitCode: string
  at: Date
}

export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'not_satisfied'

/**
 * What the evaluation needs to know about one incident, read from its event log up to the end of a period
 * (events at or after the period's end do not count, so a finished period's figures never move).
 * Built by one SQL statement in the API (db/repositories/evaluation.ts) and by hand in tests; see
 * docs/EVALUATION.md for which events feed each field.
 */
export interface EvaluationFacts {
  id: number
  code: string
  streetCode: string | null
  /** track = urgent (R4–R7). */
  urgent: boolean
  /** Intake (created_at): the period an incident belongs to is the one it was received in. */
  receivedAt: Date
  /** The first `register`, or an R7 `dispatch` straight from `reported`; null: never registered. */
  registeredAt: Date | null
  /** Every `dispatch` and `redispatch`, in order. */
  dispatches: DispatchFact[]
  /** Every `returnToCenter`, in order. */
  returns: ReturnFact[]
  /** The first `arrive`. */
  firstArrivedAt: Date | null
  /** The last `resolve` (or the `close` of a resolved one with no resolve, which cannot happen through the API). */
  lastResolvedAt: Date | null
  /** The state after the last event before the period's end. */
  endState: IncidentState
  /** An `overdue` event on a handling deadline (R1–R3, R5, R6; R4 is the center's dispatch deadline). */
  overdue: boolean
  /** `verifyFail` (failed verification) plus `reopen` (unsatisfied callback or rating) events: 返工. */
  reworks: number
  /** `decideExtension` events that approved (延期). */
  extensionsApproved: number
  /** The latest satisfaction heard: a callback's or the reporter's own rating. */
  satisfaction: Satisfaction | null
}
