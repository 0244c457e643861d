import { searchCatalogue } from '@hanjiang/shared'
import { listCurrentItems } from '../../db/repositories/service-catalogue.ts'
import type { Database } from '../../db/types.ts'
import { itemView } from './view.ts'

/**
 * The current catalogue, or the items matching a query (Chinese words, pinyin initials or a code) best first;
 * one statement, ranked in memory by the shared searchCatalogue (docs/SERVICES.md §1).
 */
export async function searchItems(database: Database, opts: { q?: string; category?: string; limit: number }) {
  const all = (await listCurrentItems(database)).filter((i) => !opts.category || i.category === opts.category)
  if (!opts.q) return { items: all.slice(0, opts.limit).map(itemView) }
  return { items: searchCatalogue(opts.q, all, opts.limit).map((h) => ({ ...itemView(h.item), via: h.via })) }
}
