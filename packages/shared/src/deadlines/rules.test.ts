import { describe, expect, it } from 'vitest'
import { MissingCalendarYearError } from '../calendar/types.ts'
import { parseOfficeHours } from '../calendar/officeHours.ts'
import { WorkingCalendar } from '../calendar/workingCalendar.ts'
import { CALENDAR_2026 } from '../calendar/years/2026.ts'
import { formatShanghai } from '../time/shanghai.ts'
import { computeDeadlines, deadlinesOnDispatch, deadlinesOnRedispatch } from './rules.ts'
import type { Deadline, IncidentType } from './types.ts'

const calendar = new WorkingCalendar([CALENDAR_2026])
const fmt = (ds: Deadline[]) => ds.map((d) => ({ kind: d.kind, rule: d.rule, dueAt: formatShanghai(d.dueAt) }))
const due = (type: IncidentType, start: string, officeHours?: { opens: string; closes: string }) =>
  fmt(computeDeadlines({ type, start, calendar, ...(officeHours ? { officeHours } : {}) }))

describe('R1 complaint: 3 working days', () => {
  it('registered 2026-09-30 16:00 is due after the National Day holiday on the make-up Saturday 2026-10-10 at 17:30', () => {
    expect(due('complaint', '2026-09-30T16:00:00+08:00')).toEqual([
      { kind: 'resolveBy', rule: 'R1', dueAt: '2026-10-10T17:30:00+08:00' },
    ])
  })

  it('the make-up Saturday 2026-10-10 counts as a working day in the count', () => {
    expect(due('complaint', '2026-10-08T09:00:00+08:00')[0]!.dueAt).toBe('2026-10-12T17:30:00+08:00') // 9, 10, 12
    expect(due('complaint', '2026-10-09T09:00:00+08:00')[0]!.dueAt).toBe('2026-10-13T17:30:00+08:00') // 10, 12, 13
  })

  it('2026-02-14 (make-up) counts, 2026-02-15..23 (Spring Festival) do not', () => {
    // registered Fri 2/13: day 1 = Sat 2/14 (make-up), day 2 = 2/24, day 3 = 2/25
    expect(due('complaint', '2026-02-13T10:00:00+08:00')[0]!.dueAt).toBe('2026-02-25T17:30:00+08:00')
    // registered on the make-up day itself: it is not counted; 2/24, 2/25, 2/26
    expect(due('complaint', '2026-02-14T10:00:00+08:00')[0]!.dueAt).toBe('2026-02-26T17:30:00+08:00')
    // registered during the holiday (Wed 2/18): 2/24, 2/25, 2/26
    expect(due('complaint', '2026-02-18T10:00:00+08:00')[0]!.dueAt).toBe('2026-02-26T17:30:00+08:00')
    // make-up Saturday 2/28 counts too: registered Wed 2/25 → 2/26, 2/27, 2/28
    expect(due('complaint', '2026-02-25T10:00:00+08:00')[0]!.dueAt).toBe('2026-02-28T17:30:00+08:00')
  })

  it('the day of registration is not counted, even when registered before office hours or at night', () => {
    expect(due('complaint', '2026-10-12T07:00:00+08:00')[0]!.dueAt).toBe('2026-10-15T17:30:00+08:00')
    expect(due('complaint', '2026-10-12T23:59:00+08:00')[0]!.dueAt).toBe('2026-10-15T17:30:00+08:00')
  })

  it('counts by the Shanghai date, not the UTC date (Sat 10/10 01:00 in Shanghai is Fri 10/9 in UTC)', () => {
    expect(due('complaint', '2026-10-09T17:00:00Z')[0]!.dueAt).toBe('2026-10-14T17:30:00+08:00')
  })

  it('ends at the end of configured office hours of the last working day', () => {
    expect(due('complaint', '2026-09-30T16:00:00+08:00', { opens: '08:00', closes: '18:00' })[0]!.dueAt).toBe(
      '2026-10-10T18:00:00+08:00',
    )
  })

  it('a period reaching a year with no calendar is a MissingCalendarYearError (2027), never a weekday guess', () => {
    expect(due('complaint', '2026-12-28T10:00:00+08:00')[0]!.dueAt).toBe('2026-12-31T17:30:00+08:00')
    expect(() => due('complaint', '2026-12-30T10:00:00+08:00')).toThrow(MissingCalendarYearError)
    expect(() => due('complaint', '2026-12-31T16:00:00+08:00')).toThrow(expect.objectContaining({ year: 2027 }))
  })
})

