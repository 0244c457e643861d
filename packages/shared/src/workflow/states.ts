/** Incident states (docs/DOMAIN.md §5). */
export const INCIDENT_STATES = [
  'reported',
  'registered',
  'dispatched',
  'accepted',
  'on_site',
  'resolved',
  'closed',
  'returned',
  'rejected',
  'merged',
] as const
export type IncidentState = (typeof INCIDENT_STATES)[number]

/** A new incident, from any channel, starts here. */
export const INITIAL_STATE: IncidentState = 'reported'
/** States no action leaves. (`closed` is not final: a bad callback can reopen it.) */
export const FINAL_STATES: readonly IncidentState[] = ['rejected', 'merged']

/**
 * Named groups of states (docs/DOMAIN.md §5), so a rule says "in the unit's hands" instead of repeating a list.
 * Each is a subset of {@link INCIDENT_STATES}; `inStates` tests a state read from the database (a plain string).
 */
/** At the command center: new, registered, or returned by a unit (the dispatch desk's queue; reclassifiable). */
export const CENTER_STATES: readonly IncidentState[] = ['reported', 'registered', 'returned']
/** Never dispatched yet (R4 dispatch-by runs here). */
export const UNDISPATCHED_STATES: readonly IncidentState[] = ['reported', 'registered']
/** In the unit's hands: dispatched to it, accepted, on site. */
export const UNIT_WORK_STATES: readonly IncidentState[] = ['dispatched', 'accepted', 'on_site']
/** Dispatched but nobody on site yet (R5, R10 "not on site"). */
export const NOT_ON_SITE_STATES: readonly IncidentState[] = ['dispatched', 'accepted']
/** The unit's ledger (台账): its work plus what waits for verification. */
export const LEDGER_STATES: readonly IncidentState[] = [...UNIT_WORK_STATES, 'resolved']
/** Not finished: neither closed nor final (the map's default filter). */
export const OPEN_STATES: readonly IncidentState[] = ['reported', 'registered', 'dispatched', 'accepted', 'on_site', 'resolved', 'returned']

/** Whether `state` (as stored: any string) is one of `group`. */
export function inStates(group: readonly IncidentState[], state: string | null | undefined): state is IncidentState {
  return !!state && (group as readonly string[]).includes(state)
}

/** Workflow actions. `requestExtension` and `decideExtension` leave the state unchanged. */
export const WORKFLOW_ACTIONS = [
  'register',
  'dispatch',
  'accept',
  'arrive',
  'resolve',
  'verifyPass',
  'verifyFail',
  'close',
  'returnToCenter',
  'redispatch',
  'reject',
  'merge',
  'selfResolve',
  'answerAndClose',
  'reopen',
  'requestExtension',
  'decideExtension',
] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

/** Signed-in user roles (docs/DOMAIN.md §1). */
export const USER_ROLES = [
  'admin',
  'dispatcher',
  'inspector',
  'grid_admin',
  'handler',
  'unit_supervisor',
  'efficiency_office',
  'viewer',
  /** The administrative service center's admin: the service catalogue and points (docs/SERVICES.md). */
  'service_admin',
] as const
export type UserRole = (typeof USER_ROLES)[number]

/** Who can act on an incident: a user role, the timer worker (`system`) or an anonymous citizen (`public`). */
export const ACTOR_ROLES = [...USER_ROLES, 'system', 'public'] as const
export type ActorRole = (typeof ACTOR_ROLES)[number]

/** Who may create an incident (it starts in {@link INITIAL_STATE}); creation is not a transition. */
export const REPORTING_ROLES: readonly ActorRole[] = ['dispatcher', 'inspector', 'handler', 'public', 'system']

export function isIncidentState(v: unknown): v is IncidentState {
  return typeof v === 'string' && (INCIDENT_STATES as readonly string[]).includes(v)
}
export function isWorkflowAction(v: unknown): v is WorkflowAction {
  return typeof v === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(v)
}
export function isActorRole(v: unknown): v is ActorRole {
  return typeof v === 'string' && (ACTOR_ROLES as readonly string[]).includes(v)
}

export interface ZhEnText {
  zh: string
  en: string
}

export const STATE_LABELS: Record<IncidentState, ZhEnText> = {
  reported: { zh: '已上报', en: 'Reported' },
  registered: { zh: '已立案', en: 'Registered' },
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  accepted: { zh: '已签收', en: 'Accepted' },
  on_site: { zh: '已到场', en: 'On site' },
  resolved: { zh: '已处置', en: 'Resolved' },
  closed: { zh: '已结案', en: 'Closed' },
  returned: { zh: '已退回', en: 'Returned' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  merged: { zh: '已合并', en: 'Merged' },
}

export const ACTION_LABELS: Record<WorkflowAction, ZhEnText> = {
  register: { zh: '立案', en: 'Register' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  accept: { zh: '签收', en: 'Accept' },
  arrive: { zh: '到场', en: 'Arrive on site' },
  resolve: { zh: '处置完成', en: 'Resolve' },
  verifyPass: { zh: '核查通过', en: 'Verify: pass' },
  verifyFail: { zh: '核查不通过（返工）', en: 'Verify: fail (rework)' },
  close: { zh: '结案', en: 'Close' },
  returnToCenter: { zh: '退回', en: 'Return to center' },
  redispatch: { zh: '转派', en: 'Re-dispatch' },
  reject: { zh: '不予受理', en: 'Reject' },
  merge: { zh: '合并', en: 'Merge' },
  selfResolve: { zh: '当场处置', en: 'Resolve on the spot' },
  answerAndClose: { zh: '答复并结案', en: 'Answer and close' },
  reopen: { zh: '重新办理', en: 'Reopen' },
  requestExtension: { zh: '申请延期', en: 'Request extension' },
  decideExtension: { zh: '审批延期', en: 'Decide extension' },
}
