import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../calendar/workingCalendar.ts'
import { CALENDAR_2026 } from '../calendar/years/2026.ts'
import { formatShanghai } from '../time/shanghai.ts'
import { addElapsed, HOUR_MS, sameDayDeadline, workingDaysDeadline } from './periods.ts'

const cal = new WorkingCalendar([CALENDAR_2026])

describe('periods (期间开始之日不计算在内)', () => {
  it('workingDaysDeadline: start day not counted, ends at close of office hours of the last working day', () => {
    expect(formatShanghai(workingDaysDeadline('2026-09-30T16:00:00+08:00', 1, cal))).toBe('2026-10-08T17:30:00+08:00')
    expect(formatShanghai(workingDaysDeadline('2026-09-30T16:00:00+08:00', 3, cal))).toBe('2026-10-10T17:30:00+08:00')
    expect(() => workingDaysDeadline('2026-09-30T16:00:00+08:00', 0, cal)).toThrow(RangeError)
  })

  it('sameDayDeadline: in/before office hours on a working day → that day, else the next working day', () => {
    expect(formatShanghai(sameDayDeadline('2026-10-10T17:29:59+08:00', cal))).toBe('2026-10-10T17:30:00+08:00')
    expect(formatShanghai(sameDayDeadline('2026-10-10T17:30:00+08:00', cal))).toBe('2026-10-12T17:30:00+08:00')
  })

  it('addElapsed is plain clock time', () => {
    expect(formatShanghai(addElapsed('2026-12-31T20:00:00+08:00', 6 * HOUR_MS))).toBe('2027-01-01T02:00:00+08:00')
  })
})
