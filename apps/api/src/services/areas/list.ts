import { listAreas as listAreaRows } from '../../db/repositories/areas.ts'
import type { Database } from '../../db/types.ts'

export interface ListAreasInput {
  unitCode?: string
  /** The areas that apply to this class code: the class itself and its ancestors. */
  classCode?: string
  includeInactive?: boolean
}

/** Areas as a GeoJSON FeatureCollection (text), active only unless asked. */
export function listAreas({ database, input }: { database: Database; input: ListAreasInput }): Promise<string> {
  return listAreaRows(database, input)
}
