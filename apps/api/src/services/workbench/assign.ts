import { inStates, UNIT_WORK_STATES } from '@hanjiang/shared'
import { appendEvent } from '../../db/repositories/incident-events.ts'
import { colleagueName, isUnitOrSection, upsertWorkAssignment } from '../../db/repositories/workbench.ts'
import type { Database } from '../../db/types.ts'
import type { WorkActor } from '../../http/work-actor.ts'
import { problems } from '../../http/problem.ts'
import { unitIncident } from './scope.ts'

/**
 * Hands an incident of the unit to one of its sections (股室) and/or a colleague. The
 * assignment row and its `assign` event go in one transaction; the event's trigger notifies the section
 * (or the colleague). The dispatch itself (incident.unit_code, deadlines) does not change. The colleague must be
 * an enabled handler or supervisor of the caller's own unit (GET /api/workbench/colleagues lists them).
 */
export async function assignWithinUnit({
  database,
  actor,
  unitCode,
  code,
  sectionCode,
  assignee,
  note,
}: {
  database: Database
  actor: WorkActor
  unitCode: string
  code: string
  sectionCode: string | null
  assignee: string | null
  note?: string
}): Promise<{ code: string; section: string | null; assignee: string | null; assigneeName: string | null }> {
  if (actor.role !== 'unit_supervisor' && actor.role !== 'handler') {
    throw problems.forbidden('role_not_allowed', 'Only handlers and unit supervisors assign within a unit')
  }
  if (!sectionCode && !assignee) {
    throw problems.validation('Name a section, a colleague or both', [
      { path: 'sectionCode', message: 'required without assignee' },
    ])
  }
  const rec = await unitIncident(database, unitCode, code)
  if (!inStates(UNIT_WORK_STATES, rec.state)) {
    throw problems.conflict('not_open', `Incident ${code} is ${rec.state}: only open work is assigned`, {
      state: rec.state,
    })
  }
  if (sectionCode && !(await isUnitOrSection(database, unitCode, sectionCode))) {
    throw problems.unprocessable('unknown_section', `${sectionCode} is not a section of ${unitCode}`, {
      errors: [{ path: 'sectionCode', message: 'not a section of your unit' }],
    })
  }
  let assigneeName: string | null = null
  if (assignee) {
    assignee = assignee.toLowerCase()
    assigneeName = await colleagueName(database, unitCode, assignee)
    if (assigneeName === null) {
      throw problems.unprocessable('unknown_colleague', `${assignee} is not an active colleague of ${unitCode}`, {
        errors: [{ path: 'assignee', message: 'not an active handler or supervisor of your unit' }],
      })
    }
  }
  const at = new Date()
  await database.db.transaction(async (tx) => {
    await upsertWorkAssignment(database, tx, { incidentId: rec.id, sectionCode, assignee, by: actor.id, at })
    await appendEvent(database, tx, rec.id, at, {
      actor: actor.id,
      actorRole: actor.role,
      action: 'assign',
      fromState: rec.state,
      toState: rec.state,
      note: note ?? null,
      data: { sectionCode, assignee },
    })
  })
  return { code, section: sectionCode, assignee, assigneeName }
}
