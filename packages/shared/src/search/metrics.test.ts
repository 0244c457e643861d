import { describe, expect, it } from 'vitest'
import { formatRelevanceReport, relevanceReport } from './metrics.ts'

describe('relevanceReport', () => {
  it('computes P@1, R@k and MRR and lists the misses', () => {
    const r = relevanceReport([
      { query: 'a', expected: 'A', ranked: ['A', 'B'] },
      { query: 'b', expected: 'B', ranked: ['A', 'C', 'B'] },
      { query: 'c', expected: 'C', ranked: ['A', 'B', 'D', 'C'] },
      { query: 'd', expected: 'D', ranked: [] },
    ])
    expect(r).toMatchObject({ queries: 4, precisionAt1: 0.25, recallAtK: 0.5, k: 3 })
    expect(r.mrr).toBeCloseTo((1 + 1 / 3 + 1 / 4) / 4, 9)
    expect(r.misses.map((m) => m.query)).toEqual(['b', 'c', 'd'])
    expect(formatRelevanceReport('t', r)).toContain('P@1 25.0 %')
  })

  it('handles an empty set and refuses a bad k', () => {
    expect(relevanceReport([])).toMatchObject({ queries: 0, precisionAt1: 0, recallAtK: 0 })
    expect(() => relevanceReport([], 0)).toThrow(RangeError)
  })
})
