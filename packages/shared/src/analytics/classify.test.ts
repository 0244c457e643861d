import { describe, expect, it } from 'vitest'
import { classBreaks, classOf } from './classify.ts'
import { emergingClass } from './emerging.ts'

describe('choropleth classes', () => {
  const v = [1, 1, 2, 2, 3, 10, 11, 12, 30, 31]
  it('natural breaks separate the groups', () => {
    const b = classBreaks(v, 'jenks', 3)
    expect(b).toEqual([1, 10, 30, 31])
    expect([1, 3, 10, 12, 30, 31].map((x) => classOf(x, b))).toEqual([0, 0, 1, 1, 2, 2])
  })
  it('quantiles keep k classes when most values tie at the bottom (counts per grid)', () => {
    const counts = [...Array<number>(80).fill(0), 1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 9, 11, 13]
    const b = classBreaks(counts, 'quantile', 5)
    expect(b).toHaveLength(6)
    expect(b[0]).toBe(0)
    expect(b[5]).toBe(13)
    for (let i = 1; i < b.length; i++) expect(b[i]!).toBeGreaterThan(b[i - 1]!)
    expect(classOf(0, b)).toBe(0)
    expect(classOf(13, b)).toBe(4)
  })

  it('quantiles put about as many values in each class', () => {
    const b = classBreaks(v, 'quantile', 2)
    expect(b).toHaveLength(3)
    const counts = [0, 0]
    for (const x of v) counts[classOf(x, b)]!++
    expect(counts).toEqual([5, 5])
  })
  it('few distinct values: one class per value; none: no classes', () => {
    expect(classBreaks([0, 0, 4], 'jenks', 5)).toEqual([0, 4])
    expect(classBreaks([7, 7], 'quantile', 5)).toEqual([7, 7])
    expect(classBreaks([], 'quantile', 5)).toEqual([])
    expect(classOf(3, [])).toBe(-1)
  })
})

describe('emerging hot spots', () => {
  const hot = { z: 2.1, p: 0.03, bin: 2 as const }
  const cold = { z: 0.2, p: 0.8, bin: 0 as const }
  it('classifies the current period against the previous ones', () => {
    expect(emergingClass(hot, [cold, cold, cold])).toBe('new')
    expect(emergingClass(hot, [hot, hot, hot])).toBe('persistent')
    expect(emergingClass(hot, [hot, cold, cold])).toBe('sporadic')
    expect(emergingClass(cold, [cold, cold, hot])).toBe('diminishing')
    expect(emergingClass(cold, [hot, cold, cold])).toBe(null)
  })
})
