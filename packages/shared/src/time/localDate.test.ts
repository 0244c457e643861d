import { describe, expect, it } from 'vitest'
import { addCalendarDays, datesBetween, isLocalDate, isoWeekday, isWeekend, yearOf } from './localDate.ts'

describe('local dates', () => {
  it('validates YYYY-MM-DD including month lengths and leap years', () => {
    expect(isLocalDate('2026-10-10')).toBe(true)
    expect(isLocalDate('2028-02-29')).toBe(true)
    expect(isLocalDate('2026-02-29')).toBe(false)
    expect(isLocalDate('2026-13-01')).toBe(false)
    expect(isLocalDate('2026-1-1')).toBe(false)
    expect(isLocalDate(20261010)).toBe(false)
  })

  it('adds calendar days across month and year ends', () => {
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(() => addCalendarDays('2026-01-01', 0.5)).toThrow(RangeError)
  })

  it('knows ISO weekdays: 2026-10-10 is a Saturday, 2026-09-20 a Sunday', () => {
    expect(isoWeekday('2026-10-10')).toBe(6)
    expect(isoWeekday('2026-09-20')).toBe(7)
    expect(isoWeekday('2026-10-12')).toBe(1)
    expect(isWeekend('2026-10-10')).toBe(true)
    expect(isWeekend('2026-10-09')).toBe(false)
  })

  it('lists dates between two ends inclusively and reads the year', () => {
    expect(datesBetween('2026-09-25', '2026-09-27')).toEqual(['2026-09-25', '2026-09-26', '2026-09-27'])
    expect(yearOf('2026-10-10')).toBe(2026)
    expect(() => yearOf('nope')).toThrow(/Invalid local date/)
  })
})
