import { normalizeText, tokenize } from './tokenize.ts'

/**
 * BM25 ranking over field-weighted term frequencies (a BM25F simplification): a term in the title or a tag
 * counts double, since the title is the question a citizen asks and tags are the keywords a maintainer
 * adds for colloquial wordings (没水 for 停水). Pure: the API stores {@link IndexedDocument} per entry, lets
 * the GIN index pick candidates, and ranks them with {@link rankDocuments}; tests rank in memory.
 */

export const FIELD_WEIGHTS = { title: 2, tags: 2, titleEn: 1, body: 1 } as const
export const BM25_PARAMS = { k1: 1.2, b: 0.75 } as const

export interface SearchFields {
  title: string
  body: string
  tags?: readonly string[]
  titleEn?: string | null
}

export interface IndexedDocument {
  /** Distinct tokens, sorted: what the GIN index holds. */
  tokens: string[]
  /** Field-weighted term frequency of every token. */
  termFreqs: Record<string, number>
  /** Field-weighted length (sum of termFreqs). */
  length: number
}

export interface CorpusStats {
  /** Documents in the corpus (active entries). */
  docCount: number
  /** Mean {@link IndexedDocument.length}. */
  avgLength: number
  /** Documents containing each query term (terms not listed count as 0). */
  docFreq: Readonly<Record<string, number>>
}

export interface RankableDocument {
  termFreqs: Readonly<Record<string, number>>
  length: number
}

export interface TermContribution {
  term: string
  score: number
}

export interface Ranked<D> {
  doc: D
  score: number
  /** The query terms found in the document, biggest contribution first. */
  terms: TermContribution[]
}

export function indexDocument(fields: SearchFields): IndexedDocument {
  const termFreqs: Record<string, number> = {}
  const add = (text: string, weight: number) => {
    for (const t of tokenize(text, { unigrams: true })) termFreqs[t] = (termFreqs[t] ?? 0) + weight
  }
  add(fields.title, FIELD_WEIGHTS.title)
  for (const tag of fields.tags ?? []) add(tag, FIELD_WEIGHTS.tags)
  if (fields.titleEn) add(fields.titleEn, FIELD_WEIGHTS.titleEn)
  add(fields.body, FIELD_WEIGHTS.body)
  const tokens = Object.keys(termFreqs).sort()
  return { tokens, termFreqs, length: tokens.reduce((s, t) => s + termFreqs[t]!, 0) }
}

/** Lucene's BM25 IDF: always positive, so a term in every document still counts a little. */
export function idf(docFreq: number, docCount: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5))
}

export function scoreDocument(terms: readonly string[], doc: RankableDocument, stats: CorpusStats): { score: number; terms: TermContribution[] } {
  const { k1, b } = BM25_PARAMS
  const norm = stats.avgLength > 0 ? 1 - b + (b * doc.length) / stats.avgLength : 1
  const contributions: TermContribution[] = []
  for (const term of new Set(terms)) {
    const tf = doc.termFreqs[term] ?? 0
    if (tf <= 0) continue
    const score = (idf(stats.docFreq[term] ?? 0, stats.docCount) * tf * (k1 + 1)) / (tf + k1 * norm)
    contributions.push({ term, score })
  }
  contributions.sort((x, y) => y.score - x.score || (x.term < y.term ? -1 : 1))
  return { score: contributions.reduce((s, c) => s + c.score, 0), terms: contributions }
}

/** Best first; equal scores keep the input order. Documents matching no term are left out. */
export function rankDocuments<D extends RankableDocument>(terms: readonly string[], docs: readonly D[], stats: CorpusStats, limit = Infinity): Ranked<D>[] {
  return docs
    .map((doc, i) => ({ doc, i, ...scoreDocument(terms, doc, stats) }))
    .filter((r) => r.score > 0)
    .sort((x, y) => y.score - x.score || x.i - y.i)
    .slice(0, limit)
    .map(({ doc, score, terms: t }) => ({ doc, score, terms: t }))
}

/** Corpus statistics computed in memory (the API computes the same in SQL). */
export function corpusStats(docs: readonly RankableDocument[], terms: readonly string[]): CorpusStats {
  const docFreq: Record<string, number> = {}
  for (const t of new Set(terms)) docFreq[t] = docs.filter((d) => (d.termFreqs[t] ?? 0) > 0).length
  const total = docs.reduce((s, d) => s + d.length, 0)
  return { docCount: docs.length, avgLength: docs.length ? total / docs.length : 0, docFreq }
}

/**
 * The parts of the query that matched, for display: occurrences of the matched terms in the normalised
 * query, overlapping or touching ones joined (社保 + 保卡 → 社保卡), in query order.
 */
export function matchedSpans(query: string, terms: readonly string[]): string[] {
  const text = normalizeText(query)
  const ranges: [number, number][] = []
  for (const term of new Set(terms)) {
    if (!term) continue
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) ranges.push([at, at + term.length])
  }
  ranges.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  const merged: [number, number][] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return [...new Set(merged.map(([s, e]) => text.slice(s, e)))]
}
