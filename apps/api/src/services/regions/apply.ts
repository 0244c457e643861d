import type { RegionLevel } from '@hanjiang/shared'
import { SPATIAL_TOLERANCE, validityProblems } from '../../db/repositories/geometry-checks.ts'
import { stagedSpatialIssues } from '../../db/repositories/region-checks.ts'
import {
  applyStagedRegions,
  currentRegions,
  lockRegionTree,
  stageRegions,
  type WrittenRegion,
} from '../../db/repositories/region-writes.ts'
import type { AppDb, Database } from '../../db/types.ts'
import type { Problem } from '../../http/problem.ts'
import { checkGeometry, SURFACE_TYPES } from '../geometry/input.ts'
import type { FeatureIssue, IssueBody } from '../geometry/issues.ts'
import { checkRegionIdentity, impliedParentCode, levelOfCode } from './codes.ts'

export type { WrittenRegion }

/** One proposed change to the region tree (a create, a PATCH, or one feature of an import). */
export interface RegionChange {
  /** Position in the import (0 for single writes); issues carry it as `feature`. */
  index: number
  /** create: the code must not be current; update: it must be; upsert (import): either. */
  mode: 'create' | 'update' | 'upsert'
  code: string
  /** undefined: keep the current value (update only). */
  name?: string
  level?: RegionLevel
  parentCode?: string | null
  /** Raw GeoJSON from the request; undefined: keep the current geometry (update only). */
  geometry?: unknown
  /** update: refuse with 409 unless this is the current version (optimistic locking). */
  expectedVersion?: number
  /** Prefix of property paths in issues: '' for a single write's body, 'properties.' in an import. */
  propertyPath?: string
}

export interface ApplyOptions {
  database: Database
  changes: RegionChange[]
  /** Validate and compute the outcome, then roll back. */
  dryRun?: boolean
  /** Turns the issues found into the Problem thrown (single write vs import). */
  refuse: (issues: FeatureIssue[]) => Problem
  /**
   * Run inside the caller's transaction, which already holds the region-tree lock, with versions
   * switching at `ts` (a change set publishes several steps in one transaction). No dry run then.
   */
  within?: { tx: AppDb; ts: string }
}

class DryRunRollback extends Error {
  constructor(readonly results: WrittenRegion[]) {
    super('dry run')
  }
}

const pretty = (m2: number) => `${m2.toLocaleString('en-US', { maximumFractionDigits: 1 })} m²`

/**
 * The one write path of the region tree, used by create, update and import. In one transaction:
 *  1. per feature: GeoJSON shape, size limits, rings (TypeScript, before PostGIS sees anything);
 *     code/level/parent rules; existence and version; PostGIS validity (reason + location);
 *  2. if all features pass: stage, close the replaced versions and insert the new ones at one instant;
 *  3. check the resulting tree around every changed geometry (outside parent, sibling overlaps).
 * Any issue → `refuse(issues)` is thrown and nothing is written.
 */
