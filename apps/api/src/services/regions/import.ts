import { z } from 'zod'
import { REGION_LEVELS } from '@hanjiang/shared'
import type { Database } from '../../db/types.ts'
import { importProblem, type FeatureIssue } from '../geometry/issues.ts'
import { parseFeatureCollection } from '../geometry/feature-collection.ts'
import { applyRegionChanges, type RegionChange } from './apply.ts'

const properties = z.object({
  code: z.string({ message: 'code is required' }),
  name: z.string({ message: 'name is required' }).trim().min(1, 'name must not be empty').max(100, 'name is at most 100 characters'),
  level: z.enum(REGION_LEVELS, { message: `level must be one of ${REGION_LEVELS.join(', ')}` }),
  parentCode: z.string().nullable().optional(),
})

export interface ImportSummary {
  dryRun: boolean
  created: number
  updated: number
  unchanged: number
  features: { index: number; code: string; action: 'created' | 'updated' | 'unchanged'; version: number }[]
}

/**
 * Imports a FeatureCollection of regions (properties code, name, level, parentCode; the feature id
 * is ignored, the code is the identity). Every feature is checked first — shape, size, code rules,
 * parents (current or in the same file), PostGIS validity, then the resulting tree (outside parent,
 * sibling overlaps) — and either all are applied in one transaction or none is, with a 422
 * import_invalid listing each feature's problems. New codes are created; a code whose name or
 * geometry differs gets a new version; identical features are left alone (re-importing is a no-op).
 * Regions missing from the file are not touched.
 */
export async function importRegions({ database, input, dryRun = false }: { database: Database; input: unknown; dryRun?: boolean }): Promise<ImportSummary> {
  const features = parseFeatureCollection(input)
  const pre: FeatureIssue[] = []
  const changes: RegionChange[] = []
  features.forEach((f, index) => {
    if (f.problem) {
      pre.push({ ...f.problem, feature: index })
      return
    }
    const p = properties.safeParse(f.properties)
    if (!p.success) {
      for (const i of p.error.issues) {
        pre.push({ code: 'validation_failed', status: 400, path: `properties.${i.path.join('.')}`, message: i.message, feature: index })
      }
      return
    }
    changes.push({
      index,
      mode: 'upsert',
      code: p.data.code,
      name: p.data.name,
      level: p.data.level,
      parentCode: p.data.parentCode ?? null,
      geometry: f.geometry,
      propertyPath: 'properties.',
    })
  })
  const merge = (found: FeatureIssue[]) =>
    [...pre, ...found].sort((a, b) => (a.feature ?? 0) - (b.feature ?? 0))
  const results = await applyRegionChanges({
    database,
    changes,
    // Features already refused above are not in `changes`: never write a partial import.
    dryRun: dryRun || pre.length > 0,
    refuse: (found) => importProblem(merge(found), features.length),
  })
  if (pre.length) throw importProblem(merge([]), features.length)
  const count = (a: string) => results.filter((r) => r.action === a).length
  return {
    dryRun,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    features: results.map((r) => ({ index: r.index, code: r.code, action: r.action, version: r.version })),
  }
}
