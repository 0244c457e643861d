import { describe, expect, it } from 'vitest'
import { MissingCalendarYearError } from '../calendar/types.ts'
import { WorkingCalendar } from '../calendar/workingCalendar.ts'
import { CALENDAR_2026 } from '../calendar/years/2026.ts'
import { extensionTarget, planStep, planTransition, staleExtension, typeOfIncident, type IncidentRow } from './plan.ts'

const calendar = new WorkingCalendar([CALENDAR_2026])
const T0 = new Date('2026-06-01T01:00:00Z') // Monday 09:00 Shanghai
const HOUR = 3_600_000
const at = (h: number) => new Date(T0.getTime() + h * HOUR)

function row(over: Partial<IncidentRow> = {}): IncidentRow {
  return {
    state: 'reported',
    requestType: 'complaint',
    track: 'normal',
    createdAt: T0,
    registeredAt: null,
    unitCode: null,
    firstUnitCode: null,
    arriveBy: null,
    handleBy: null,
    resolveBy: null,
    ownershipBy: null,
    overdueAt: null,
    hazardMarked: false,
    reworkCount: 0,
    resolvedAt: null,
    extensionPending: false,
    extensionDueAt: null,
    extensionReason: null,
    ...over,
  }
}

describe('planTransition', () => {
  it('register: R1 from registration, its timer, the moot urgent checks cancelled', () => {
    const p = planTransition('register', row(), {}, at(1), calendar)
    expect(p.patch.resolveBy?.toISOString()).toBe('2026-06-04T09:30:00.000Z') // 3 working days, 17:30 Shanghai
    expect(p.patch.dispatchBy).toBeNull()
    expect(p.patch.registeredAt).toEqual(at(1))
    expect(p.cancel).toEqual(['dispatchBy', 'ownershipBy'])
    expect(p.schedule).toEqual([{ kind: 'resolveBy', dueAt: p.patch.resolveBy, data: { rule: 'R1' } }])
  })

  it('register as urgent: R4 and R7 run from intake, not registration, and it becomes a safety hazard', () => {
    const p = planTransition('register', row(), { incidentType: 'urgent' }, at(1), calendar)
    expect(p.patch).toMatchObject({ track: 'urgent', safetyHazard: true, dispatchBy: new Date(T0.getTime() + 15 * 60_000), ownershipBy: at(12) })
    expect(p.schedule.map((t) => t.kind).sort()).toEqual(['dispatchBy', 'ownershipBy'])
  })

  it('dispatch of an urgent incident: R5 arrive-by and R10 callback from the dispatch; the first unit is kept', () => {
    const rec = row({ state: 'registered', track: 'urgent', firstUnitCode: 'water' })
    const p = planTransition('dispatch', rec, { unitCode: 'transport' }, at(2), calendar)
    expect(p.patch).toMatchObject({ unitCode: 'transport', firstUnitCode: 'water', arriveBy: at(8), callbackAt: at(14), dispatchedAt: at(2) })
    expect(p.cancel).toEqual(['dispatchBy'])
  })

  it('redispatch: R6 handle-by 6 h', () => {
    const p = planTransition('redispatch', row({ state: 'returned', track: 'urgent' }), { unitCode: 'water' }, at(3), calendar)
    expect(p.patch.handleBy).toEqual(at(9))
  })

  it('returnToCenter keeps the R7 check only while it is ahead', () => {
    const rec = row({ state: 'dispatched', track: 'urgent', unitCode: 'x', ownershipBy: at(12) })
    expect(planTransition('returnToCenter', rec, { reason: 'not ours' }, at(2), calendar).schedule).toEqual([
      { kind: 'ownershipBy', dueAt: at(12), data: { rule: 'R7' } },
    ])
    expect(planTransition('returnToCenter', rec, { reason: 'not ours' }, at(13), calendar).schedule).toEqual([])
  })

  it('verifyFail reopens the resolve step under its old deadlines and counts rework', () => {
    const p = planTransition('verifyFail', row({ state: 'resolved', resolveBy: at(50), reworkCount: 1 }), { reason: 'dirty' }, at(3), calendar)
    expect(p.patch).toEqual({ incrementRework: true, resolvedAt: null })
    expect(p.schedule).toEqual([{ kind: 'resolveBy', dueAt: at(50), data: { rework: true } }])
    expect(p.data.reworkCount).toBe(2)
  })

  it('an approved extension moves the deadline and clears an overdue mark it makes moot (R8)', () => {
    const rec = row({ state: 'accepted', resolveBy: at(5), overdueAt: at(5), extensionPending: true, extensionDueAt: at(48), extensionReason: 'parts' })
    const p = planTransition('decideExtension', rec, { approve: true }, at(6), calendar)
    expect(p.patch).toMatchObject({ resolveBy: at(48), overdueAt: null, extensionPending: false })
    expect(p.data).toMatchObject({ approved: true, oldDueAt: at(5).toISOString(), newDueAt: at(48).toISOString() })
  })

  it('a working-day deadline in a year with no calendar refuses the step', () => {
    expect(() => planTransition('register', row(), {}, new Date('2031-03-01T01:00:00Z'), calendar)).toThrow(MissingCalendarYearError)
  })
})