export async function applyRegionChanges({ database, changes, dryRun = false, refuse, within }: ApplyOptions): Promise<WrittenRegion[]> {
  const issues: FeatureIssue[] = []
  const at = (ch: RegionChange, issue: IssueBody) => issues.push({ ...issue, feature: ch.index })
  const prop = (ch: RegionChange, name: string) => `${ch.propertyPath ?? ''}${name}`

  // Shape, size and rings, before any database work.
  const geometries = new Map<number, GeoJSON.Polygon | GeoJSON.MultiPolygon>()
  for (const ch of changes) {
    if (ch.geometry === undefined && ch.mode === 'update') continue
    const checked = checkGeometry(ch.geometry, SURFACE_TYPES)
    if (checked.ok) geometries.set(ch.index, checked.value.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon)
    else at(ch, checked.issue)
  }
  const seen = new Map<string, number>()
  for (const ch of changes) {
    const first = seen.get(ch.code)
    if (first !== undefined) {
      at(ch, { code: 'duplicate_code', status: 422, path: prop(ch, 'code'), message: `code ${ch.code} appears more than once (first at feature ${first})` })
    } else seen.set(ch.code, ch.index)
  }

  const run = async (tx: AppDb): Promise<WrittenRegion[]> => {
    const codes = changes.map((c) => c.code)
    const ts = within ? within.ts : await lockRegionTree(database, tx, codes)
    const parentCodes = changes.flatMap((c) => {
      const level = c.level ?? levelOfCode(c.code)
      const implied = level ? impliedParentCode(c.code, level) : null
      return [c.parentCode, implied].filter((p): p is string => typeof p === 'string')
    })
    const current = await currentRegions(database, [...codes, ...parentCodes], tx)
    const batch = new Map(changes.map((c) => [c.code, c]))

    const staged = []
    for (const ch of changes) {
      const cur = current.get(ch.code)
      if (ch.mode === 'update' && !cur) {
        at(ch, { code: 'region_not_found', status: 404, path: prop(ch, 'code'), message: `no current region with code ${ch.code}`, regionCode: ch.code })
        continue
      }
      if (ch.expectedVersion !== undefined && cur && cur.version !== ch.expectedVersion) {
        at(ch, {
          code: 'version_conflict', status: 409, path: prop(ch, 'version'),
          message: `region ${ch.code} is at version ${cur.version}, not ${ch.expectedVersion}: someone changed it meanwhile; reload and retry`,
          currentVersion: cur.version,
        })
        continue
      }
      if (ch.mode !== 'update') {
        const level = ch.level!
        const parentCode = ch.parentCode ?? null
        const inBatch = parentCode ? batch.get(parentCode) : undefined
        const parentCurrent = parentCode ? current.get(parentCode) : undefined
        const parent = inBatch?.level
          ? { code: inBatch.code, level: inBatch.level }
          : parentCurrent
            ? { code: parentCurrent.code, level: parentCurrent.level }
            : null
        const problem = checkRegionIdentity({ code: ch.code, level, parentCode }, parent)
        if (problem) {
          at(ch, { code: problem.code, status: 422, path: prop(ch, problem.path), message: problem.message, regionCode: ch.code })
          continue
        }
      }
      if (ch.mode === 'create' && cur) {
        at(ch, { code: 'region_exists', status: 409, path: prop(ch, 'code'), message: `region ${ch.code} already exists (version ${cur.version}); change it with PATCH /api/regions/${ch.code}`, regionCode: ch.code })
        continue
      }
      staged.push({
        index: ch.index,
        code: ch.code,
        name: ch.name ?? null,
        level: ch.mode === 'update' ? null : ch.level!,
        parentCode: ch.mode === 'update' ? null : (ch.parentCode ?? null),
        geometry: geometries.get(ch.index) ?? null,
      })
    }

    for (const v of await validityProblems(database, [...geometries].map(([index, geometry]) => ({ index, geometry })), tx)) {
      const ch = changes.find((c) => c.index === v.index)!
      at(ch, {
        code: 'invalid_geometry', status: 422, path: 'geometry', reason: v.reason, location: v.location,
        message: `the geometry is not valid: ${v.reason}${v.location ? ` at [${v.location.coordinates.join(', ')}]` : ''}`,
      })
    }
    if (issues.length) throw refuse(sortIssues(issues))

    await stageRegions(database, tx, staged)
    const results = await applyStagedRegions(database, tx, ts)

    const byCode = new Map(changes.map((c) => [c.code, c]))
    for (const s of await stagedSpatialIssues(database, tx)) {
      const tolerance = SPATIAL_TOLERANCE
      if (s.code === 'outside_parent') {
        const owner = byCode.get(s.childChanged ? s.regionCode : s.parentCode)!
        at(owner, {
          ...s,
          status: 422,
          path: 'geometry',
          tolerance,
          message: s.childChanged
            ? `${s.regionCode} sticks out of its parent ${s.parentCode} by ${pretty(s.areaM2)} (the offending part is in geometry)`
            : `the new geometry of ${s.parentCode} would leave its child ${s.regionCode} sticking out by ${pretty(s.areaM2)} (the offending part is in geometry); shrink the child first`,
        })
      } else {
        at(byCode.get(s.regionCode)!, {
          ...s,
          status: 422,
          path: 'geometry',
          tolerance,
          message: `${s.regionCode} overlaps its sibling ${s.siblingCode} by ${pretty(s.areaM2)} (the overlap is in geometry)`,
        })
      }
    }
    if (issues.length) throw refuse(sortIssues(issues))
    if (dryRun) throw new DryRunRollback(results)
    return results
  }

  if (within) return run(within.tx)
  try {
    return await database.db.transaction(run)
  } catch (e) {
    if (e instanceof DryRunRollback) return e.results
    throw e
  }
}

/** By feature, then in the order found. */
function sortIssues(issues: FeatureIssue[]): FeatureIssue[] {
  return issues.map((i, n) => [i, n] as const).sort((a, b) => (a[0].feature ?? 0) - (b[0].feature ?? 0) || a[1] - b[1]).map(([i]) => i)
}
