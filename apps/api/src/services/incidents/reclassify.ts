import { CENTER_STATES, fineClassInfo } from '@hanjiang/shared'
import { appendEvent } from '../../db/repositories/incident-events.ts'
import { updateIncidentVersioned } from '../../db/repositories/incident-patch.ts'
import { findIncidentByCode, findIncidentById } from '../../db/repositories/incidents.ts'
import type { Database } from '../../db/types.ts'
import { actingRole, rolesOf, type Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { assignPoints } from '../assignment/assign.ts'
import { reference } from '../assignment/reference-cache.ts'
import { versionConflict } from './problems.ts'
import { incidentView, type IncidentView } from './view.ts'

/** While the incident waits at the center, the dispatcher may correct its fine class. */
export const RECLASSIFY_STATES: readonly string[] = CENTER_STATES

class StaleVersion extends Error {}

/**
 * The dispatcher corrects the fine class of an incident still at the center: the assignment is
 * recomputed for the new class at the same point (docs/DOMAIN.md §6) — suggested unit, rule, explanation, needs-review —
 * and stored with an event `reclassify` (no state change) in ONE transaction, under optimistic locking.
 * A safety-hazard class marks the incident as a hazard; the track (and its deadlines) change only by `register`.
 */
export async function reclassifyIncident({
  database,
  actor,
  input,
}: {
  database: Database
  actor: Actor
  input: { code: string; version: number; fineClass: string }
}): Promise<IncidentView> {
  if (actingRole(actor, ['dispatcher']) !== 'dispatcher') {
    throw problems.forbidden('role_not_allowed', 'Only the command center (dispatcher) may reclassify an incident')
  }
  const rec = await findIncidentByCode(database, input.code)
  if (!rec) throw problems.notFound('incident', `No incident ${input.code}`)
  if (rec.version !== input.version) throw versionConflict(rec, input.version)
  if (!RECLASSIFY_STATES.includes(rec.state)) {
    throw problems.conflict(
      'transition_not_allowed',
      `Incident ${rec.code} is ${rec.state}: only incidents at the center (${RECLASSIFY_STATES.join(', ')}) can be reclassified`,
      {
        state: rec.state,
        version: rec.version,
      },
    )
  }
  const ref = await reference(database)
  const fine = fineClassInfo(ref.taxonomy, input.fineClass)
  if (!fine) {
    throw problems.unprocessable('unknown_fine_class', `Unknown fine class ${input.fineClass}`, {
      errors: [{ path: 'fineClass', message: `unknown fine class ${input.fineClass}` }],
    })
  }
  if (rec.lng === null || rec.lat === null) {
    throw problems.unprocessable(
      'location_required',
      `Incident ${rec.code} has no location: a fine class is assigned by location`,
      {
        errors: [{ path: 'fineClass', message: 'the incident has no location' }],
      },
    )
  }
  const [assigned] = await assignPoints(database, [
    { lng: rec.lng, lat: rec.lat, crs: 'wgs84', fineClass: input.fineClass },
  ])
  const at = new Date()
  const role = actingRole(actor, ['dispatcher'])
  try {
    await database.db.transaction(async (tx) => {
      const version = await updateIncidentVersioned(
        database,
        tx,
        rec.id,
        rec.version,
        {
          fineClass: input.fineClass,
          safetyHazard: rec.safetyHazard || fine.fine.safetyHazard,
          suggestedUnitCode: assigned!.unit.code,
          needsReview: assigned!.needsReview,
          assignment: assigned,
        },
        at,
      )
      if (version === null) throw new StaleVersion()
      await appendEvent(database, tx, rec.id, at, {
        actor: actor.id,
        actorRole: role,
        action: 'reclassify',
        fromState: rec.state,
        toState: rec.state,
        note: null,
        photos: null,
        data: {
          fromClass: rec.fineClass,
          toClass: input.fineClass,
          unitCode: assigned!.unit.code,
          rule: assigned!.rule,
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
  return incidentView(updated!, ref, rolesOf(actor))
}
