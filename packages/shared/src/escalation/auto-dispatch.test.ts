import { describe, expect, it } from 'vitest'
import { commandCenter, info, units } from '../assignment/fixtures.test-helper.ts'
import { WorkingCalendar } from '../calendar/workingCalendar.ts'
import { CALENDAR_2026 } from '../calendar/years/2026.ts'
import type { IncidentRow } from '../workflow/plan.ts'
import { planAutoDispatch } from './auto-dispatch.ts'
import { decideTimer, type EscalationFacts } from './decide.ts'

const calendar = new WorkingCalendar([CALENDAR_2026])
const T0 = new Date('2026-06-01T01:00:00Z')
const HOUR = 3_600_000
const at = (h: number) => new Date(T0.getTime() + h * HOUR)
const timer = { id: 7, kind: 'ownershipBy', dueAt: at(12).toISOString() }

/** An urgent 路面塌陷 (lead unit: transport) still unowned at 12 h. */
function row(over: Partial<IncidentRow> = {}): IncidentRow {
  return {
    state: 'registered',
    requestType: 'complaint',
    track: 'urgent',
    createdAt: T0,
    registeredAt: at(0.1),
    unitCode: null,
    firstUnitCode: null,
    arriveBy: null,
    handleBy: null,
    resolveBy: null,
    ownershipBy: at(12),
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

function transitionFor(state: IncidentRow['state']) {
  const facts = { state, type: 'urgent', unitCode: null, needsReview: false, dispatchedAt: null, dispatchBy: null, arriveBy: null, handleBy: null,
    resolveBy: null, ownershipBy: at(12), callbackAt: null, overdueAt: null, escalationLevel: 0 } as EscalationFacts
  const d = decideTimer({ kind: 'ownershipBy', dueAt: at(12) }, facts, { now: at(12), stepIntervalMs: HOUR, ownership: { fine: info('010504'), units, commandCenter } })
  return d.transition!
}

describe('planAutoDispatch (R7)', () => {
  it('from the center: a dispatch to the lead unit with the workflow’s own R5/R10 deadlines and the reason in the event', () => {
    const step = planAutoDispatch(row(), transitionFor('registered'), at(12), calendar, timer)
    expect(step.action).toBe('dispatch')
    expect(step.to).toBe('dispatched')
    expect(step.patch).toMatchObject({ state: 'dispatched', unitCode: 'transport', firstUnitCode: 'transport', arriveBy: at(18), callbackAt: at(24) })
    expect(step.patch.registeredAt).toBeUndefined()
    expect(step.cancel).toEqual(['dispatchBy'])
    expect(step.schedule.map((t) => t.kind).sort()).toEqual(['arriveBy', 'callbackAt'])
    expect(step.data).toMatchObject({ rule: 'R7', unitCode: 'transport', timer, assignment: { rule: 'lead_unit_fallback', unit: { code: 'transport' } } })
    expect(step.data.extensionDropped).toBeUndefined()
  })

  it('an incident never registered is registered by the same step (R7 runs from intake)', () => {
    const step = planAutoDispatch(row({ state: 'reported', registeredAt: null }), transitionFor('reported'), at(12), calendar, timer)
    expect(step.patch.registeredAt).toEqual(at(12))
  })

  it('after a return: a re-dispatch (R6 handle-by), and a leftover extension request is dropped', () => {
    const rec = row({ state: 'returned', extensionPending: true, extensionDueAt: at(30), extensionReason: 'wait' })
    const step = planAutoDispatch(rec, transitionFor('returned'), at(12), calendar, timer)
    expect(step.action).toBe('redispatch')
    expect(step.patch).toMatchObject({ handleBy: at(18), extensionPending: false, extensionDueAt: null, extensionReason: null })
    expect(step.data.extensionDropped).toEqual({ requestedDueAt: at(30).toISOString(), reason: 'wait' })
  })
})
