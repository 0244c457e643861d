import { closeRegion, currentRegions, lockRegionTree, regionDependents } from '../../db/repositories/region-writes.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

/**
 * Deletes a region by closing its current version (history stays: `at` lookups before now still find it).
 * Refused (409) while it has current children or is the territory of an active unit.
 */
export async function deleteRegion({ database, code }: { database: Database; code: string }): Promise<{ code: string; version: number; validTo: string }> {
  return database.db.transaction(async (tx) => {
    const ts = await lockRegionTree(database, tx, [code])
    if (!(await currentRegions(database, [code], tx)).has(code)) throw problems.notFound('region', `No current region with code ${code}`)
    const { children, units } = await regionDependents(database, code, tx)
    if (children.length) {
      throw problems.conflict('region_has_children',
        `region ${code} still has ${children.length} current child region${children.length === 1 ? '' : 's'} (${children.slice(0, 5).join(', ')}${children.length > 5 ? ', …' : ''}); delete or move them first`,
        { children })
    }
    if (units.length) {
      throw problems.conflict('region_in_use', `region ${code} is the territory of unit ${units.join(', ')}; reassign the unit first`, { units })
    }
    const closed = await closeRegion(database, tx, code, ts)
    if (!closed) throw problems.notFound('region', `No current region with code ${code}`)
    return { code, version: closed.version, validTo: ts }
  })
}
