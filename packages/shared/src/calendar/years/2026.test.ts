import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../workingCalendar.ts'
import { CALENDAR_2026 } from './2026.ts'
import { BUILTIN_CALENDAR_YEARS } from './index.ts'

const cal = new WorkingCalendar([CALENDAR_2026])

describe('2026 official calendar data (docs/DOMAIN.md §4)', () => {
  it('has the seven holidays with the official day counts', () => {
    const days = Object.fromEntries(
      CALENDAR_2026.holidays.map((h) => [h.name, (Date.parse(h.to) - Date.parse(h.from)) / 86_400_000 + 1]),
    )
    expect(days).toEqual({ 元旦: 3, 春节: 9, 清明节: 3, 劳动节: 5, 端午节: 3, 中秋节: 3, 国庆节: 7 })
  })

  it('has exactly the six make-up working days 1/4, 2/14, 2/28, 5/9, 9/20, 10/10', () => {
    expect(CALENDAR_2026.makeUpWorkdays.map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ])
    for (const d of CALENDAR_2026.makeUpWorkdays) expect(cal.dayInfo(d.date).kind).toBe('makeUpWorkday')
  })

  it('counts 248 working days in 2026 (261 weekdays − 19 weekday holidays + 6 make-up days)', () => {
    let n = 0
    for (let d = new Date(Date.UTC(2026, 0, 1)); d.getUTCFullYear() === 2026; d.setUTCDate(d.getUTCDate() + 1))
      if (cal.isWorkingDay(d.toISOString().slice(0, 10))) n++
    expect(n).toBe(248)
  })

  it('ships 2025 and 2026 only: 2027 is not published in a form we can source, so it stays an explicit error', () => {
    expect(BUILTIN_CALENDAR_YEARS.map((y) => y.year)).toEqual([2025, 2026])
  })
})
