import { describe, expect, it } from 'vitest'
import type { Indicators } from './indicators.ts'
import { DEFAULT_SCORE_SCHEME, normaliseScheme, rank, schemeIssues, scoreOf } from './scores.ts'

const ind = (r: Partial<Indicators>): Indicators =>
  ({
    handlingRate: 0.9, handledOnTimeRate: 0.8, reworkRate: 0.1, overdueOpenRate: 0.05, extensionRate: 0.2, ...r,
  }) as Indicators

describe('scores', () => {
  it('default scheme: higher rates score weight × rate, lower ones weight × (1 − rate)', () => {
    // 30×0.9 + 20×0.8 + 20×0.9 + 20×0.95 + 10×0.8 = 27 + 16 + 18 + 19 + 8 = 88
    expect(scoreOf(ind({})).score).toBe(88)
    expect(scoreOf(ind({ handlingRate: 1, handledOnTimeRate: 1, reworkRate: 0, overdueOpenRate: 0, extensionRate: 0 })).score).toBe(100)
  })
  it('a component with nothing to measure is left out and the rest scaled to 100', () => {
    expect(scoreOf(ind({ extensionRate: null })).score).toBe(Math.round((80 / 90) * 10000) / 100)
    expect(scoreOf(ind({ handlingRate: null, handledOnTimeRate: null, reworkRate: null, overdueOpenRate: null, extensionRate: null })).score).toBeNull()
  })
  it('weights must sum to 100, indicators be known and distinct', () => {
    expect(schemeIssues(DEFAULT_SCORE_SCHEME)).toEqual([])
    expect(schemeIssues({ components: [{ indicator: 'handlingRate', weight: 60 }, { indicator: 'reworkRate', weight: 30 }] })[0]!.message).toMatch(/sum to 100.*90/)
    expect(schemeIssues({ components: [{ indicator: 'nope', weight: 100 }] })[0]!.path).toBe('components.0.indicator')
    expect(schemeIssues({ components: [{ indicator: 'handlingRate', weight: 50 }, { indicator: 'handlingRate', weight: 50 }] })).toHaveLength(1)
    expect(schemeIssues({ components: [{ indicator: 'handlingRate', weight: -10 }, { indicator: 'reworkRate', weight: 110 }] }).length).toBeGreaterThan(1)
    expect(normaliseScheme({ components: [{ indicator: 'reworkRate', weight: 100 }] }).components[0]!.better).toBe('lower')
  })
  it('ranks with ties, change against the previous period and the red/black list', () => {
    const rows = [
      { code: 'a', score: 90 }, { code: 'b', score: 80 }, { code: 'c', score: 80 }, { code: 'd', score: 60 }, { code: 'e', score: 50 },
      { code: 'f', score: 40 }, { code: 'g', score: null },
    ]
    const prev = [{ code: 'a', score: 70 }, { code: 'd', score: 95 }, { code: 'f', score: 40 }]
    const r = rank(rows, prev, 2)
    expect(r.map((x) => [x.row.code, x.rank])).toEqual([['a', 1], ['b', 2], ['c', 2], ['d', 4], ['e', 5], ['f', 6], ['g', null]])
    expect(r.map((x) => x.list)).toEqual(['red', 'red', null, null, 'black', 'black', null])
    const a = r[0]!
    expect([a.previousRank, a.rankChange, a.scoreChange]).toEqual([2, 1, 20])
    expect(r[3]!.rankChange).toBe(-3)
    expect(r[1]!.rankChange).toBeNull()
  })
})
