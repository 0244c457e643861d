import { CALLBACK_STATES, checkTransition, type OfficeHours, type Rating, planTransition } from '@hanjiang/shared'
import { appendEvent } from '../../db/repositories/incident-events.ts'
import { updateIncidentVersioned } from '../../db/repositories/incident-patch.ts'
import { cancelTimers, scheduleTimers } from '../../db/repositories/incident-timers.ts'
import { findIncidentByCode, findIncidentById } from '../../db/repositories/incidents.ts'
import { setSatisfaction } from '../../db/repositories/public.ts'
import type { Database } from '../../db/types.ts'
import { actingRole, type Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { reference } from '../assignment/reference-cache.ts'
import { workingCalendar } from '../calendar/working-calendar.ts'
import { tellMembersReopened } from '../clusters/tell-members-reopened.ts'
import { versionConflict, withCalendar } from './problems.ts'
import { factsOf, incidentView, type IncidentView } from './view.ts'

export { CALLBACK_STATES }

export interface CallbackInput {
  code: string
  version: number
  /** The reporter was reached by phone. */
  reached: boolean
  /** Closed incidents, reporter reached: how satisfied they are. */
  satisfaction?: Rating
  note?: string
  /** With "not satisfied": reopen it at once (closed → registered, a new registration step), in the same transaction. */
  reopen?: boolean
}

/** The reopen's reason when the seat gives no note. */
export const CALLBACK_REOPEN_REASON = '回访不满意，重新办理 / Not satisfied at the callback: reopened'

class StaleVersion extends Error {}

/**
 * The seat records a callback (回访, R10 and after closing): an event `callback` (no state change) with whether
 * the reporter was reached and, for a closed incident, their satisfaction, which is stored on the incident.
 * ONE transaction under optimistic locking. "Not satisfied" reopens only when the seat says so (`reopen: true`,
 * the desk's default): then the workflow's own `reopen` (closed → registered, back at the center, counted in
 * reopen_count, new R1–R3 deadlines) follows in the same transaction, with the note as its reason.
 */
export async function recordCallback({
  database,
  actor,
  input,
  officeHours,
}: {
  database: Database
  actor: Actor
  input: CallbackInput
  /** The deployment's office hours, for the deadlines of a reopen (config.officeHours). */
  officeHours?: OfficeHours
}): Promise<IncidentView> {
  if (actingRole(actor, ['dispatcher']) !== 'dispatcher') {
    throw problems.forbidden('role_not_allowed', 'Only the command center (dispatcher) records callbacks')
  }
  const rec = await findIncidentByCode(database, input.code)
  if (!rec) throw problems.notFound('incident', `No incident ${input.code}`)
  if (rec.version !== input.version) throw versionConflict(rec, input.version)
  if (!(CALLBACK_STATES as readonly string[]).includes(rec.state)) {
    throw problems.conflict(
      'transition_not_allowed',
      `Incident ${rec.code} is ${rec.state}: callbacks are for incidents with a unit or closed`,
      {
        state: rec.state,
        version: rec.version,
      },
    )
  }
  const closed = rec.state === 'closed'
  if (closed && input.reached && !input.satisfaction) {
    throw problems.unprocessable(
      'satisfaction_required',
      'A callback that reached the reporter of a closed incident records their satisfaction',
      {
        errors: [{ path: 'satisfaction', message: 'required' }],
      },
    )
  }
  if (input.satisfaction && (!closed || !input.reached)) {
    throw problems.unprocessable(
      'satisfaction_not_allowed',
      'Satisfaction is recorded only for a closed incident whose reporter was reached',
      {
        errors: [{ path: 'satisfaction', message: 'not allowed here' }],
      },
    )
  }
  if (input.reopen && input.satisfaction !== 'not_satisfied') {
    throw problems.unprocessable(
      'reopen_not_allowed',
      'A callback reopens the incident only when the reporter is not satisfied',
      {
        errors: [{ path: 'reopen', message: 'only with satisfaction not_satisfied' }],
      },
    )
  }
  const at = new Date()
  const urgentCheck = !closed && rec.track === 'urgent'
  const reason = input.note?.trim() ? `回访不满意：${input.note.trim()}` : CALLBACK_REOPEN_REASON
  let plan: ReturnType<typeof planTransition> | null = null
  if (input.reopen) {
    const check = checkTransition({
      state: 'closed',
      action: 'reopen',
      role: 'dispatcher',
      input: { reason, at },
      incident: factsOf(rec),
    })
    if (!check.ok) throw problems.conflict('cannot_reopen', `The incident cannot be reopened: ${check.code}`)
    const calendar = await workingCalendar(database, officeHours)
    plan = withCalendar(() => planTransition('reopen', rec, { reason }, at, calendar))
  }
  try {
    await database.db.transaction(async (tx) => {
      let version = input.satisfaction
        ? await setSatisfaction(database, tx, {
            incidentId: rec.id,
            version: rec.version,
            rating: input.satisfaction,
            at,
          })
        : await updateIncidentVersioned(database, tx, rec.id, rec.version, {}, at)
      if (version === null) throw new StaleVersion()
      await appendEvent(database, tx, rec.id, at, {
        actor: actor.id,
        actorRole: 'dispatcher',
        action: 'callback',
        fromState: rec.state,
        toState: rec.state,
        note: input.note ?? null,
        data: {
          reached: input.reached,
          ...(input.satisfaction ? { satisfaction: input.satisfaction } : {}),
          ...(urgentCheck ? { rule: 'R10' } : {}),
          ...(plan ? { reopened: true } : {}),
          version,
        },
      })
      if (plan) {
        version = await updateIncidentVersioned(
          database,
          tx,
          rec.id,
          version,
          { ...plan.patch, state: 'registered' },
          at,
        )
        if (version === null) throw new StaleVersion()
        await appendEvent(database, tx, rec.id, at, {
          actor: actor.id,
          actorRole: 'dispatcher',
          action: 'reopen',
          fromState: 'closed',
          toState: 'registered',
          note: null,
          data: { ...plan.data, callback: true, satisfaction: input.satisfaction, version },
        })
        await cancelTimers(database, tx, rec.id, plan.cancel, at)
        await scheduleTimers(database, tx, rec.id, plan.schedule, at)
        // R9: a reopened primary tells the reports merged into it, as its closing answered them.
        await tellMembersReopened(database, tx, {
          id: rec.id,
          code: rec.code,
          actor: actor.id,
          actorRole: 'dispatcher',
          reason,
          via: 'callback',
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
  return incidentView(updated!, await reference(database), actingRole(actor, ['dispatcher']))
}
