import { unitDirectory, type Taxonomy } from '@hanjiang/shared'
import { loadTaxonomy } from '../../db/repositories/taxonomy.ts'
import type { AppDb, Database } from '../../db/types.ts'

export interface Reference {
  taxonomy: Taxonomy
  units: Map<string, { name: string; nameEn: string }>
  /** Street region code → its office (属地 unit). */
  streetOffices: Map<string, { code: string; name: string; nameEn: string }>
}

const TTL_MS = 10_000
const cache = new WeakMap<Database, { at: number; value: Promise<Reference> }>()

/**
 * Taxonomy and units change rarely (admin edits) but are read on every assignment: keep them for a
 * few seconds per database, so the hot path costs one spatial statement. `invalidate` after edits.
 */
export function reference(database: Database): Promise<Reference> {
  const hit = cache.get(database)
  if (hit && performance.now() - hit.at < TTL_MS) return hit.value
  const value = loadTaxonomy(database).then(referenceOf)
  value.catch(() => cache.delete(database))
  cache.set(database, { at: performance.now(), value })
  return value
}

/** The reference as read in `tx` (uncached: the seed reads what its own transaction wrote). */
export async function loadReference(database: Database, tx: AppDb): Promise<Reference> {
  return referenceOf(await loadTaxonomy(database, tx))
}

function referenceOf(taxonomy: Taxonomy): Reference {
  const streetOffices = new Map<string, { code: string; name: string; nameEn: string }>()
  for (const u of taxonomy.units) {
    if (u.kind === 'street_office' && u.regionCode) streetOffices.set(u.regionCode, { code: u.code, name: u.name, nameEn: u.nameEn })
  }
  return { taxonomy, units: unitDirectory(taxonomy), streetOffices }
}

export function invalidateReference(database: Database): void {
  cache.delete(database)
}
