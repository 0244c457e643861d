import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar/workingCalendar.ts'
import { BUILTIN_CALENDAR_YEARS } from '../calendar/years/index.ts'
import { fromShanghai } from '../time/shanghai.ts'
import type { EvaluationFacts } from './facts.ts'
import { computeIndicators, handlingUnitOf, incidentFlags, incidentsBehind } from './indicators.ts'
import { parsePeriod } from './period.ts'
import { workingMsBetween } from './working-time.ts'

const cal = createWorkingCalendar(BUILTIN_CALENDAR_YEARS)
const at = (s: string): Date => new Date(`${s}+08:00`)
const H = 3_600_000
const Q3 = parsePeriod('2026-Q3')

let nextId = 1
function facts(p: Partial<EvaluationFacts>): EvaluationFacts {
  const id = nextId++
  return {
    id,
    code: `T${id}`,
    streetCode: 'S1',
    urgent: false,
    receivedAt: at('2026-07-06T09:00:00'),
    registeredAt: at('2026-07-06T09:05:00'),
    dispatches: [],
    returns: [],
    firstArrivedAt: null,
    lastResolvedAt: null,
    endState: 'registered',
    overdue: false,
    reworks: 0,
    extensionsApproved: 0,
    satisfaction: null,
    ...p,
  }
}
const d = (unitCode: string, when: string, leadUnitFallback = false) => ({ unitCode, at: at(when), leadUnitFallback })

describe('workingMsBetween', () => {
  it('counts office hours of working days only, including a 调休 Saturday and not the holiday', () => {
    // 2026-09-18 (Fri) 16:30 → 2026-09-21 (Mon) 09:30: Fri 1 h, Sat 19th off, Sun 20th is a make-up workday (9 h), Mon 1 h.
    expect(workingMsBetween(at('2026-09-18T16:30:00'), at('2026-09-21T09:30:00'), cal) / H).toBe(11)
    // An ordinary weekend (2026-07-11/12) counts nothing.
    expect(workingMsBetween(at('2026-07-10T17:00:00'), at('2026-07-13T09:00:00'), cal) / H).toBe(1)
    // 9/30 17:00–17:30, National Day holiday 10/1–7 off, 10/8 and 10/9 (Thu, Fri) 9 h each, Saturday 10/10 worked 08:30–09:30.
    expect(workingMsBetween(at('2026-09-30T17:00:00'), at('2026-10-10T09:30:00'), cal) / H).toBe(19.5)
  })
  it('leaves out the lunch break when sessions are configured', () => {
    const split = cal.withOfficeHours({ opens: '08:30', closes: '17:30', sessions: [{ from: '08:30', to: '12:00' }, { from: '14:30', to: '17:30' }] })
    expect(workingMsBetween(at('2026-07-06T08:00:00'), at('2026-07-06T18:00:00'), split) / H).toBe(6.5)
  })
  it('is zero for an empty or reversed span', () => {
    expect(workingMsBetween(at('2026-07-06T10:00:00'), at('2026-07-06T10:00:00'), cal)).toBe(0)
    expect(workingMsBetween(at('2026-07-06T11:00:00'), at('2026-07-06T10:00:00'), cal)).toBe(0)
  })
})

