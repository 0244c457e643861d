import { corpusStats, indexDocument, rankDocuments, type IndexedDocument } from '../search/bm25.ts'
import { queryTerms } from '../search/tokenize.ts'

export interface SearchableItem {
  code: string
  name: string
  nameEn: string | null
  unitName: string
  materials: readonly string[]
  steps: string
  pinyinInitials: string
}

export interface CatalogueHit<T> {
  item: T
  score: number
  /** How it matched: Chinese words (BM25), pinyin initials, or the item code. */
  via: 'text' | 'pinyin' | 'code'
}

/**
 * What citizens say for what the catalogue writes (社保卡 for 社会保障卡): the query is searched with the long
 * form added, so the short form matches the item's official name.
 */
export const CATALOGUE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  社保卡: '社会保障卡',
  社保: '社会保险',
  医保: '医疗保障 医疗保险',
  低保: '最低生活保障',
  身份证: '居民身份证',
  公积金: '住房公积金',
  落户: '户口 出生登记',
  老年证: '老年人优待证',
  营业执照: '个体工商户设立登记',
  开户: '新装 开户',
  过户: '过户 更名',
  补办: '补领 补换 挂失',
}

/** The query with the long forms of its abbreviations appended. */
export function expandQuery(q: string): string {
  const extra = Object.entries(CATALOGUE_ABBREVIATIONS)
    .filter(([short]) => q.includes(short))
    .map(([, long]) => long)
  return extra.length ? `${q} ${extra.join(' ')}` : q
}

/** Latin letters only: pinyin initials (sbk for 社保卡) — or an item code such as MZ-04. */
const LATIN = /^[a-z]+$/i
const CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/i

/**
 * Ranks catalogue items for a citizen's query (docs/SERVICES.md §1). Chinese: the knowledge base's tokenizer and
 * BM25, the name weighted over the unit and materials. Latin letters: items whose pinyin initials contain them,
 * those starting with them first, then shorter names. An exact code first of all.
 */
export function searchCatalogue<T extends SearchableItem>(query: string, items: readonly T[], limit = 20, index = indexCatalogue(items)): CatalogueHit<T>[] {
  const q = query.trim()
  if (!q) return []
  const out: CatalogueHit<T>[] = []
  const seen = new Set<string>()
  const push = (h: CatalogueHit<T>) => {
    if (!seen.has(h.item.code)) {
      seen.add(h.item.code)
      out.push(h)
    }
  }
  if (CODE.test(q)) for (const item of items) if (item.code === q.toUpperCase()) push({ item, score: Infinity, via: 'code' })
  if (LATIN.test(q)) {
    const needle = q.toLowerCase()
    items
      .map((item, i) => ({ item, i, at: item.pinyinInitials.indexOf(needle) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => Number(a.at !== 0) - Number(b.at !== 0) || a.item.pinyinInitials.length - b.item.pinyinInitials.length || a.i - b.i)
      .forEach((x) => push({ item: x.item, score: x.at === 0 ? 2 : 1, via: 'pinyin' }))
  }
  const terms = queryTerms(expandQuery(q))
  if (terms.length) {
    const docs = items.map((item, i) => ({ item, ...index[i]! }))
    for (const r of rankDocuments(terms, docs, corpusStats(docs, terms))) push({ item: r.doc.item, score: Math.round(r.score * 1e4) / 1e4, via: 'text' })
  }
  return out.slice(0, limit)
}

/** The BM25 index of each item (name as title, unit as a tag, materials and steps as body). */
export function indexCatalogue(items: readonly SearchableItem[]): IndexedDocument[] {
  return items.map((i) => indexDocument({ title: i.name, titleEn: i.nameEn, tags: [i.unitName], body: `${i.materials.join('，')}。${i.steps}` }))
}
