import { coverageGapsLeft, retireBlockers, retireRegions } from '../../db/repositories/region-change-impact.ts'
import { highestChildCodes, staleRegions, usedCodes, type ChangeItem } from '../../db/repositories/region-change-sets.ts'
import { lockRegionTree } from '../../db/repositories/region-writes.ts'
import type { AppDb, Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import type { FeatureIssue, IssueBody } from '../geometry/issues.ts'
import { applyRegionChanges, type RegionChange, type WrittenRegion } from '../regions/apply.ts'
import { levelOfCode, nextChildCode } from '../regions/codes.ts'
import { changeSetProblem } from './problem.ts'

export interface Staged {
  /** The instant the new versions start (and the old ones end). */
  ts: string
  /** Per item index: the code it has (assigned for new regions). */
  codes: Map<number, string>
  written: WrittenRegion[]
  retired: { code: string; version: number }[]
}

const pretty = (m2: number) => `${m2.toLocaleString('en-US', { maximumFractionDigits: 1 })} m²`

/**
 * Writes a change set's items into the region tree inside `tx` (the caller commits — approval — or
 * rolls back — preview, submission): takes the region-tree lock, refuses stale items (409
 * change_set_stale naming each region with both versions), hands out the next free codes, retires,
 * then creates/updates through the one region write path (services/regions/apply.ts: geometry
 * validity, size, identity, outside parent, sibling overlap), then checks retirements and the gaps
 * left in each parent. Any problem → one 422 change_set_invalid listing all, nothing written.
 * `at`: the effective-from instant (never earlier than the lock's instant).
 */
export async function stageChangeSet(database: Database, tx: AppDb, changeSetId: number, items: ChangeItem[], at?: Date): Promise<Staged> {
  if (!items.length) throw problems.unprocessable('change_set_empty', `change set ${changeSetId} has no items: nothing to check or publish`)
  const lockTs = await lockRegionTree(database, tx, items.flatMap((i) => (i.code ? [i.code] : [])))
  const ts = at && at.getTime() > Date.parse(lockTs) ? at.toISOString() : lockTs

  const stale = await staleRegions(database, changeSetId, tx)
  if (stale.length) {
    const list = stale.map((s) => `${s.code} (edited from version ${s.baseVersion}, now ${s.currentVersion === null ? 'retired' : `version ${s.currentVersion}`})`)
    throw problems.conflict('change_set_stale', `regions changed since this draft began: ${list.join(', ')}; reload them and edit again`, { regions: stale })
  }

  const issues: FeatureIssue[] = []
  const issue = (index: number, body: IssueBody) => issues.push({ ...body, feature: index })

  // Codes: explicit ones must never have been used; new ones continue after the highest ever used.
  const codes = new Map<number, string>()
  const creates = items.filter((i) => i.op === 'create')
  const used = await usedCodes(database, tx, creates.flatMap((i) => (i.code ? [i.code] : [])))
  for (const it of creates) {
    if (!it.code) continue
    const u = used.get(it.code)
    if (u?.retiredAt) issue(it.index, { code: 'code_retired', status: 422, path: 'code', regionCode: it.code, message: `code ${it.code} belonged to a region retired at ${u.retiredAt}; codes are never reused — leave code empty to get the next free one` })
    else codes.set(it.index, it.code)
  }
  const needCodes = creates.filter((i) => !i.code)
  const highest = await highestChildCodes(database, tx, [...new Map(needCodes.map((i) => [`${i.parentCode}|${i.level}`, { parentCode: i.parentCode!, level: i.level }])).values()])
  const taken = new Set(codes.values())
  for (const it of needCodes) {
    const code = nextChildCode(it.parentCode!, it.level, highest.get(`${it.parentCode}|${it.level}`) ?? null, taken)
    if (!code) issue(it.index, { code: 'codes_exhausted', status: 422, path: 'parentCode', message: `no free ${it.level} code left under ${it.parentCode} (all 999 have been used)` })
    else {
      codes.set(it.index, code)
      taken.add(code)
    }
  }
  for (const it of items) if (it.op !== 'create') codes.set(it.index, it.code!)
  if (issues.length) throw changeSetProblem(issues, items.length)

  // Retire first, so a new grid may take over a retired one's ground without overlapping it.
  const retiring = items.filter((i) => i.op === 'retire')
  const retired = await retireRegions(database, tx, retiring.map((i) => i.code!), ts)
  for (const it of retiring) {
    if (!retired.some((r) => r.code === it.code)) issue(it.index, { code: 'region_not_found', status: 404, path: 'code', regionCode: it.code, message: `no current region with code ${it.code}` })
  }
  if (issues.length) throw changeSetProblem(issues, items.length)

  const changes: RegionChange[] = items
    .filter((i) => i.op !== 'retire')
    .map((i) => ({
      index: i.index,
      mode: i.op === 'create' ? ('create' as const) : ('update' as const),
      code: codes.get(i.index)!,
      name: i.name ?? undefined,
      level: i.op === 'create' ? i.level : undefined,
      parentCode: i.op === 'create' ? i.parentCode : undefined,
      geometry: i.geometry ?? undefined,
    }))
  let written: WrittenRegion[] = []
  if (changes.length) {
    written = await applyRegionChanges({
      database,
      changes,
      within: { tx, ts },
      refuse: (found) => changeSetProblem(found.map((f) => relabel(f)), items.length),
    })
  }

  for (const b of await retireBlockers(database, tx, retired.map((r) => r.code))) {
    const it = retiring.find((i) => i.code === b.code)!
    if (b.children.length) {
      issue(it.index, { code: 'region_has_children', status: 409, path: 'code', regionCode: b.code, children: b.children,
        message: `${b.code} cannot be retired: its children ${b.children.slice(0, 5).join(', ')}${b.children.length > 5 ? ', …' : ''} stay current; retire or move them in the same change set` })
    }
    if (b.units.length) {
      issue(it.index, { code: 'region_in_use', status: 409, path: 'code', regionCode: b.code, units: b.units,
        message: `${b.code} cannot be retired: it is the territory of unit ${b.units.join(', ')}; reassign the unit first` })
    }
  }
  const touched = [...new Set([...retired.map((r) => r.code), ...written.filter((w) => w.geometryChanged).map((w) => w.code)])]
  for (const g of await coverageGapsLeft(database, tx, touched, ts)) {
    const index = [...codes].find(([, c]) => c === g.regionCode)?.[0] ?? 0
    issue(index, { code: 'coverage_gap', status: 422, path: 'geometry', regionCode: g.regionCode, parentCode: g.parentCode, geometry: g.geometry, areaM2: g.areaM2,
      message: `${pretty(g.areaM2)} of ${g.parentCode} that ${g.regionCode} covered is no longer covered by any ${levelOfCode(g.regionCode) ?? 'child'} (the gap is in geometry); give it to a neighbour or a new region` })
  }
  if (issues.length) throw changeSetProblem(issues, items.length)
  return { ts, codes, written, retired }
}

/** outside_parent of a street (its parent is the district) reads better as outside_district. */
function relabel(f: FeatureIssue): FeatureIssue {
  if (f.code === 'outside_parent' && typeof f.parentCode === 'string' && levelOfCode(f.parentCode) === 'district') {
    return { ...f, code: 'outside_district', message: f.message.replace('sticks out of its parent', 'sticks out of the district') }
  }
  return f
}

/** Thrown to roll back a staged change set once what it would do is known (preview, submission). */
export class StagedRollback<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back')
  }
}

/** Runs `fn` in a transaction that is always rolled back, answering what `fn` answered. */
export async function inRolledBackTransaction<T>(database: Database, fn: (tx: AppDb) => Promise<T>): Promise<T> {
  try {
    await database.db.transaction(async (tx) => {
      throw new StagedRollback(await fn(tx))
    })
  } catch (e) {
    if (e instanceof StagedRollback) return e.value as T
    throw e
  }
  throw problems.internal()
}
