import { applyExtension } from '../deadlines/extension.ts'
import type { IncidentType } from '../deadlines/types.ts'
import { isIncidentType } from '../deadlines/types.ts'
import { toInstant, type Instant } from '../time/shanghai.ts'
import { transitionMessages as M, type TransitionErrorCode } from './messages.ts'
import {
  isIncidentState,
  isWorkflowAction,
  WORKFLOW_ACTIONS,
  type ActorRole,
  type IncidentState,
  type WorkflowAction,
  type ZhEnText,
} from './states.ts'
import { WORKFLOW_TABLE, type TransitionGuard, type TransitionRequirement } from './table.ts'

/** What the actor submits with an action. Photos are ids/URLs of stored uploads. */
export interface TransitionInput {
  note?: string
  reason?: string
  beforePhotos?: readonly string[]
  afterPhotos?: readonly string[]
  hazardMarked?: boolean
  unitId?: string
  incidentType?: IncidentType
  primaryIncidentId?: string
  /** requestExtension: the deadline asked for. */
  newDueAt?: Instant
  /** decideExtension: approve or refuse. */
  approve?: boolean
  /** When the action is taken; with incident.dueAt it enables the R8 timing check. */
  at?: Instant
}

/** The facts about the incident that the rules look at. */
export interface IncidentFacts {
  safetyHazard: boolean
  id?: string
  type?: IncidentType
  extensionPending?: boolean
  /** The deadline an extension would move (resolveBy, or handleBy for a re-dispatched urgent one). */
  dueAt?: Instant
}

export interface CheckTransitionArgs {
  state: IncidentState
  action: WorkflowAction
  role: ActorRole
  input?: TransitionInput
  incident: IncidentFacts
}

export interface TransitionIssue {
  code: TransitionErrorCode
  /** The input field at fault, for form errors / problem-details `errors[]`. */
  field?: keyof TransitionInput
  message: ZhEnText
}

export type TransitionCheck =
  | { ok: true; to: IncidentState; rework: boolean; reopened: boolean }
  | { ok: false; code: TransitionErrorCode; message: ZhEnText; issues: TransitionIssue[] }

const hasText = (s: string | undefined): boolean => typeof s === 'string' && s.trim().length > 0
const hasPhoto = (p: readonly string[] | undefined): boolean => Array.isArray(p) && p.some((x) => hasText(x))

function guardFails(guard: TransitionGuard, incident: IncidentFacts): TransitionIssue | null {
  switch (guard) {
    case 'consultationOrSimple':
      return incident.type === 'consultation' || incident.type === 'simple'
        ? null
        : { code: 'type_not_allowed', message: M.typeNotAllowed() }
    case 'noPendingExtension':
      return incident.extensionPending ? { code: 'extension_pending', message: M.extensionPending() } : null
    case 'pendingExtension':
      return incident.extensionPending ? null : { code: 'no_pending_extension', message: M.noPendingExtension() }
  }
}

function requirementIssues(req: TransitionRequirement, input: TransitionInput, incident: IncidentFacts): TransitionIssue[] {
  switch (req) {
    case 'incidentType':
      return isIncidentType(input.incidentType) || (input.incidentType === undefined && isIncidentType(incident.type))
        ? []
        : [{ code: 'type_required', field: 'incidentType', message: M.typeRequired() }]
    case 'unit':
      return hasText(input.unitId) ? [] : [{ code: 'unit_required', field: 'unitId', message: M.unitRequired() }]
    case 'note':
      return hasText(input.note) ? [] : [{ code: 'note_required', field: 'note', message: M.noteRequired() }]
    case 'reason':
      return hasText(input.reason) ? [] : [{ code: 'reason_required', field: 'reason', message: M.reasonRequired() }]
    case 'afterPhoto':
      return hasPhoto(input.afterPhotos)
        ? []
        : [{ code: 'photo_required', field: 'afterPhotos', message: M.afterPhotoRequired() }]
    case 'beforePhoto':
      return hasPhoto(input.beforePhotos)
        ? []
        : [{ code: 'photo_required', field: 'beforePhotos', message: M.beforePhotoRequired() }]
    case 'hazardMark':
      return incident.safetyHazard && input.hazardMarked !== true
        ? [{ code: 'hazard_mark_required', field: 'hazardMarked', message: M.hazardMarkRequired() }]
        : []
    case 'primaryIncident':
      if (!hasText(input.primaryIncidentId))
        return [{ code: 'primary_required', field: 'primaryIncidentId', message: M.primaryRequired() }]
      return incident.id !== undefined && input.primaryIncidentId === incident.id
        ? [{ code: 'merge_into_self', field: 'primaryIncidentId', message: M.mergeIntoSelf() }]
        : []
    case 'newDueAt': {
      if (input.newDueAt === undefined || input.newDueAt === '')
        return [{ code: 'due_required', field: 'newDueAt', message: M.dueRequired() }]
      let newDue: Date
      try {
        newDue = toInstant(input.newDueAt)
      } catch {
        return [{ code: 'due_invalid', field: 'newDueAt', message: M.dueInvalid() }]
      }
      if (incident.dueAt === undefined || input.at === undefined) return []
      const r = applyExtension(incident.dueAt, input.at, newDue)
      return r.ok ? [] : [{ code: r.code, field: 'newDueAt', message: r.message }]
    }
    case 'decision':
      if (typeof input.approve !== 'boolean')
        return [{ code: 'decision_required', field: 'approve', message: M.decisionRequired() }]
      return input.approve || hasText(input.reason)
        ? []
        : [{ code: 'reason_required', field: 'reason', message: M.reasonRequired() }]
  }
}

function fail(issues: TransitionIssue[]): TransitionCheck {
  const first = issues[0]!
  return { ok: false, code: first.code, message: first.message, issues }
}

/**
 * Whether `role` may take `action` on an incident in `state` with this input. Checks, in order:
 * known action → role → from-state → incident guards → input requirements (all input issues are
 * reported in `issues`; `code`/`message` are the first). Pure: the API enforces it, the web shows it.
 */
export function checkTransition(args: CheckTransitionArgs): TransitionCheck {
  const { state, action, role, incident } = args
  const input = args.input ?? {}
  if (!isWorkflowAction(action)) return fail([{ code: 'unknown_action', message: M.unknownAction(String(action)) }])
  const rule = WORKFLOW_TABLE[action]
  if (!rule.roles.includes(role))
    return fail([{ code: 'role_not_allowed', message: M.roleNotAllowed(String(role), action) }])
  if (!isIncidentState(state) || !rule.from.includes(state))
    return fail([{ code: 'transition_not_allowed', message: M.transitionNotAllowed(String(state), action) }])
  for (const g of rule.guards) {
    const issue = guardFails(g, incident)
    if (issue) return fail([issue])
  }
  const issues = rule.requires.flatMap((r) => requirementIssues(r, input, incident))
  if (issues.length > 0) return fail(issues)
  return {
    ok: true,
    to: rule.to ?? state,
    rework: rule.effects?.rework === true,
    reopened: rule.effects?.reopened === true,
  }
}

/** Actions `role` may take now (state, role and incident guards; input is not yet known). For the UI. */
export function allowedActions(state: IncidentState, role: ActorRole, incident: IncidentFacts): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => {
    const rule = WORKFLOW_TABLE[action]
    return (
      rule.roles.includes(role) && rule.from.includes(state) && rule.guards.every((g) => guardFails(g, incident) === null)
    )
  })
}
