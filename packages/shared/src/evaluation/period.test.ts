import { describe, expect, it } from 'vitest'
import { checkPeriod, parsePeriod, PeriodError, previousPeriod } from './period.ts'

describe('periods', () => {
  it('reads months, quarters, years and custom ranges in Shanghai time', () => {
    const q = parsePeriod('2026-Q3')
    expect([q.firstDay, q.lastDay]).toEqual(['2026-07-01', '2026-09-30'])
    expect(q.from.toISOString()).toBe('2026-06-30T16:00:00.000Z')
    expect(q.to.toISOString()).toBe('2026-09-30T16:00:00.000Z')
    expect(parsePeriod('2026-02').lastDay).toBe('2026-02-28')
    expect(parsePeriod('2026').lastDay).toBe('2026-12-31')
    expect(parsePeriod('2026-07-01..2026-07-15').to.toISOString()).toBe('2026-07-15T16:00:00.000Z')
  })
  it('previous periods', () => {
    expect(previousPeriod(parsePeriod('2026-Q1')).key).toBe('2025-Q4')
    expect(previousPeriod(parsePeriod('2026-01')).key).toBe('2025-12')
    expect(previousPeriod(parsePeriod('2026-07-11..2026-07-20')).key).toBe('2026-07-01..2026-07-10')
  })
  it('refuses bad, future and before-the-data periods', () => {
    expect(() => parsePeriod('2026-Q5')).toThrow(PeriodError)
    expect(() => parsePeriod('2026-13')).toThrow(/expected/)
    expect(() => parsePeriod('2026-07-10..2026-07-01')).toThrow(/after/)
    const now = new Date('2026-08-01T00:00:00Z')
    expect(() => checkPeriod(parsePeriod('2026-Q4'), now, null)).toThrow(expect.objectContaining({ code: 'future_period' }))
    expect(() => checkPeriod(parsePeriod('2024'), now, new Date('2025-06-01T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'period_before_data' }))
    expect(() => checkPeriod(parsePeriod('2026-Q3'), now, null)).not.toThrow()
  })
})
