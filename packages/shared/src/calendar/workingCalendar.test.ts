import { describe, expect, it } from 'vitest'
import { CalendarDataError, MissingCalendarYearError } from './types.ts'
import { calendarYearFromDays, createWorkingCalendar, WorkingCalendar } from './workingCalendar.ts'
import { CALENDAR_2026 } from './years/2026.ts'

const cal = createWorkingCalendar([CALENDAR_2026])

describe('working-day calendar', () => {
  it('the make-up Saturday 2026-10-10 counts as a working day', () => {
    expect(cal.isWorkingDay('2026-10-10')).toBe(true)
    expect(cal.dayInfo('2026-10-10')).toEqual({ date: '2026-10-10', kind: 'makeUpWorkday', working: true, name: '国庆节' })
  })

  it('the make-up Sunday 2026-09-20 and Saturdays 2026-02-14, 2026-02-28 are working days', () => {
    expect(cal.isWorkingDay('2026-09-20')).toBe(true)
    expect(cal.isWorkingDay('2026-02-14')).toBe(true)
    expect(cal.isWorkingDay('2026-02-28')).toBe(true)
  })

  it('2026-02-15..23 (春节) are all holidays, weekdays included', () => {
    for (let d = 15; d <= 23; d++) {
      const date = `2026-02-${d}`
      expect(cal.dayInfo(date)).toMatchObject({ kind: 'holiday', working: false, name: '春节' })
    }
    expect(cal.isWorkingDay('2026-02-24')).toBe(true)
  })

  it('2026-10-01..07 (国庆节) are holidays; ordinary weekends are not working days', () => {
    for (let d = 1; d <= 7; d++) expect(cal.isWorkingDay(`2026-10-0${d}`)).toBe(false)
    expect(cal.dayInfo('2026-10-11')).toEqual({ date: '2026-10-11', kind: 'weekend', working: false })
    expect(cal.dayInfo('2026-10-12')).toEqual({ date: '2026-10-12', kind: 'workday', working: true })
  })

  it('nextWorkingDay jumps the National Day holiday and lands on weekdays then the make-up Saturday', () => {
    expect(cal.nextWorkingDay('2026-09-30')).toBe('2026-10-08')
    expect(cal.nextWorkingDay('2026-10-09')).toBe('2026-10-10')
    expect(cal.nextWorkingDay('2026-10-10')).toBe('2026-10-12')
  })

  it('addWorkingDays does not count the start day', () => {
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10')
    expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24')
    expect(cal.addWorkingDays('2026-02-13', 0)).toBe('2026-02-13')
    expect(() => cal.addWorkingDays('2026-02-13', -1)).toThrow(RangeError)
  })

  it('a year with no calendar is an explicit MissingCalendarYearError carrying the year, never a weekday guess', () => {
    expect(cal.hasYear(2026)).toBe(true)
    expect(cal.hasYear(2027)).toBe(false)
    expect(() => cal.isWorkingDay('2027-01-05')).toThrow(MissingCalendarYearError)
    try {
      cal.nextWorkingDay('2026-12-31')
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(MissingCalendarYearError)
      expect((e as MissingCalendarYearError).year).toBe(2027)
      expect((e as MissingCalendarYearError).code).toBe('calendar_year_missing')
      expect((e as MissingCalendarYearError).messages.zh).toContain('2027')
    }
    expect(cal.addWorkingDays('2026-12-28', 3)).toBe('2026-12-31')
    expect(() => cal.addWorkingDays('2026-12-30', 2)).toThrow(MissingCalendarYearError)
  })

  it('rejects self-contradicting year data', () => {
    const bad = (patch: Partial<typeof CALENDAR_2026>) => () => new WorkingCalendar([{ ...CALENDAR_2026, ...patch }])
    expect(bad({ makeUpWorkdays: [{ date: '2026-10-09', name: 'x' }] })).toThrow(/not a Saturday or Sunday/)
    expect(bad({ makeUpWorkdays: [{ date: '2026-10-03', name: 'x' }] })).toThrow(/listed twice/)
    expect(bad({ holidays: [{ name: 'x', from: '2027-01-01', to: '2027-01-01' }] })).toThrow(/outside 2026/)
    expect(bad({ holidays: [{ name: 'x', from: '2026-01-03', to: '2026-01-01' }] })).toThrow(CalendarDataError)
    expect(() => new WorkingCalendar([CALENDAR_2026, CALENDAR_2026])).toThrow(/given twice/)
  })

  it('builds year data from per-day rows (the admin table) and gives the same answers', () => {
    const rows = new WorkingCalendar([CALENDAR_2026])
    const days = CALENDAR_2026.holidays.flatMap((h) => {
      const out = []
      for (let t = Date.parse(h.from); t <= Date.parse(h.to); t += 86_400_000)
        out.push({ date: new Date(t).toISOString().slice(0, 10), kind: 'holiday' as const, name: h.name })
      return out
    })
    const made = calendarYearFromDays(
      2026,
      [...CALENDAR_2026.makeUpWorkdays.map((w) => ({ date: w.date, kind: 'workday' as const, name: w.name })), ...days].reverse(),
    )
    expect(made.holidays).toEqual(CALENDAR_2026.holidays)
    expect(made.makeUpWorkdays).toEqual(CALENDAR_2026.makeUpWorkdays)
    expect(new WorkingCalendar([made]).years()).toEqual(rows.years())
  })
})
