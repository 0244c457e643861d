import { inStates, UNIT_WORK_STATES, type IncidentState } from './states.ts'

/**
 * The seat's callback (回访): R10 for urgent incidents in the unit's hands ("12 h after dispatch the center calls
 * back": the timer worker writes `callbackDue`), and after closing (was the reporter satisfied?). Not a state
 * change: the API records it as an event `callback`; "not satisfied" may reopen the incident (the workflow's
 * `reopen`, in the same transaction).
 */

/** While the unit works on it (R10: did they go on site?) or once it is closed (was the reporter satisfied?). */
export const CALLBACK_STATES: readonly IncidentState[] = [...UNIT_WORK_STATES, 'resolved', 'closed']
const DISPATCHES = ['dispatch', 'redispatch']

export interface CallbackTask {
  /** A callback may be recorded now. */
  possible: boolean
  /** One is waiting: the R10 check the worker raised, or a closed report whose reporter has not been called back. */
  due: boolean
  /**
   * What the callback asks: whether the unit came (R10, urgent incidents in the unit's hands), the reporter's
   * satisfaction (closed), or just how things stand (another incident in the unit's hands, or resolved).
   */
  kind: 'r10' | 'satisfaction' | 'progress' | null
}

export interface CallbackFacts {
  state: string
  /** The event log, oldest first (`to`: the state after the event). */
  events: readonly { action: string; to?: string | null; data?: Record<string, unknown> | null }[]
  /** The reporter left a phone number (a satisfaction callback needs one). */
  hasReporterPhone: boolean
  /** The urgent track (R10 applies to it). */
  urgent: boolean
}

/**
 * Whether the seat owes a callback on this incident, from its state and event log (oldest first):
 * - R10: in the unit's hands, a `callbackDue` since the last (re)dispatch and no `callback` after it;
 * - satisfaction: closed, the reporter left a phone number, and no callback with a satisfaction since it was
 *   (last) closed — nor the reporter's own rating on the public page.
 */
export function callbackTask({ state, events, hasReporterPhone, urgent }: CallbackFacts): CallbackTask {
  if (!(CALLBACK_STATES as readonly string[]).includes(state)) return { possible: false, due: false, kind: null }
  if (state === 'closed') {
    let closedAt = -1
    events.forEach((e, i) => {
      if (e.to === 'closed' && e.action !== 'callback' && e.action !== 'rate') closedAt = i
    })
    const answered = events.some((e, i) => i > closedAt && ((e.action === 'callback' && e.data?.satisfaction != null) || e.action === 'rate'))
    return { possible: true, due: hasReporterPhone && !answered, kind: 'satisfaction' }
  }
  if (inStates(UNIT_WORK_STATES, state)) {
    let from = -1
    events.forEach((e, i) => {
      if (DISPATCHES.includes(e.action)) from = i
    })
    let due = false
    for (let i = from + 1; i < events.length; i++) {
      if (events[i]!.action === 'callbackDue') due = true
      else if (events[i]!.action === 'callback') due = false
    }
    return { possible: true, due, kind: urgent ? 'r10' : 'progress' }
  }
  // resolved: waiting for verification — a callback may be recorded, nothing is owed.
  return { possible: true, due: false, kind: 'progress' }
}

/**
 * The callback that answered the R10 check of the current dispatch (the `callbackAt` deadline): the first
 * `callback` after the worker's latest `callbackDue` since the last (re)dispatch — the same events that make
 * {@link callbackTask} stop owing it. Null while none is recorded, or while the check has not been raised
 * (a callback before the 12 h does not meet R10: the worker still raises it). Events oldest first.
 */
export function r10CallbackAnswer<E extends { action: string; at: string | Date }>(events: readonly E[]): E | null {
  let raised = -1
  events.forEach((e, i) => {
    if (DISPATCHES.includes(e.action)) raised = -1
    else if (e.action === 'callbackDue') raised = i
  })
  if (raised < 0) return null
  return events.slice(raised + 1).find((e) => e.action === 'callback') ?? null
}