describe('indicators on a constructed history', () => {
  const reopenedTwice = facts({
    dispatches: [d('U1', '2026-07-06T09:30:00')],
    firstArrivedAt: at('2026-07-06T11:00:00'),
    lastResolvedAt: at('2026-07-08T10:00:00'),
    endState: 'closed',
    reworks: 2,
    satisfaction: 'satisfied',
  })
  const extendedThenOverdue = facts({
    dispatches: [d('U1', '2026-07-06T10:00:00')],
    endState: 'accepted',
    extensionsApproved: 1,
    overdue: true,
  })
  const returnedThenRedispatched = facts({
    dispatches: [d('U1', '2026-07-06T10:00:00'), d('U2', '2026-07-06T12:00:00')],
    returns: [{ unitCode: 'U1', at: at('2026-07-06T11:00:00') }],
    firstArrivedAt: at('2026-07-06T15:00:00'),
    lastResolvedAt: at('2026-07-07T10:00:00'),
    endState: 'resolved',
    satisfaction: null,
  })
  const urgent6h0 = facts({
    urgent: true,
    receivedAt: at('2026-07-07T08:00:00'),
    registeredAt: at('2026-07-07T08:05:00'),
    dispatches: [d('U2', '2026-07-07T08:15:00')],
    firstArrivedAt: at('2026-07-07T14:15:00'),
    lastResolvedAt: at('2026-07-07T16:15:00'),
    endState: 'closed',
    satisfaction: 'not_satisfied',
  })
  const urgent6h1 = facts({
    urgent: true,
    receivedAt: at('2026-07-07T08:00:00'),
    registeredAt: at('2026-07-07T08:05:00'),
    dispatches: [d('U2', '2026-07-07T08:15:01')],
    firstArrivedAt: at('2026-07-07T14:16:01'),
    lastResolvedAt: at('2026-07-07T17:00:00'),
    endState: 'closed',
    overdue: true,
  })
  // Across the 调休 weekend before 国庆: dispatched Friday 9/18 16:30, resolved Monday 9/21 09:30 → 11 office hours.
  const acrossMakeUpWeekend = facts({
    receivedAt: at('2026-09-18T16:00:00'),
    registeredAt: at('2026-09-18T16:10:00'),
    dispatches: [d('U3', '2026-09-18T16:30:00', true)],
    firstArrivedAt: at('2026-09-20T09:00:00'),
    lastResolvedAt: at('2026-09-21T09:30:00'),
    endState: 'closed',
    streetCode: 'S2',
    satisfaction: 'basically_satisfied',
  })
  const urgentWaiting = facts({ urgent: true, receivedAt: at('2026-07-08T08:00:00'), registeredAt: at('2026-07-08T08:03:00'), endState: 'registered' })
  const urgentStillNotOnSite = facts({
    urgent: true,
    receivedAt: at('2026-07-08T08:00:00'),
    registeredAt: at('2026-07-08T08:03:00'),
    dispatches: [d('U2', '2026-07-08T08:20:00')],
    endState: 'accepted',
  })
  const answeredAtCenter = facts({ registeredAt: at('2026-07-06T09:01:00'), endState: 'closed', satisfaction: 'satisfied' })
  const neverRegistered = facts({ registeredAt: null, endState: 'reported', streetCode: null })
  const all = [
    reopenedTwice, extendedThenOverdue, returnedThenRedispatched, urgent6h0, urgent6h1, acrossMakeUpWeekend, urgentWaiting,
    urgentStillNotOnSite, answeredAtCenter, neverRegistered,
  ]
  const district = computeIndicators(all, { level: 'district' }, Q3.to, cal)

  it('counts the district', () => {
    expect(district.received).toBe(10)
    expect(district.registered).toBe(9)
    // dispatched: 7; plus the urgent one still waiting at the center
    expect(district.dispatchDue).toBe(8)
    // the waiting urgent one, the 15 min 1 s one, the 20 min one are late
    expect(district.dispatchedOnTime).toBe(5)
    expect(district.dispatches).toBe(8)
    expect(district.returns).toBe(1)
    expect(district.accurateDispatches).toBe(7)
    expect(district.accurateDispatchRate).toBeCloseTo(7 / 8)
    expect(district.handlingDue).toBe(7)
    expect(district.handled).toBe(5)
    expect(district.handlingRate).toBeCloseTo(5 / 7)
    expect(district.overdue).toBe(2)
    expect(district.handledOnTime).toBe(4)
    expect(district.overdueOpen).toBe(1)
    expect(district.overdueOpenRate).toBeCloseTo(1 / 7)
    expect(district.reworked).toBe(1)
    expect(district.reworkEvents).toBe(2)
    expect(district.extended).toBe(1)
    expect(district.leadUnitFallbacks).toBe(1)
    expect(district.urgent).toBe(4)
    expect(district.urgentRegistrationDue).toBe(4)
    expect(district.urgentRegisteredIn15).toBe(1)
    // 6 h 0 min arrives in time, 6 h 1 min does not, the one not on site after 6 h counts as missed
    expect(district.urgentArrivalDue).toBe(3)
    expect(district.urgentArrivedIn6h).toBe(1)
    expect(district.satisfactionHeard).toBe(4)
    expect(district.satisfied).toBe(3)
    expect(district.satisfactionRate).toBeCloseTo(0.75)
  })

  it('the 6 h boundary: 6 h 0 min is in time, 6 h 1 min is late', () => {
    expect(incidentFlags(urgent6h0, { level: 'district' }, Q3.to, cal).urgentArrivedIn6h).toBe(1)
    expect(incidentFlags(urgent6h1, { level: 'district' }, Q3.to, cal).urgentArrivedIn6h).toBe(0)
    expect(incidentFlags(urgent6h1, { level: 'district' }, Q3.to, cal).urgentArrivalDue).toBe(1)
  })

  it('an urgent one not on site is not yet due before 6 h have passed at the period end', () => {
    const end = at('2026-07-08T14:20:00')
    expect(incidentFlags(urgentStillNotOnSite, { level: 'district' }, end, cal).urgentArrivalDue).toBe(0)
    expect(incidentFlags(urgentStillNotOnSite, { level: 'district' }, new Date(end.getTime() + 1000), cal).urgentArrivalDue).toBe(1)
  })

  it('mean handling time in office hours, across a 调休 weekend', () => {
    expect(incidentFlags(acrossMakeUpWeekend, { level: 'district' }, Q3.to, cal).handlingWorkingMs).toBe(11 * H)
    expect(computeIndicators([acrossMakeUpWeekend], { level: 'unit', code: 'U3' }, Q3.to, cal).meanHandlingHours).toBe(11)
  })

  it('a return then re-dispatch: the returning unit is charged the return, the new one the handling', () => {
    const u1 = computeIndicators(all, { level: 'unit', code: 'U1' }, Q3.to, cal)
    expect(u1.returns).toBe(1)
    expect(u1.dispatches).toBe(3)
    expect(u1.accurateDispatches).toBe(2)
    expect(u1.handlingDue).toBe(2) // reopenedTwice, extendedThenOverdue — not the one it returned
    expect(u1.reworkRate).toBe(0.5)
    expect(u1.extensionRate).toBe(0.5)
    expect(u1.overdueOpenRate).toBe(0.5)
    const u2 = computeIndicators(all, { level: 'unit', code: 'U2' }, Q3.to, cal)
    expect(u2.returns).toBe(0)
    expect(u2.handlingDue).toBe(4)
    expect(u2.handled).toBe(3)
    expect(handlingUnitOf(returnedThenRedispatched)).toBe('U2')
    // returned and not yet re-dispatched at the period end: no unit has it
    expect(handlingUnitOf({ ...returnedThenRedispatched, dispatches: returnedThenRedispatched.dispatches.slice(0, 1), endState: 'returned' })).toBeNull()
  })

  it('a street counts only its incidents', () => {
    const s2 = computeIndicators(all, { level: 'street', code: 'S2' }, Q3.to, cal)
    expect(s2.received).toBe(1)
    expect(s2.handled).toBe(1)
    expect(s2.leadUnitFallbacks).toBe(1)
  })

  it('the incidents behind a number are exactly those counted', () => {
    expect(incidentsBehind(all, { level: 'district' }, 'reworked', Q3.to, cal).map((f) => f.code)).toEqual([reopenedTwice.code])
    expect(incidentsBehind(all, { level: 'district' }, 'overdueOpen', Q3.to, cal).map((f) => f.code)).toEqual([extendedThenOverdue.code])
    expect(incidentsBehind(all, { level: 'unit', code: 'U1' }, 'returns', Q3.to, cal).map((f) => f.code)).toEqual([returnedThenRedispatched.code])
    expect(incidentsBehind(all, { level: 'district' }, 'handled', Q3.to, cal)).toHaveLength(district.handled)
  })

  it('an empty scope has counts of zero and no rates', () => {
    const none = computeIndicators(all, { level: 'unit', code: 'nobody' }, Q3.to, cal)
    expect(none.received).toBe(0)
    expect(none.handlingRate).toBeNull()
    expect(none.meanHandlingHours).toBeNull()
  })

  it('handled in working hours for the district', () => {
    const rows = incidentsBehind(all, { level: 'district' }, 'handlingWorkingMs', Q3.to, cal)
    expect(rows).toHaveLength(5)
    expect(district.handlingTimeCount).toBe(5)
    expect(fromShanghai('2026-07-01').getTime()).toBe(Q3.from.getTime())
  })
})
