import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../workingCalendar.ts'
import { CALENDAR_2025 } from './2025.ts'

const cal = new WorkingCalendar([CALENDAR_2025])

describe('2025 official calendar data (国办发明电〔2024〕12号)', () => {
  it('has the six holiday periods with the official day counts', () => {
    const days = Object.fromEntries(
      CALENDAR_2025.holidays.map((h) => [h.name, (Date.parse(h.to) - Date.parse(h.from)) / 86_400_000 + 1]),
    )
    expect(days).toEqual({ 元旦: 1, 春节: 8, 清明节: 3, 劳动节: 5, 端午节: 3, '国庆节、中秋节': 8 })
  })

  it('has the five make-up working days 1/26, 2/8, 4/27, 9/28, 10/11 (all weekend days)', () => {
    expect(CALENDAR_2025.makeUpWorkdays.map((d) => d.date)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'])
    for (const d of CALENDAR_2025.makeUpWorkdays) {
      expect([0, 6]).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay())
      expect(cal.dayInfo(d.date).kind).toBe('makeUpWorkday')
    }
  })

  it('counts 248 working days in 2025 (261 weekdays − 18 weekday holidays + 5 make-up days)', () => {
    let n = 0
    for (let d = new Date(Date.UTC(2025, 0, 1)); d.getUTCFullYear() === 2025; d.setUTCDate(d.getUTCDate() + 1))
      if (cal.isWorkingDay(d.toISOString().slice(0, 10))) n++
    expect(n).toBe(248)
  })
})
