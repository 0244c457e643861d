import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar/workingCalendar.ts'
import { BUILTIN_CALENDAR_YEARS } from '../calendar/years/index.ts'
import { checkBooking, fitsSlotGrid, serviceRequestDeadline, slotStarts, type BookingFacts } from './booking.ts'
import { orphanedRequests } from './catalogue.ts'

const calendar = createWorkingCalendar(BUILTIN_CALENDAR_YEARS)
const at = (s: string) => new Date(s)
const NOW = at('2026-12-08T10:00:00+08:00') // a Tuesday
const facts = (over: Partial<BookingFacts> = {}): BookingFacts => ({
  kind: 'appointment',
  slotAt: at('2026-12-09T09:00:00+08:00'),
  now: NOW,
  item: { specialServices: ['appointment', 'home_visit', 'extended_hours'] },
  point: { handlesItem: true, openingHours: '08:30-12:00,14:30-17:30', extendedHours: '17:30-19:00', slotMinutes: 30 },
  calendar,
  ...over,
})
const code = (f: BookingFacts) => {
  const r = checkBooking(f)
  return r.ok ? 'ok' : r.code
}

describe('checkBooking', () => {
  it('takes a slot on the grid inside opening hours of a working day', () => {
    expect(code(facts())).toBe('ok')
    expect(code(facts({ slotAt: at('2026-12-09T14:30:00+08:00') }))).toBe('ok')
    expect(code(facts({ slotAt: at('2026-12-09T17:00:00+08:00') }))).toBe('ok')
  })

  it('refuses, in the order a citizen can act on: service, point, location, time, day, hours', () => {
    expect(code(facts({ kind: 'proxy' }))).toBe('special_service_not_offered')
    expect(code(facts({ point: { ...facts().point, handlesItem: false } }))).toBe('item_not_at_point')
    expect(code(facts({ kind: 'home_visit' }))).toBe('home_visit_needs_location')
    expect(code(facts({ kind: 'home_visit', homeVisit: { located: true, insideDistrict: false } }))).toBe('home_visit_outside_district')
    expect(code(facts({ kind: 'home_visit', homeVisit: { located: true, insideDistrict: true } }))).toBe('ok')
    expect(code(facts({ slotAt: at('2026-12-08T09:00:00+08:00') }))).toBe('slot_in_past')
    expect(code(facts({ slotAt: at('2026-12-08T10:15:00+08:00') }))).toBe('slot_in_past') // less than 30 minutes ahead
    expect(code(facts({ slotAt: at('2026-12-08T10:30:00+08:00') }))).toBe('ok')
    expect(code(facts({ slotAt: at('2027-01-08T09:00:00+08:00') }))).toBe('slot_too_far')
    expect(code(facts({ slotAt: at('2026-12-12T09:00:00+08:00') }))).toBe('slot_not_working_day') // Saturday
    expect(code(facts({ slotAt: at('2026-12-09T12:00:00+08:00') }))).toBe('slot_outside_hours') // lunch
    expect(code(facts({ slotAt: at('2026-12-09T17:30:00+08:00') }))).toBe('slot_outside_hours') // after closing
    expect(code(facts({ slotAt: at('2026-12-09T09:15:00+08:00') }))).toBe('slot_outside_hours') // off the grid
  })

  it('an extended-hours booking takes a slot in the extended hours, and needs the point to have them', () => {
    expect(code(facts({ kind: 'extended_hours', slotAt: at('2026-12-09T17:30:00+08:00') }))).toBe('ok')
    expect(code(facts({ kind: 'extended_hours', slotAt: at('2026-12-09T09:00:00+08:00') }))).toBe('slot_outside_hours')
    expect(code(facts({ kind: 'extended_hours', point: { ...facts().point, extendedHours: null } }))).toBe('no_extended_hours')
  })
})

describe('slot grid', () => {
  it('counts slots from the start of each session', () => {
    expect(slotStarts('08:30-10:00,14:30-15:30', 30)).toEqual(['08:30', '09:00', '09:30', '14:30', '15:00'])
    expect(slotStarts('08:30-09:50', 20)).toEqual(['08:30', '08:50', '09:10', '09:30'])
    expect(fitsSlotGrid(at('2026-12-09T09:30:00+08:00'), '08:30-09:50', 20)).toBe(true)
    expect(fitsSlotGrid(at('2026-12-09T09:40:00+08:00'), '08:30-09:50', 20)).toBe(false)
    expect(fitsSlotGrid(at('2026-12-09T09:00:01+08:00'), '08:30-12:00', 30)).toBe(false)
  })
})

describe('serviceRequestDeadline', () => {
  it('counts the legal time limit in working days from the slot; 0 = the same working day', () => {
    expect(serviceRequestDeadline(at('2026-12-09T09:00:00+08:00'), 0, calendar).toISOString()).toBe('2026-12-09T09:30:00.000Z')
    expect(serviceRequestDeadline(at('2026-12-09T09:00:00+08:00'), 15, calendar).toISOString()).toBe('2026-12-30T09:30:00.000Z')
    // National Day 2026: handed in on 30 September, the holiday skipped, 2 working days → 9 October.
    expect(serviceRequestDeadline(at('2026-09-30T10:00:00+08:00'), 2, calendar).toISOString()).toBe('2026-10-09T09:30:00.000Z')
    expect(() => serviceRequestDeadline(NOW, -1, calendar)).toThrow(RangeError)
  })
})

describe('orphanedRequests', () => {
  const open = [
    { publicCode: 'A', kind: 'appointment', pointCode: 'P1', slotAt: '' },
    { publicCode: 'B', kind: 'proxy', pointCode: 'P2', slotAt: '' },
  ]
  it('lists the open requests an edit leaves unservable', () => {
    expect(orphanedRequests({ specialServices: ['appointment', 'proxy'], pointCodes: null }, open)).toEqual([])
    expect(orphanedRequests({ specialServices: ['appointment'], pointCodes: null }, open).map((r) => r.publicCode)).toEqual(['B'])
    expect(orphanedRequests({ specialServices: ['appointment', 'proxy'], pointCodes: ['P2'] }, open).map((r) => r.publicCode)).toEqual(['A'])
    expect(orphanedRequests({ specialServices: null, pointCodes: null }, open).map((r) => r.publicCode)).toEqual(['A', 'B'])
  })
})
