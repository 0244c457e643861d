import { z } from 'zod'
import { upsertAreas, type AreaImportRow } from '../../db/repositories/areas.ts'
import type { Database } from '../../db/types.ts'
import { parseFeatureCollection } from '../geometry/feature-collection.ts'
import { importProblem, type FeatureIssue } from '../geometry/issues.ts'
import { checkAreas, type AreaCandidate } from './validate.ts'

const properties = z.object({
  name: z.string({ message: 'name is required' }).trim().min(1, 'name must not be empty').max(200, 'name is at most 200 characters'),
  unitCode: z.string({ message: 'unitCode is required' }).min(1, 'unitCode is required'),
  classCode: z.string({ message: 'classCode is required' }).min(1, 'classCode is required'),
  bufferM: z.number({ message: 'bufferM must be a number of metres' }).nullable().optional(),
})
const featureId = z.number().int().positive().max(2_147_483_647)

export interface AreaImportSummary {
  dryRun: boolean
  created: number
  updated: number
  unchanged: number
  features: { index: number; id: number; action: 'created' | 'updated' | 'unchanged'; version: number }[]
}

class DryRunRollback extends Error {
  constructor(readonly summary: AreaImportSummary) {
    super('dry run')
  }
}

/**
 * Imports a FeatureCollection of areas (properties name, unitCode, classCode, bufferM). The feature
 * id is the area's identity: an existing id is updated (and reactivated) when anything differs, an
 * unknown id is created with that id, a feature without id gets a new one. Every feature is checked
 * first; then all are written in one transaction, or none with a 422 import_invalid listing each
 * feature's problems. Areas missing from the file are left as they are.
 */
export async function importAreas({ database, input, dryRun = false }: { database: Database; input: unknown; dryRun?: boolean }): Promise<AreaImportSummary> {
  const features = parseFeatureCollection(input)
  const issues: FeatureIssue[] = []
  const candidates: (AreaCandidate & { id: number | null })[] = []
  const ids = new Map<number, number>()
  features.forEach((f, index) => {
    if (f.problem) return void issues.push({ ...f.problem, feature: index })
    let id: number | null = null
    if (f.id !== undefined && f.id !== null) {
      const parsed = featureId.safeParse(f.id)
      if (!parsed.success) return void issues.push({ code: 'validation_failed', status: 400, path: 'id', message: 'id must be a positive integer (an area id) or absent for a new area', feature: index })
      id = parsed.data
      const first = ids.get(id)
      if (first !== undefined) return void issues.push({ code: 'duplicate_id', status: 422, path: 'id', message: `id ${id} appears more than once (first at feature ${first})`, feature: index })
      ids.set(id, index)
    }
    const p = properties.safeParse(f.properties)
    if (!p.success) {
      for (const i of p.error.issues) issues.push({ code: 'validation_failed', status: 400, path: `properties.${i.path.join('.')}`, message: i.message, feature: index })
      return
    }
    candidates.push({ index, id, ...p.data, geometry: f.geometry, propertyPath: 'properties.' })
  })

  try {
    return await database.db.transaction(async (tx) => {
      const checked = await checkAreas(database, candidates, tx)
      const all = [...issues, ...checked.issues].sort((a, b) => (a.feature ?? 0) - (b.feature ?? 0))
      if (all.length) throw importProblem(all, features.length)
      const rows: AreaImportRow[] = candidates.map((c) => ({ index: c.index, id: c.id, ...checked.writes.get(c.index)! }))
      const results = await upsertAreas(database, tx, rows)
      const count = (a: string) => results.filter((r) => r.action === a).length
      const summary = { dryRun, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), features: results }
      if (dryRun) throw new DryRunRollback(summary)
      return summary
    })
  } catch (e) {
    if (e instanceof DryRunRollback) return e.summary
    throw e
  }
}
