/**
 * Relevance metrics for a labelled query set where each query has one expected answer
 * (the knowledge-base evaluation of R15).
 */
export interface LabelledResult {
  query: string
  expected: string
  /** The ids returned, best first. */
  ranked: readonly string[]
}

export interface RelevanceReport {
  queries: number
  /** Share of queries whose first result is the expected one. */
  precisionAt1: number
  /** Share of queries with the expected one among the first k. */
  recallAtK: number
  k: number
  /** Mean reciprocal rank of the expected answer (0 when missing). */
  mrr: number
  misses: { query: string; expected: string; got: string[] }[]
}

export function relevanceReport(results: readonly LabelledResult[], k = 3): RelevanceReport {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`)
  let p1 = 0
  let rk = 0
  let rr = 0
  const misses: RelevanceReport['misses'] = []
  for (const r of results) {
    const at = r.ranked.indexOf(r.expected)
    if (at === 0) p1++
    else misses.push({ query: r.query, expected: r.expected, got: r.ranked.slice(0, k) })
    if (at >= 0 && at < k) rk++
    if (at >= 0) rr += 1 / (at + 1)
  }
  const n = results.length
  return { queries: n, precisionAt1: n ? p1 / n : 0, recallAtK: n ? rk / n : 0, k, mrr: n ? rr / n : 0, misses }
}

export function formatRelevanceReport(label: string, r: RelevanceReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`
  const lines = [
    `${label}: ${r.queries} queries — P@1 ${pct(r.precisionAt1)}, R@${r.k} ${pct(r.recallAtK)}, MRR ${r.mrr.toFixed(3)}`,
    ...r.misses.map((m) => `  miss: ${m.query} → want “${m.expected}”, got ${m.got.map((g) => `“${g}”`).join(', ') || 'nothing'}`),
  ]
  return lines.join('\n')
}
