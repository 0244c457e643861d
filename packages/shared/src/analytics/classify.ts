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
  return quantileBreaks(sorted, k)
}

/**
 * Quantile limits that survive ties. Counts per grid are mostly 0: plain quantiles then all land on 0 and collapse
 * into one class. Here a tied bottom becomes a class of its own and the rest is split again by quantiles, so the
 * map still shows k classes where the data has that many distinct values.
 */
function quantileBreaks(sorted: readonly number[], k: number): number[] {
  const max = sorted[sorted.length - 1]!
  const breaks = [sorted[0]!]
  let rest = sorted
  for (let left = k; left > 1; left--) {
    const last = breaks[breaks.length - 1]!
    let q: number | undefined = quantileSorted(rest as number[], 1 / left)
    if (q <= last) q = rest.find((v) => v > last)
    if (q === undefined || q >= max) break
    breaks.push(q)
    rest = rest.filter((v) => v >= q!)
  }
  breaks.push(max)
  return breaks
}

/** The class index of `v` (0-based), or -1 when there are no breaks. */
export function classOf(v: number, breaks: readonly number[]): number {
  if (breaks.length < 2) return breaks.length ? 0 : -1
  for (let c = breaks.length - 2; c >= 0; c--) if (v >= breaks[c]!) return c
  return 0
}
