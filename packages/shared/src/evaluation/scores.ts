import type { Indicators, RateKey } from './indicators.ts'

/**
 * A weighted score scheme (考评方案): each component is a rate; "higher" components score weight × rate,
 * "lower" ones weight × (1 − rate). Weights are whole or decimal points and must sum to 100.
 */
export interface ScoreComponent {
  indicator: RateKey
  weight: number
  better: 'higher' | 'lower'
}

export interface ScoreScheme {
  components: ScoreComponent[]
}

/** A real district's published scheme: 处置率 30, 按期处置率 20, 返工率 20, 超期待处置率 20, 延期率 10. */
export const DEFAULT_SCORE_SCHEME: ScoreScheme = {
  components: [
    { indicator: 'handlingRate', weight: 30, better: 'higher' },
    { indicator: 'handledOnTimeRate', weight: 20, better: 'higher' },
    { indicator: 'reworkRate', weight: 20, better: 'lower' },
    { indicator: 'overdueOpenRate', weight: 20, better: 'lower' },
    { indicator: 'extensionRate', weight: 10, better: 'lower' },
  ],
}

/** Which direction is better for each rate (a scheme may only weight these). */
export const RATE_DIRECTION: Record<RateKey, 'higher' | 'lower'> = {
  dispatchOnTimeRate: 'higher',
  accurateDispatchRate: 'higher',
  handlingRate: 'higher',
  handledOnTimeRate: 'higher',
  overdueOpenRate: 'lower',
  reworkRate: 'lower',
  extensionRate: 'lower',
  urgentRegistrationRate: 'higher',
  urgentArrivalRate: 'higher',
  satisfactionRate: 'higher',
}

export interface SchemeIssue {
  path: string
  message: string
}

/** Problems with a scheme (empty: valid). Weights must be ≥ 0, indicators known and distinct, the sum 100. */
export function schemeIssues(s: { components: { indicator: string; weight: number; better?: string }[] }): SchemeIssue[] {
  const issues: SchemeIssue[] = []
  if (!Array.isArray(s.components) || s.components.length === 0) return [{ path: 'components', message: 'at least one component' }]
  const seen = new Set<string>()
  s.components.forEach((c, i) => {
    if (!Object.prototype.hasOwnProperty.call(RATE_DIRECTION, c.indicator))
      issues.push({ path: `components.${i}.indicator`, message: `unknown indicator ${JSON.stringify(c.indicator)}` })
    if (seen.has(c.indicator)) issues.push({ path: `components.${i}.indicator`, message: `${c.indicator} given twice` })
    seen.add(c.indicator)
    if (typeof c.weight !== 'number' || !Number.isFinite(c.weight) || c.weight < 0 || c.weight > 100)
      issues.push({ path: `components.${i}.weight`, message: 'a number from 0 to 100' })
  })
  const sum = s.components.reduce((a, c) => a + (Number.isFinite(c.weight) ? c.weight : 0), 0)
  if (Math.abs(sum - 100) > 1e-9) issues.push({ path: 'components', message: `weights must sum to 100, they sum to ${Math.round(sum * 1000) / 1000}` })
  return issues
}

/** A scheme as given (the direction of each component comes from the indicator, never from input). */
export function normaliseScheme(s: { components: { indicator: string; weight: number }[] }): ScoreScheme {
  return { components: s.components.map((c) => ({ indicator: c.indicator as RateKey, weight: c.weight, better: RATE_DIRECTION[c.indicator as RateKey] })) }
}

export interface ScoreBreakdown {
  /** 0–100, rounded to 2 decimals; null when no component could be measured. */
  score: number | null
  parts: { indicator: RateKey; weight: number; rate: number | null; points: number | null }[]
}

/**
 * The score of one scope's indicators. A component whose rate has no denominator (nothing to handle) is left
 * out and the others are scaled to 100, so a unit is neither rewarded nor punished for an empty period.
 */
export function scoreOf(ind: Indicators, scheme: ScoreScheme = DEFAULT_SCORE_SCHEME): ScoreBreakdown {
  let points = 0
  let weights = 0
  const parts = scheme.components.map((c) => {
    const r = ind[c.indicator]
    if (r === null) return { indicator: c.indicator, weight: c.weight, rate: null, points: null }
    const p = c.weight * (c.better === 'higher' ? r : 1 - r)
    points += p
    weights += c.weight
    return { indicator: c.indicator, weight: c.weight, rate: r, points: p }
  })
  return { score: weights > 0 ? Math.round((points / weights) * 100 * 100) / 100 : null, parts }
}

export interface RankRow {
  code: string
  score: number | null
}

export interface RankedRow<T extends RankRow> {
  row: T
  rank: number | null
  previousRank: number | null
  previousScore: number | null
  /** previousRank − rank: positive = moved up. */
  rankChange: number | null
  scoreChange: number | null
  list: 'red' | 'black' | null
}

/**
 * Ranks by score (highest first; ties share a rank, then by code for a stable order), with the change
 * against the previous period's ranking and the red/black list (红黑榜): the top `listSize` scored rows are
 * red, the bottom `listSize` black (never both: with few rows the lists do not overlap).
 */
export function rank<T extends RankRow>(rows: readonly T[], previous: readonly RankRow[], listSize = 3): RankedRow<T>[] {
  const order = (xs: readonly RankRow[]): Map<string, number> => {
    const scored = xs.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score! || a.code.localeCompare(b.code))
    const m = new Map<string, number>()
    scored.forEach((r, i) => m.set(r.code, i > 0 && scored[i - 1]!.score === r.score ? m.get(scored[i - 1]!.code)! : i + 1))
    return m
  }
  const now = order(rows)
  const before = order(previous)
  const prevScore = new Map(previous.map((r) => [r.code, r.score]))
  const scoredCount = now.size
  const half = Math.floor(scoredCount / 2)
  const n = Math.min(listSize, half)
  const sorted = [...rows].sort((a, b) => (now.get(a.code) ?? 1e9) - (now.get(b.code) ?? 1e9) || a.code.localeCompare(b.code))
  return sorted.map((row, i) => {
    const r = now.get(row.code) ?? null
    const pr = before.get(row.code) ?? null
    const ps = prevScore.get(row.code) ?? null
    return {
      row,
      rank: r,
      previousRank: pr,
      previousScore: ps,
      rankChange: r !== null && pr !== null ? pr - r : null,
      scoreChange: row.score !== null && ps !== null ? Math.round((row.score - ps) * 100) / 100 : null,
      list: r === null ? null : i < n ? 'red' : i >= scoredCount - n ? 'black' : null,
    }
  })
}