describe('R2 consultation: 2 working days', () => {
  it('registered 2026-09-30 16:00 is due 2026-10-09 17:30', () => {
    expect(due('consultation', '2026-09-30T16:00:00+08:00')).toEqual([
      { kind: 'resolveBy', rule: 'R2', dueAt: '2026-10-09T17:30:00+08:00' },
    ])
  })

  it('registered Fri 2026-02-13 is due 2026-02-24: the make-up 2/14 counts, 2/15..23 do not', () => {
    expect(due('consultation', '2026-02-13T11:00:00+08:00')[0]!.dueAt).toBe('2026-02-24T17:30:00+08:00')
  })

  it('the make-up Sunday 2026-09-20 counts: registered Fri 9/18 → 9/20, 9/21', () => {
    expect(due('consultation', '2026-09-18T11:00:00+08:00')[0]!.dueAt).toBe('2026-09-21T17:30:00+08:00')
  })
})

describe('R3 simple request: answered the same day', () => {
  it('registered during office hours on a working day → end of that day', () => {
    expect(due('simple', '2026-10-12T10:00:00+08:00')).toEqual([
      { kind: 'resolveBy', rule: 'R3', dueAt: '2026-10-12T17:30:00+08:00' },
    ])
  })

  it('registered before opening on a working day → end of that day', () => {
    expect(due('simple', '2026-10-12T07:00:00+08:00')[0]!.dueAt).toBe('2026-10-12T17:30:00+08:00')
  })

  it('registered at or after closing → end of the next working day', () => {
    expect(due('simple', '2026-10-12T17:30:00+08:00')[0]!.dueAt).toBe('2026-10-13T17:30:00+08:00')
    expect(due('simple', '2026-09-30T18:00:00+08:00')[0]!.dueAt).toBe('2026-10-08T17:30:00+08:00')
  })

  it('registered on a non-working day → end of the next working day; make-up days are working days', () => {
    expect(due('simple', '2026-02-15T10:00:00+08:00')[0]!.dueAt).toBe('2026-02-24T17:30:00+08:00') // holiday
    expect(due('simple', '2026-02-13T18:00:00+08:00')[0]!.dueAt).toBe('2026-02-14T17:30:00+08:00') // → make-up Sat
    expect(due('simple', '2026-02-14T09:00:00+08:00')[0]!.dueAt).toBe('2026-02-14T17:30:00+08:00') // on make-up Sat
    expect(due('simple', '2026-10-11T09:00:00+08:00')[0]!.dueAt).toBe('2026-10-12T17:30:00+08:00') // Sunday
  })

  it('uses configured office hours', () => {
    expect(due('simple', '2026-10-12T17:45:00+08:00', { opens: '08:00', closes: '18:00' })[0]!.dueAt).toBe(
      '2026-10-12T18:00:00+08:00',
    )
  })
})

describe('R4 urgent: dispatched within 15 minutes of intake', () => {
  it('is plain elapsed time, holidays included', () => {
    expect(due('urgent', '2026-10-01T10:00:00+08:00')[0]).toEqual({
      kind: 'dispatchBy',
      rule: 'R4',
      dueAt: '2026-10-01T10:15:00+08:00',
    })
  })

  it('never consults the calendar, so it works in a year with no calendar', () => {
    expect(due('urgent', '2027-01-01T23:50:00+08:00')).toEqual([
      { kind: 'dispatchBy', rule: 'R4', dueAt: '2027-01-02T00:05:00+08:00' },
      { kind: 'ownershipBy', rule: 'R7', dueAt: '2027-01-02T11:50:00+08:00' },
    ])
  })
})

describe('R5 urgent: first unit on site within 6 hours of dispatch', () => {
  it('arriveBy = dispatch + 6 h', () => {
    expect(fmt(deadlinesOnDispatch({ type: 'urgent', dispatchedAt: '2026-10-01T22:00:00+08:00' }))).toContainEqual({
      kind: 'arriveBy',
      rule: 'R5',
      dueAt: '2026-10-02T04:00:00+08:00',
    })
  })

  it('non-urgent dispatches start no clock (their R1–R3 period runs from registration)', () => {
    for (const type of ['complaint', 'consultation', 'simple'] as const)
      expect(deadlinesOnDispatch({ type, dispatchedAt: '2026-10-12T10:00:00+08:00' })).toEqual([])
  })
})

