import type { Rating } from '@hanjiang/shared'
import { appendEvent, findIncidentByCode, findIncidentById, updateIncidentVersioned } from '../../db/repositories/incidents.ts'
import { setSatisfaction } from '../../db/repositories/public.ts'
import type { Database } from '../../db/types.ts'
import { actingRole, type Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { reference } from '../assignment/reference-cache.ts'
import { versionConflict } from './problems.ts'
import { incidentView, type IncidentView } from './view.ts'

/** While the unit works on it (R10: did they go on site?) or once it is closed (was the reporter satisfied?). */
export const CALLBACK_STATES: readonly string[] = ['dispatched', 'accepted', 'on_site', 'resolved', 'closed']

export interface CallbackInput {
  code: string
  version: number
  /** The reporter was reached by phone. */
  reached: boolean
  /** Closed incidents, reporter reached: how satisfied they are. */
  satisfaction?: Rating
  note?: string
}

class StaleVersion extends Error {}

/**
 * The seat records a callback (回访, R10 and after closing): an event `callback` (no state change) with whether
 * the reporter was reached and, for a closed incident, their satisfaction, which is stored on the incident.
 * ONE transaction under optimistic locking. "Not satisfied" does not reopen by itself: the dispatcher decides
 * (`reopen`), unlike the citizen's own rating on the public page.
 */
export async function recordCallback({ database, actor, input }: { database: Database; actor: Actor; input: CallbackInput }): Promise<IncidentView> {
  if (actingRole(actor, ['dispatcher']) !== 'dispatcher') {
    throw problems.forbidden('role_not_allowed', 'Only the command center (dispatcher) records callbacks')
  }
  const rec = await findIncidentByCode(database, input.code)
  if (!rec) throw problems.notFound('incident', `No incident ${input.code}`)
  if (rec.version !== input.version) throw versionConflict(rec, input.version)
  if (!CALLBACK_STATES.includes(rec.state)) {
    throw problems.conflict('transition_not_allowed', `Incident ${rec.code} is ${rec.state}: callbacks are for incidents with a unit or closed`, {
      state: rec.state,
      version: rec.version,
    })
  }
  const closed = rec.state === 'closed'
  if (closed && input.reached && !input.satisfaction) {
    throw problems.unprocessable('satisfaction_required', 'A callback that reached the reporter of a closed incident records their satisfaction', {
      errors: [{ path: 'satisfaction', message: 'required' }],
    })
  }
  if (input.satisfaction && (!closed || !input.reached)) {
    throw problems.unprocessable('satisfaction_not_allowed', 'Satisfaction is recorded only for a closed incident whose reporter was reached', {
      errors: [{ path: 'satisfaction', message: 'not allowed here' }],
    })
  }
  const at = new Date()
  const urgentCheck = !closed && rec.track === 'urgent'
  try {
    await database.db.transaction(async (tx) => {
      const version = input.satisfaction
        ? await setSatisfaction(database, tx, { incidentId: rec.id, version: rec.version, rating: input.satisfaction, at })
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
          version,
        },
      })
    })
  } catch (e) {
    if (!(e instanceof StaleVersion)) throw e
    const current = await findIncidentById(database, rec.id)
    throw versionConflict(current ?? rec, input.version)
  }
  const updated = await findIncidentById(database, rec.id)
  return incidentView(updated!, await reference(database), actingRole(actor, ['dispatcher']))
}
