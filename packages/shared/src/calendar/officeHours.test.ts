import { describe, expect, it } from 'vitest'
import { formatShanghai } from '../time/shanghai.ts'
import { DEFAULT_OFFICE_HOURS, endOfOfficeHours, formatOfficeHours, officeHoursOn, parseOfficeHours, validateOfficeHours } from './officeHours.ts'

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

describe('parseOfficeHours (OFFICE_HOURS)', () => {
  it('reads sessions: opens at the first, closes at the last; the lunch break is kept for display only', () => {
    expect(parseOfficeHours('08:30-12:00,14:30-17:30')).toEqual({
      opens: '08:30',
      closes: '17:30',
      sessions: [
        { from: '08:30', to: '12:00' },
        { from: '14:30', to: '17:30' },
      ],
    })
    expect(parseOfficeHours(' 9:00 – 18:00 ')).toMatchObject({ opens: '09:00', closes: '18:00' })
    expect(parseOfficeHours('08:00~12:00，15:00~18:00')).toMatchObject({ opens: '08:00', closes: '18:00' })
    expect(formatOfficeHours(parseOfficeHours('8:30-12:00, 14:30-17:30'))).toBe('08:30-12:00,14:30-17:30')
    expect(formatOfficeHours(DEFAULT_OFFICE_HOURS)).toBe('08:30-17:30')
  })

  it('refuses what it cannot read, naming the bad part', () => {
    const bad = (text: string, message: RegExp) => expect(() => parseOfficeHours(text), text).toThrow(message)
    bad('', /empty/)
    bad('08:30', /"08:30" is not a session HH:MM-HH:MM/)
    bad('8.30-17.30', /not a session/)
    bad('08:30-25:00', /25:00 is not a time of day/)
    bad('08:70-12:00', /08:70 is not a time of day/)
    bad('17:30-08:30', /must start before it ends/)
    bad('12:00-12:00', /must start before it ends/)
    bad('08:30-15:00,14:30-17:30', /starts before the session 08:30-15:00 ends/)
    bad('14:30-17:30,08:30-12:00', /in order/)
    bad('08:00-09:00,10:00-11:00,12:00-13:00,14:00-15:00,16:00-17:00', /At most 4/)
    bad('08:30-12:00,', /"" is not a session/)
  })

  it('a parsed value passes validation and ends the day at its last session', () => {
    const h = parseOfficeHours('08:00-12:00,14:30-18:00')
    expect(validateOfficeHours(h)).toBe(h)
    expect(formatShanghai(endOfOfficeHours('2026-10-10', h))).toBe('2026-10-10T18:00:00+08:00')
  })
})
