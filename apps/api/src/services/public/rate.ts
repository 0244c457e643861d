import { checkTransition, decideRating, type OfficeHours, type Rating, planTransition } from '@hanjiang/shared'
import { appendEvent } from '../../db/repositories/incident-events.ts'
import { updateIncidentVersioned } from '../../db/repositories/incident-patch.ts'
import { cancelTimers, scheduleTimers } from '../../db/repositories/incident-timers.ts'
import { findIncidentById } from '../../db/repositories/incidents.ts'
import { findByTrackingCode, insertRating, setSatisfaction } from '../../db/repositories/public.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { workingCalendar } from '../calendar/working-calendar.ts'
import { tellMembersReopened } from '../clusters/tell-members-reopened.ts'
import { withCalendar } from '../incidents/problems.ts'
import { factsOf } from '../incidents/view.ts'
import { trackPublic, type PublicTrack } from './track.ts'

/** The system reopens on the citizen's behalf: the public role itself takes no workflow action. */
const RATING_ACTOR: Actor = { id: 'public-rating', role: 'system' }
export const NOT_SATISFIED_REASON = '群众评价不满意，重新办理 / The reporter is not satisfied: reopened'

class Raced extends Error {}

/**
 * The citizen rates the outcome of a closed incident, once per closing. "Not satisfied"
 * reopens it (closed → registered, back to the center, counted in reopen_count) in the SAME transaction
 * as the rating and its event, via the workflow's own `reopen` rule and plan.
 */
export async function rateOutcome(
  database: Database,
  trackingCode: string,
  rating: Rating,
  officeHours?: OfficeHours,
): Promise<PublicTrack> {
  const t = await findByTrackingCode(database, trackingCode)
  if (!t) throw problems.notFound('tracking_code', 'No report with this tracking code')
  const d = decideRating(t.state, rating, t.ratedThisRound)
  if (!d.ok) {
    throw d.code === 'not_closed'
      ? problems.conflict('not_closed', 'Only a closed report can be rated', { state: t.state })
      : problems.conflict('already_rated', 'This outcome has been rated already')
  }
  const at = new Date()
  const rec = (await findIncidentById(database, t.id))!
  let plan: ReturnType<typeof planTransition> | null = null
  if (d.reopen) {
    const check = checkTransition({
      state: 'closed',
      action: 'reopen',
      role: RATING_ACTOR.role,
      input: { reason: NOT_SATISFIED_REASON, at },
      incident: factsOf(rec),
    })
    if (!check.ok) throw problems.conflict('cannot_reopen', `The incident cannot be reopened: ${check.code}`)
    const calendar = await workingCalendar(database, officeHours)
    plan = withCalendar(() => planTransition('reopen', rec, { reason: NOT_SATISFIED_REASON }, at, calendar))
  }
  try {
    await database.db.transaction(async (tx) => {
      if (!(await insertRating(database, tx, { incidentId: t.id, round: t.reopenCount, rating, at }))) throw new Raced()
      let version = await setSatisfaction(database, tx, { incidentId: t.id, version: rec.version, rating, at })
      if (version === null) throw new Raced()
      await appendEvent(database, tx, t.id, at, {
        actor: RATING_ACTOR.id,
        actorRole: 'public',
        action: 'rate',
        fromState: 'closed',
        toState: 'closed',
        data: { rating, round: t.reopenCount, version },
      })
      if (plan) {
        version = await updateIncidentVersioned(database, tx, t.id, version, { ...plan.patch, state: 'registered' }, at)
        if (version === null) throw new Raced()
        await appendEvent(database, tx, t.id, at, {
          actor: RATING_ACTOR.id,
          actorRole: RATING_ACTOR.role,
          action: 'reopen',
          fromState: 'closed',
          toState: 'registered',
          note: null,
          data: { ...plan.data, rating, version },
        })
        await cancelTimers(database, tx, t.id, plan.cancel, at)
        await scheduleTimers(database, tx, t.id, plan.schedule, at)
        // R9: a reopened primary tells the reports merged into it, as its closing answered them.
        await tellMembersReopened(database, tx, {
          id: t.id,
          code: t.code,
          actor: RATING_ACTOR.id,
          actorRole: RATING_ACTOR.role,
          reason: NOT_SATISFIED_REASON,
          via: 'rating',
          at,
        })
      }
    })
  } catch (e) {
    if (e instanceof Raced)
      throw problems.conflict('already_rated', 'This outcome has been rated already (or changed meanwhile)')
    throw e
  }
  return trackPublic(database, trackingCode)
}
