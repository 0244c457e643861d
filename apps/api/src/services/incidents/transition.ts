import {
  checkTransition,
  closesCluster,
  isWorkflowAction,
  planStep,
  reopensCluster,
  toInstant,
  transitionMessages,
  WORKFLOW_TABLE,
  type IncidentState,
  type IncidentType,
  type OfficeHours,
  type TransitionInput,
} from '@hanjiang/shared'
import { appendEvent } from '../../db/repositories/incident-events.ts'
import { updateIncidentVersioned } from '../../db/repositories/incident-patch.ts'
import { type IncidentRecord } from '../../db/repositories/incident-rows.ts'
import { cancelTimers, scheduleTimers } from '../../db/repositories/incident-timers.ts'
import { findIncidentByCode, findIncidentById } from '../../db/repositories/incidents.ts'
import { isActiveUnit } from '../../db/repositories/units.ts'
import type { Database } from '../../db/types.ts'
import { actingRole, rolesOf, type Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { reference } from '../assignment/reference-cache.ts'
import { requireIncidentInScope } from '../auth/scope.ts'
import { answerMembers } from '../clusters/answer-members.ts'
import { tellMembersReopened } from '../clusters/tell-members-reopened.ts'
import { workingCalendar } from '../calendar/working-calendar.ts'
import { assertAttachablePhotos } from './attachable-photos.ts'
import { photoRefs } from './photos.ts'
import { transitionProblem, versionConflict, withCalendar } from './problems.ts'
import { extensionTarget, factsOf, incidentView, type IncidentView } from './view.ts'

export interface TransitionRequest {
  code: string
  action: string
  /** The version the caller saw (optimistic locking). */
  version: number
  note?: string
  reason?: string
  unitCode?: string
  hazardMarked?: boolean
  /** Photo ids: general attachments, before the work, after the work. */
  photos?: string[]
  beforePhotos?: string[]
  afterPhotos?: string[]
  /** requestExtension: ISO-8601 with offset. */
  newDueAt?: string
  approve?: boolean
  /** merge: the code of the cluster's primary incident. */
  primaryCode?: string
  incidentType?: IncidentType
  /** Extra facts for the event's data (e.g. the workbench's arrival distance check). */
  eventData?: Record<string, unknown>
}

const notFound = (code: string) => problems.notFound('incident', `No incident ${code}`)

class StaleVersion extends Error {}

/**
 * One workflow action on one incident (docs/DOMAIN.md §5): the pure state machine decides (role, state,
 * guards, input), then ONE transaction updates the incident only if its version is still the one
 * the caller saw, appends the event, and cancels/schedules the timers. Nothing changes without its
 * event; a lost race answers 409 version_conflict with the current state and version. Closing an incident
 * answers the reports merged into it (R9) in the same transaction: one event per member; reopening it tells them.
 */
export async function transitionIncident({
  database,
  actor,
  input,
  officeHours,
}: {
  database: Database
  actor: Actor
  input: TransitionRequest
  /** The deployment's office hours (config.officeHours): R1–R3 periods end when they close. Default 08:30–17:30. */
  officeHours?: OfficeHours
}): Promise<IncidentView> {
  const { action } = input
  if (!isWorkflowAction(action)) {
    throw problems.badRequest('unknown_action', transitionMessages.unknownAction(action).en, { action })
  }
  await requireIncidentInScope(database, actor, input.code)
  const rec = await findIncidentByCode(database, input.code)
  if (!rec) throw notFound(input.code)
  // A user may hold several roles: act in the first one the action allows.
  const role = actingRole(actor, WORKFLOW_TABLE[action].roles)
  if (!WORKFLOW_TABLE[action].roles.includes(role)) {
    const m = transitionMessages.roleNotAllowed(role, action)
    throw problems.forbidden('role_not_allowed', m.en, { messages: m, state: rec.state, version: rec.version })
  }
  if (rec.version !== input.version) throw versionConflict(rec, input.version)

  const at = new Date()
  const ref = await reference(database)
  let newDue: Date | undefined
  if (input.newDueAt !== undefined) {
    try {
      newDue = toInstant(input.newDueAt)
    } catch {
      newDue = undefined // checkTransition reports due_invalid
    }
  }
  const transitionInput: TransitionInput = {
    note: input.note,
    reason: input.reason,
    beforePhotos: input.beforePhotos,
    afterPhotos: input.afterPhotos,
    hazardMarked: input.hazardMarked,
    unitId: input.unitCode,
    incidentType: input.incidentType,
    primaryIncidentId: input.primaryCode,
    newDueAt: input.newDueAt,
    approve: input.approve,
    // R8 timing is judged against the current deadline at the moment of the request.
    at,
  }
  const check = checkTransition({
    state: rec.state as IncidentState,
    action,
    role,
    input: transitionInput,
    incident: factsOf(rec),
  })
  if (!check.ok) throw transitionProblem(check, rec)

  // Checks that need the database or the incident's deadlines.
  if ((action === 'dispatch' || action === 'redispatch') && !(await isActiveUnit(database, input.unitCode!.trim()))) {
    throw problems.unprocessable('unknown_unit', `Unknown or inactive unit ${input.unitCode}`, {
      errors: [{ path: 'unitCode', message: `unknown unit ${input.unitCode}` }],
    })
  }
  let primary: IncidentRecord | null = null
  if (action === 'merge') {
    primary = await findIncidentByCode(database, input.primaryCode!.trim())
    if (!primary || primary.state === 'merged' || primary.state === 'rejected') {
      throw problems.unprocessable(
        'primary_not_found',
        primary
          ? `Incident ${primary.code} is ${primary.state} and cannot be a primary`
          : `No incident ${input.primaryCode}`,
        { errors: [{ path: 'primaryCode', message: 'not a possible primary incident' }] },
      )
    }
  }
  if ((action === 'requestExtension' || (action === 'decideExtension' && input.approve)) && !extensionTarget(rec)) {
    throw problems.unprocessable('no_deadline_to_extend', `Incident ${rec.code} has no running deadline to extend now`)
  }

  await assertAttachablePhotos(
    database,
    actor,
    { before: input.beforePhotos, after: input.afterPhotos, attachment: input.photos },
    rec.id,
  )
  const calendar = await workingCalendar(database, officeHours)
  const to = check.to
  // The step's effects, a stale extension request dropped with it (R8).
  const plan = withCalendar(() =>
    planStep(
      action,
      to,
      rec,
      {
        unitCode: input.unitCode?.trim(),
        hazardMarked: input.hazardMarked,
        newDueAt: newDue,
        approve: input.approve,
        reason: input.reason,
        incidentType: input.incidentType,
        primary: primary ? { id: primary.id, code: primary.code } : undefined,
      },
      at,
      calendar,
    ),
  )
  const patch = plan.patch
  const data = { ...plan.data, ...input.eventData }

  try {
    await database.db.transaction(async (tx) => {
      const version = await updateIncidentVersioned(database, tx, rec.id, rec.version, patch, at)
      if (version === null) throw new StaleVersion()
      await appendEvent(database, tx, rec.id, at, {
        actor: actor.id,
        actorRole: role,
        action,
        fromState: rec.state,
        toState: to,
        note: input.note ?? null,
        photos: photoRefs({ before: input.beforePhotos, after: input.afterPhotos, attachment: input.photos }),
        data: Object.keys(data).length ? { ...data, version } : { version },
      })
      await cancelTimers(database, tx, rec.id, plan.cancel, at)
      await scheduleTimers(database, tx, rec.id, plan.schedule, at)
      if (closesCluster(to)) {
        await answerMembers(database, tx, {
          id: rec.id,
          code: rec.code,
          action,
          actor: actor.id,
          actorRole: role,
          note: input.note ?? null,
          at,
        })
      }
      if (reopensCluster(rec.state, to)) {
        await tellMembersReopened(database, tx, {
          id: rec.id,
          code: rec.code,
          actor: actor.id,
          actorRole: role,
          reason: input.reason ?? null,
          via: 'workflow',
          at,
        })
      }
    })
  } catch (e) {
    if (!(e instanceof StaleVersion)) throw e
    const current = await findIncidentById(database, rec.id)
    throw versionConflict(current ?? rec, input.version)
  }
  const updated = await findIncidentById(database, rec.id)
  return incidentView(updated!, ref, rolesOf(actor))
}
