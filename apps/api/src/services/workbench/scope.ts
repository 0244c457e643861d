import { type IncidentRecord } from '../../db/repositories/incident-rows.ts'
import { findIncidentByCode } from '../../db/repositories/incidents.ts'
import { isUnitOrSection } from '../../db/repositories/workbench.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

/**
 * The incident, if it is the unit's (or one of its sections'). Another unit's incident answers 404 like a
 * missing one: the workbench does not tell who else has what.
 */
export async function unitIncident(database: Database, unitCode: string, code: string): Promise<IncidentRecord> {
  const rec = await findIncidentByCode(database, code)
  if (!rec || !rec.unitCode || !(await isUnitOrSection(database, unitCode, rec.unitCode))) {
    throw problems.notFound('incident', `No incident ${code} in your unit's work`)
  }
  return rec
}
