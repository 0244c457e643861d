import { describe, expect, it } from 'vitest'
import { corpusStats, indexDocument, rankDocuments } from './bm25.ts'
import { knowledgeEvalQueries, seedKnowledgeEntries } from './knowledge-seed.test-helper.ts'
import { formatRelevanceReport, relevanceReport } from './metrics.ts'
import { queryTerms } from './tokenize.ts'

// The same measurement runs through the API on both database engines (apps/api/test/knowledge.test.ts).
describe('knowledge-base relevance on the labelled set (seed/knowledge-eval.json)', () => {
  const entries = seedKnowledgeEntries()
  const docs = entries.map((e) => ({ key: e.titleEn, ...indexDocument(e) }))
  const queries = knowledgeEvalQueries()

  it('has a labelled set of at least 20 questions, each naming a seed entry', () => {
    expect(entries.length).toBeGreaterThanOrEqual(30)
    expect(queries.length).toBeGreaterThanOrEqual(20)
    const keys = new Set(docs.map((d) => d.key))
    expect(keys.size).toBe(docs.length)
    for (const q of queries) expect(keys, q.q).toContain(q.expected)
  })

  it('reaches P@1 ≥ 0.8 and R@3 ≥ 0.9', () => {
    const report = relevanceReport(
      queries.map(({ q, expected }) => {
        const terms = queryTerms(q)
        return { query: q, expected, ranked: rankDocuments(terms, docs, corpusStats(docs, terms), 3).map((r) => r.doc.key) }
      }),
    )
    console.log(formatRelevanceReport('knowledge search (in memory)', report))
    expect(report.precisionAt1).toBeGreaterThanOrEqual(0.8)
    expect(report.recallAtK).toBeGreaterThanOrEqual(0.9)
  })
})