describe('R6 urgent, re-dispatched owner handles it within 6 hours', () => {
  it('handleBy = re-dispatch + 6 h, and the re-dispatch schedules its R10 callback', () => {
    expect(fmt(deadlinesOnRedispatch({ type: 'urgent', redispatchedAt: '2026-10-12T20:30:00+08:00' }))).toEqual([
      { kind: 'handleBy', rule: 'R6', dueAt: '2026-10-13T02:30:00+08:00' },
      { kind: 'callbackAt', rule: 'R10', dueAt: '2026-10-13T08:30:00+08:00' },
    ])
    expect(deadlinesOnRedispatch({ type: 'complaint', redispatchedAt: '2026-10-12T20:30:00+08:00' })).toEqual([])
  })
})

describe('R7 urgent, ownership unclear 12 hours after intake → lead unit', () => {
  it('ownershipBy = intake + 12 h', () => {
    expect(due('urgent', '2026-09-30T16:00:00+08:00')).toContainEqual({
      kind: 'ownershipBy',
      rule: 'R7',
      dueAt: '2026-10-01T04:00:00+08:00',
    })
  })
})

describe('R10 urgent: callback 12 hours after dispatch', () => {
  it('callbackAt = dispatch + 12 h', () => {
    expect(fmt(deadlinesOnDispatch({ type: 'urgent', dispatchedAt: '2026-10-01T22:00:00+08:00' }))).toEqual([
      { kind: 'arriveBy', rule: 'R5', dueAt: '2026-10-02T04:00:00+08:00' },
      { kind: 'callbackAt', rule: 'R10', dueAt: '2026-10-02T10:00:00+08:00' },
    ])
  })
})

describe('deadlines are independent of the machine time zone', () => {
  const savedTz = process.env.TZ
  it('R1 and R3 give the same instants under UTC, New York and Kiritimati', () => {
    try {
      const out = ['UTC', 'America/New_York', 'Pacific/Kiritimati'].map((tz) => {
        process.env.TZ = tz
        return [due('complaint', '2026-09-30T16:00:00+08:00'), due('simple', '2026-10-09T17:00:00Z')]
      })
      for (const o of out) expect(o).toEqual(out[0])
      expect(out[0]![1]![0]!.dueAt).toBe('2026-10-10T17:30:00+08:00')
    } finally {
      if (savedTz === undefined) delete process.env.TZ
      else process.env.TZ = savedTz
    }
  })
})

describe('office hours: the calendar carries the deployment\'s OFFICE_HOURS', () => {
  const late = calendar.withOfficeHours(parseOfficeHours('08:00-12:00,14:30-18:00'))

  it('R1–R3 periods end when the configured hours close', () => {
    const at = (type: IncidentType, start: string) => formatShanghai(computeDeadlines({ type, start, calendar: late })[0]!.dueAt)
    expect(at('complaint', '2026-09-30T16:00:00+08:00')).toBe('2026-10-10T18:00:00+08:00')
    expect(at('consultation', '2026-10-12T09:00:00+08:00')).toBe('2026-10-14T18:00:00+08:00')
    // R3: 17:45 is still within the day's hours when they close at 18:00 (not with the default 17:30)
    expect(at('simple', '2026-10-12T17:45:00+08:00')).toBe('2026-10-12T18:00:00+08:00')
    expect(due('simple', '2026-10-12T17:45:00+08:00')[0]!.dueAt).toBe('2026-10-13T17:30:00+08:00')
  })

  it('an explicit officeHours input still wins over the calendar\'s; the default calendar keeps 08:30–17:30', () => {
    const explicit = computeDeadlines({ type: 'complaint', start: '2026-10-12T09:00:00+08:00', calendar: late, officeHours: { opens: '09:00', closes: '17:00' } })
    expect(formatShanghai(explicit[0]!.dueAt)).toBe('2026-10-15T17:00:00+08:00')
    expect(calendar.officeHours).toEqual({ opens: '08:30', closes: '17:30' })
    expect(() => calendar.withOfficeHours({ opens: '18:00', closes: '08:00' })).toThrow(RangeError)
  })

  it('urgent (clock-hour) deadlines ignore office hours', () => {
    expect(fmt(computeDeadlines({ type: 'urgent', start: '2026-10-12T17:45:00+08:00', calendar: late }))).toEqual(due('urgent', '2026-10-12T17:45:00+08:00'))
  })
})
