import type { ActorRole, IncidentState, WorkflowAction } from './states.ts'

/**
 * Incident-dependent conditions; an action whose guard fails is not offered by `allowedActions`.
 * - `consultationOrSimple`   the incident's type is consultation or simple
 * - `noPendingExtension`     no extension request is waiting for a decision
 * - `pendingExtension`       an extension request is waiting for a decision
 */
export type TransitionGuard = 'consultationOrSimple' | 'noPendingExtension' | 'pendingExtension'

/**
 * What the input must carry.
 * - `incidentType`      input.incidentType (or the incident already has a type)
 * - `unit`              input.unitId: the unit to dispatch to
 * - `note`              a non-blank input.note
 * - `reason`            a non-blank input.reason
 * - `afterPhoto`        at least one input.afterPhotos
 * - `beforePhoto`       at least one input.beforePhotos
 * - `hazardMark`        input.hazardMarked === true when incident.safetyHazard (§8, §11)
 * - `primaryIncident`   input.primaryIncidentId, not the incident itself
 * - `newDueAt`          input.newDueAt; with incident.dueAt and input.at also checked by R8
 * - `decision`          input.approve (boolean); a refusal also needs a reason
 */
export type TransitionRequirement =
  | 'incidentType'
  | 'unit'
  | 'note'
  | 'reason'
  | 'afterPhoto'
  | 'beforePhoto'
  | 'hazardMark'
  | 'primaryIncident'
  | 'newDueAt'
  | 'decision'

export interface TransitionRule {
  from: readonly IncidentState[]
  /** Target state; `null` = the state does not change. */
  to: IncidentState | null
  roles: readonly ActorRole[]
  guards: readonly TransitionGuard[]
  requires: readonly TransitionRequirement[]
  /** verifyFail counts as rework (返工); reopen marks a reopening. */
  effects?: { rework?: true; reopened?: true }
}

const UNIT_WORK: readonly IncidentState[] = ['dispatched', 'accepted', 'on_site']
const AT_CENTER: readonly IncidentState[] = ['reported', 'registered', 'returned']

/**
 * The workflow (docs/DOMAIN.md §5) as data: every action, where it may start, where it leads, who may take
 * it and what it needs. `admin` (system administrator) takes no incident actions — least privilege;
 * `viewer`, `grid_admin`, `efficiency_office` and `public` are read-only here (supervision notices
 * and ratings are not state transitions).
 */
export const WORKFLOW_TABLE: { readonly [A in WorkflowAction]: TransitionRule } = {
  register: { from: ['reported'], to: 'registered', roles: ['dispatcher'], guards: [], requires: ['incidentType'] },
  dispatch: {
    from: ['registered'],
    to: 'dispatched',
    // system: automatic precise dispatch by the fine-class table (R11) and the R7 lead-unit fallback
    roles: ['dispatcher', 'system'],
    guards: [],
    requires: ['unit'],
  },
  accept: { from: ['dispatched'], to: 'accepted', roles: ['handler', 'unit_supervisor'], guards: [], requires: [] },
  arrive: { from: ['accepted'], to: 'on_site', roles: ['handler'], guards: [], requires: [] },
  resolve: { from: ['on_site'], to: 'resolved', roles: ['handler'], guards: [], requires: ['afterPhoto', 'note'] },
  verifyPass: { from: ['resolved'], to: 'closed', roles: ['inspector', 'dispatcher'], guards: [], requires: [] },
  verifyFail: {
    from: ['resolved'],
    to: 'accepted',
    roles: ['inspector', 'dispatcher'],
    guards: [],
    requires: ['reason'],
    effects: { rework: true },
  },
  close: { from: ['resolved'], to: 'closed', roles: ['dispatcher'], guards: [], requires: ['note'] },
  returnToCenter: {
    from: UNIT_WORK,
    to: 'returned',
    roles: ['handler', 'unit_supervisor'],
    guards: [],
    requires: ['reason', 'hazardMark'],
  },
  redispatch: { from: ['returned'], to: 'dispatched', roles: ['dispatcher', 'system'], guards: [], requires: ['unit'] },
  reject: { from: AT_CENTER, to: 'rejected', roles: ['dispatcher'], guards: [], requires: ['reason'] },
  merge: { from: AT_CENTER, to: 'merged', roles: ['dispatcher'], guards: [], requires: ['primaryIncident'] },
  selfResolve: {
    from: ['reported'],
    to: 'closed',
    roles: ['inspector', 'handler'],
    guards: [],
    requires: ['beforePhoto', 'afterPhoto'],
  },
  answerAndClose: {
    from: ['registered'],
    to: 'closed',
    roles: ['dispatcher'],
    guards: ['consultationOrSimple'],
    requires: ['note'],
  },
  reopen: {
    from: ['closed'],
    to: 'registered',
    // system: a citizen's "not satisfied" rating on the public page reopens it
    roles: ['dispatcher', 'system'],
    guards: [],
    requires: ['reason'],
    effects: { reopened: true },
  },
  requestExtension: {
    from: UNIT_WORK,
    to: null,
    roles: ['handler', 'unit_supervisor'],
    guards: ['noPendingExtension'],
    requires: ['reason', 'newDueAt'],
  },
  decideExtension: {
    from: UNIT_WORK,
    to: null,
    roles: ['dispatcher'],
    guards: ['pendingExtension'],
    requires: ['decision'],
  },
}
