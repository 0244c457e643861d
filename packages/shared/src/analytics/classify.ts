import { jenks, quantileSorted } from 'simple-statistics'

/**
 * Class breaks for a choropleth: `k + 1` ascending limits (the first is the minimum, the last the maximum); value v
 * is in class c when breaks[c] ≤ v < breaks[c + 1] (the last class includes the maximum).
 * - quantile: about as many features in each class;
 * - jenks: natural breaks (Jenks–Fisher, minimising the variance within classes; simple-statistics).
 * Fewer distinct values than classes → one class per distinct value.
 */
export type ClassMethod = 'quantile' | 'jenks'

export function classBreaks(values: readonly number[], method: ClassMethod, k: number): number[] {
  const finite = values.filter((v) => Number.isFinite(v))
  if (!finite.length) return []
  const sorted = [...finite].sort((a, b) => a - b)
  const distinct = [...new Set(sorted)]
  if (distinct.length <= k) return distinct.length === 1 ? [distinct[0]!, distinct[0]!] : distinct
  const natural = method === 'jenks' ? jenks(sorted, k) : null
  if (natural) return natural
  const breaks = [sorted[0]!]
  for (let c = 1; c < k; c++) breaks.push(quantileSorted(sorted, c / k))
  breaks.push(sorted[sorted.length - 1]!)
  // Ties can repeat a limit; keep them strictly ascending.
  return breaks.filter((b, i) => i === 0 || b > breaks[i - 1]!)
}

/** The class index of `v` (0-based), or -1 when there are no breaks. */
export function classOf(v: number, breaks: readonly number[]): number {
  if (breaks.length < 2) return breaks.length ? 0 : -1
  for (let c = breaks.length - 2; c >= 0; c--) if (v >= breaks[c]!) return c
  return 0
}
