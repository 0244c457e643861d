import { describe, expect, it } from 'vitest'
import { formatShanghai } from '../time/shanghai.ts'
import { DEFAULT_OFFICE_HOURS, endOfOfficeHours, officeHoursOn, validateOfficeHours } from './officeHours.ts'

describe('office hours', () => {
  it('default to 08:30–17:30 Shanghai time', () => {
    expect(DEFAULT_OFFICE_HOURS).toEqual({ opens: '08:30', closes: '17:30' })
    expect(formatShanghai(endOfOfficeHours('2026-10-10'))).toBe('2026-10-10T17:30:00+08:00')
  })

  it('are configurable, also per date (e.g. a summer timetable)', () => {
    const summer = (d: string) => (d >= '2026-06-01' && d <= '2026-09-30' ? { opens: '08:00', closes: '18:00' } : DEFAULT_OFFICE_HOURS)
    expect(formatShanghai(endOfOfficeHours('2026-07-01', summer))).toBe('2026-07-01T18:00:00+08:00')
    expect(formatShanghai(endOfOfficeHours('2026-10-12', summer))).toBe('2026-10-12T17:30:00+08:00')
    expect(officeHoursOn('2026-07-01', { opens: '09:00', closes: '17:00' }).closes).toBe('17:00')
  })

  it('must open before they close and use HH:MM', () => {
    expect(() => validateOfficeHours({ opens: '17:30', closes: '08:30' })).toThrow(RangeError)
    expect(() => validateOfficeHours({ opens: '8:30', closes: '17:30' })).toThrow(RangeError)
  })
})