describe('extensionTarget', () => {
  it('urgent: handle-by after a re-dispatch, else arrive-by until on site; otherwise resolve-by', () => {
    expect(extensionTarget(row({ track: 'urgent', state: 'accepted', handleBy: at(6), arriveBy: at(4) }))?.kind).toBe('handleBy')
    expect(extensionTarget(row({ track: 'urgent', state: 'accepted', arriveBy: at(4) }))?.kind).toBe('arriveBy')
    expect(extensionTarget(row({ track: 'urgent', state: 'on_site', arriveBy: at(4) }))).toBeNull()
    expect(extensionTarget(row({ state: 'on_site', resolveBy: at(40) }))?.kind).toBe('resolveBy')
    expect(typeOfIncident(row({ track: 'simple' }))).toBe('simple')
  })
})

describe('a pending extension dies with its step', () => {
  const pending = row({ state: 'accepted', resolveBy: at(40), extensionPending: true, extensionDueAt: at(80), extensionReason: 'parts' })

  it('survives a step that keeps the same deadline in the unit’s hands (arrive)', () => {
    expect(staleExtension('arrive', pending, { ...pending, state: 'on_site' })).toBeNull()
    const s = planStep('arrive', 'on_site', pending, {}, at(2), calendar)
    expect(s.patch.extensionPending).toBeUndefined()
    expect(s.data.extensionDropped).toBeUndefined()
  })

  it('dies when the unit returns or resolves it', () => {
    const s = planStep('returnToCenter', 'returned', pending, { reason: 'not ours' }, at(2), calendar)
    expect(s.patch).toMatchObject({ state: 'returned', extensionPending: false, extensionDueAt: null, extensionReason: null })
    expect(s.data.extensionDropped).toEqual({ requestedDueAt: at(80).toISOString(), reason: 'parts' })
    expect(planStep('resolve', 'resolved', pending, {}, at(2), calendar).data.extensionDropped).toBeDefined()
  })

  it('dies when the deadline it was for changes (urgent arrive-by → on site)', () => {
    const urgent = row({ track: 'urgent', state: 'accepted', arriveBy: at(6), extensionPending: true, extensionDueAt: at(9) })
    expect(staleExtension('arrive', urgent, { ...urgent, state: 'on_site' })).not.toBeNull()
  })

  it('dies with any dispatch: the request was the previous unit’s', () => {
    expect(staleExtension('redispatch', pending, { ...pending, state: 'dispatched' })).not.toBeNull()
  })

  it('asking and deciding are not steps that end it', () => {
    expect(staleExtension('requestExtension', pending, pending)).toBeNull()
    expect(staleExtension('decideExtension', pending, { ...pending, state: 'accepted' })).toBeNull()
    expect(staleExtension('resolve', { ...pending, extensionPending: false }, { ...pending, state: 'resolved' })).toBeNull()
  })
})
