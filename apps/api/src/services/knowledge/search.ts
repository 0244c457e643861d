import { matchedSpans, queryTerms, rankDocuments } from '@hanjiang/shared'
import { knowledgeCandidates, type KnowledgeEntry, type KnowledgeKind } from '../../db/repositories/knowledge.ts'
import type { Database } from '../../db/types.ts'

export interface KnowledgeMatch extends KnowledgeEntry {
  /** BM25 score (comparable within one query only). */
  score: number
  /** The parts of the question that matched, for highlighting (社保卡, 补办). */
  matched: string[]
  /** The matched index terms with their share of the score, biggest first. */
  terms: { term: string; score: number }[]
}

export interface KnowledgeSearchResult {
  query: string
  /** The query's search terms after tokenization (empty: nothing searchable, e.g. only 怎么办). */
  terms: string[]
  results: KnowledgeMatch[]
}

/** Candidates fetched per result wanted: the SQL pre-rank by IDF is close to BM25, so a margin suffices. */
const CANDIDATES_PER_RESULT = 10
const MIN_CANDIDATES = 50

const round = (x: number) => Math.round(x * 1e4) / 1e4

/**
 * R15: the entries best answering a citizen's question. Tokenizes in Node (shared), lets the database pick
 * candidates by token overlap on the GIN index with corpus statistics, ranks them with the shared BM25.
 */
export async function searchKnowledge(
  database: Database,
  query: string,
  opts: { limit: number; kind?: KnowledgeKind },
): Promise<KnowledgeSearchResult> {
  const terms = queryTerms(query)
  if (terms.length === 0) return { query, terms, results: [] }
  const { stats, candidates } = await knowledgeCandidates(database, terms, {
    kind: opts.kind,
    limit: Math.max(MIN_CANDIDATES, opts.limit * CANDIDATES_PER_RESULT),
  })
  const ranked = rankDocuments(terms, candidates, stats, opts.limit)
  return {
    query,
    terms,
    results: ranked.map(({ doc, score, terms: t }) => {
      const { termFreqs: _tf, length: _len, ...entry } = doc
      return {
        ...entry,
        score: round(score),
        matched: matchedSpans(query, t.map((x) => x.term)),
        terms: t.map((x) => ({ term: x.term, score: round(x.score) })),
      }
    }),
  }
}
