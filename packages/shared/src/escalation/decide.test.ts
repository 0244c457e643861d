import { describe, expect, it } from 'vitest'
import { commandCenter, info, units } from '../assignment/fixtures.test-helper.ts'
import type { IncidentState } from '../workflow/states.ts'
import { chainData, decideTimer, isTimerKind, TIMER_KINDS, type EscalationContext, type EscalationFacts } from './decide.ts'

const T0 = new Date('2026-06-01T01:00:00Z') // 09:00 Shanghai, intake
const MIN = 60_000
const HOUR = 60 * MIN
const at = (ms: number) => new Date(T0.getTime() + ms)

/** An urgent 路面塌陷 (010502, lead unit: transport) as the worker sees it. */
function facts(over: Partial<EscalationFacts> = {}): EscalationFacts {
  return {
    state: 'registered',
    type: 'urgent',
    unitCode: null,
    needsReview: false,
    dispatchedAt: null,
    dispatchBy: at(15 * MIN),
    arriveBy: null,
    handleBy: null,
    resolveBy: null,
    ownershipBy: at(12 * HOUR),
    callbackAt: null,
    overdueAt: null,
    escalationLevel: 0,
    ...over,
  }
}

function ctx(now: Date, over: Partial<EscalationContext> = {}): EscalationContext {
  return { now, stepIntervalMs: HOUR, ownership: { fine: info('010504'), units, commandCenter }, ...over }
}

const dispatched = (over: Partial<EscalationFacts> = {}) =>
  facts({
    state: 'dispatched',
    unitCode: 'traffic_police',
    dispatchedAt: at(10 * MIN),
    arriveBy: at(10 * MIN + 6 * HOUR),
    callbackAt: at(10 * MIN + 12 * HOUR),
    dispatchBy: null,
    ...over,
  })

describe('decideTimer: R4 dispatch within 15 minutes', () => {
  it('still at the center at 15 min → alert the center and mark overdue', () => {
    for (const state of ['reported', 'registered'] as IncidentState[]) {
      const d = decideTimer({ kind: 'dispatchBy', dueAt: at(15 * MIN) }, facts({ state }), ctx(at(15 * MIN)))
      expect(d.outcome).toBe('acted')
      expect(d.events.map((e) => [e.action, e.rule, e.to.role])).toEqual([
        ['alert', 'R4', 'dispatcher'],
        ['overdue', 'R4', 'dispatcher'],
      ])
      expect(d.overdueAt).toEqual(at(15 * MIN))
      expect(d.transition).toBeNull()
    }
  })

  it('already dispatched (the row was not cancelled in time) → nothing', () => {
    const d = decideTimer({ kind: 'dispatchBy', dueAt: at(15 * MIN) }, dispatched({ dispatchBy: at(15 * MIN) }), ctx(at(15 * MIN)))
    expect(d).toMatchObject({ outcome: 'state_moot', events: [], overdueAt: null, schedule: [] })
  })

  it('already overdue → only the alert', () => {
    const d = decideTimer({ kind: 'dispatchBy', dueAt: at(15 * MIN) }, facts({ overdueAt: at(MIN) }), ctx(at(20 * MIN)))
    expect(d.events.map((e) => e.action)).toEqual(['alert'])
    expect(d.overdueAt).toBeNull()
  })

  it('a row that fires early (clock skew) or whose deadline is gone is stale', () => {
    expect(decideTimer({ kind: 'dispatchBy', dueAt: at(15 * MIN) }, facts(), ctx(at(14 * MIN))).outcome).toBe('deadline_moved')
    expect(decideTimer({ kind: 'dispatchBy', dueAt: at(15 * MIN) }, facts({ dispatchBy: null }), ctx(at(16 * MIN))).outcome).toBe(
      'deadline_moved',
    )
  })
})

describe('decideTimer: R5 on site within 6 hours', () => {
  it('dispatched or accepted but not on site → urge the unit, overdue once', () => {
    for (const state of ['dispatched', 'accepted'] as IncidentState[]) {
      const d = decideTimer({ kind: 'arriveBy', dueAt: at(6 * HOUR) }, dispatched({ state }), ctx(at(7 * HOUR)))
      expect(d.events.map((e) => [e.action, e.rule])).toEqual([
        ['urge', 'R5'],
        ['overdue', 'R5'],
      ])
      expect(d.events[0]!.to).toEqual({ role: 'handler', unitCode: 'traffic_police' })
      expect(d.escalationLevel).toBeNull()
    }
  })

  it('on site, returned or resolved → nothing', () => {
    for (const state of ['on_site', 'returned', 'resolved', 'closed'] as IncidentState[]) {
      expect(decideTimer({ kind: 'arriveBy', dueAt: at(6 * HOUR) }, dispatched({ state }), ctx(at(7 * HOUR))).outcome).toBe('state_moot')
    }
  })

  it('an approved extension moved arrive-by later → the old row is stale', () => {
    const d = decideTimer({ kind: 'arriveBy', dueAt: at(6 * HOUR) }, dispatched({ arriveBy: at(9 * HOUR) }), ctx(at(7 * HOUR)))
    expect(d.outcome).toBe('deadline_moved')
  })
})

describe('decideTimer: R1–R3 and R6 overdue, once', () => {
  it('resolve-by past while open → overdue with the rule of the type', () => {
    const f = facts({ type: 'complaint', state: 'dispatched', resolveBy: at(3 * 24 * HOUR), dispatchBy: null, ownershipBy: null })
    const d = decideTimer({ kind: 'resolveBy', dueAt: at(72 * HOUR) }, f, ctx(at(73 * HOUR)))
    expect(d.events.map((e) => [e.action, e.rule])).toEqual([['overdue', 'R1']])
    expect(d.overdueAt).toEqual(at(73 * HOUR))
    const c = decideTimer({ kind: 'resolveBy', dueAt: at(72 * HOUR) }, { ...f, type: 'consultation' }, ctx(at(73 * HOUR)))
    expect(c.events[0]!.rule).toBe('R2')
    const s = decideTimer({ kind: 'resolveBy', dueAt: at(72 * HOUR) }, { ...f, type: 'simple' }, ctx(at(73 * HOUR)))
    expect(s.events[0]!.rule).toBe('R3')
  })

  it('the second miss (rework, another deadline) writes nothing: overdue is marked once', () => {
    const f = facts({ type: 'complaint', state: 'accepted', resolveBy: at(HOUR), overdueAt: at(HOUR) })
    expect(decideTimer({ kind: 'resolveBy', dueAt: at(HOUR) }, f, ctx(at(2 * HOUR)))).toMatchObject({ outcome: 'already_overdue', events: [] })
  })

  it('resolved (awaiting verification), closed, rejected or merged → nothing', () => {
    for (const state of ['resolved', 'closed', 'rejected', 'merged'] as IncidentState[]) {
      const f = facts({ type: 'complaint', state, resolveBy: at(HOUR) })
      expect(decideTimer({ kind: 'resolveBy', dueAt: at(HOUR) }, f, ctx(at(2 * HOUR))).outcome).toBe('state_moot')
    }
  })

  it('R6 handle-by past in the owner’s hands → overdue', () => {
    const f = dispatched({ state: 'on_site', handleBy: at(8 * HOUR) })
    expect(decideTimer({ kind: 'handleBy', dueAt: at(8 * HOUR) }, f, ctx(at(8 * HOUR))).events.map((e) => [e.action, e.rule])).toEqual([
      ['overdue', 'R6'],
    ])
    expect(decideTimer({ kind: 'handleBy', dueAt: at(8 * HOUR) }, { ...f, state: 'resolved' }, ctx(at(9 * HOUR))).outcome).toBe('state_moot')
  })
})

describe('decideTimer: R7 the lead unit owns it after 12 hours', () => {
  const due = { kind: 'ownershipBy', dueAt: at(12 * HOUR) }

  it('still at the center → system dispatch to the subclass lead unit (0105 → 区交通运输局)', () => {
    for (const [state, action] of [
      ['reported', 'dispatch'],
      ['registered', 'dispatch'],
      ['returned', 'redispatch'],
    ] as const) {
      const d = decideTimer(due, facts({ state }), ctx(at(12 * HOUR)))
      expect(d.outcome).toBe('acted')
      expect(d.transition).toMatchObject({ action, unitCode: 'transport', assignment: { rule: 'lead_unit_fallback' } })
      expect(d.transition!.assignment.explanation.zh).toContain('牵头单位')
      expect(d.events).toEqual([])
    }
  })

  it('dispatched on an unconfirmed assignment, not accepted → the lead unit; a confirmed one or the lead unit itself → nothing', () => {
    expect(decideTimer(due, dispatched({ needsReview: true }), ctx(at(12 * HOUR))).transition).toMatchObject({
      action: 'redispatch',
      unitCode: 'transport',
    })
    expect(decideTimer(due, dispatched({ needsReview: false }), ctx(at(12 * HOUR))).outcome).toBe('state_moot')
    expect(decideTimer(due, dispatched({ needsReview: true, unitCode: 'transport' }), ctx(at(12 * HOUR))).outcome).toBe('state_moot')
    expect(decideTimer(due, dispatched({ state: 'accepted', needsReview: true }), ctx(at(12 * HOUR))).outcome).toBe('state_moot')
  })

  it('no fine class: no lead unit → alert the center instead', () => {
    const d = decideTimer(due, facts(), ctx(at(12 * HOUR), { ownership: { fine: null, units, commandCenter } }))
    expect(d.transition).toBeNull()
    expect(d.events.map((e) => [e.action, e.rule])).toEqual([['alert', 'R7']])
  })
})

describe('decideTimer: R10 callback → urge (1) → unit efficiency office (2) → district efficiency office (3)', () => {
  const f = dispatched({ state: 'accepted' })
  const cb = at(10 * MIN + 12 * HOUR)

  it('callback due while not on site → a callback task for the seat, urge1 after the interval', () => {
    const d = decideTimer({ kind: 'callbackAt', dueAt: cb }, f, ctx(cb, { stepIntervalMs: 30 * MIN }))
    expect(d.events.map((e) => [e.action, e.rule, e.to.role])).toEqual([['callbackDue', 'R10', 'dispatcher']])
    expect(d.schedule).toEqual([{ kind: 'urge1', dueAt: new Date(cb.getTime() + 30 * MIN), data: chainData(f) }])
    expect(d.overdueAt).toBeNull()
  })

  it('callback due while on site → the callback only; resolved → nothing', () => {
    const onSite = decideTimer({ kind: 'callbackAt', dueAt: cb }, { ...f, state: 'on_site' }, ctx(cb))
    expect(onSite.events.map((e) => e.action)).toEqual(['callbackDue'])
    expect(onSite.schedule).toEqual([])
    expect(decideTimer({ kind: 'callbackAt', dueAt: cb }, { ...f, state: 'resolved' }, ctx(cb)).outcome).toBe('state_moot')
  })

  it('each step raises the level and schedules the next while still not on site', () => {
    const data = chainData(f)
    const u1 = decideTimer({ kind: 'urge1', dueAt: at(13 * HOUR), data }, f, ctx(at(13 * HOUR)))
    expect(u1.events.map((e) => [e.action, e.level, e.to])).toEqual([['urge', 1, { role: 'handler', unitCode: 'traffic_police' }]])
    expect(u1.escalationLevel).toBe(1)
    expect(u1.schedule).toEqual([{ kind: 'supervise2', dueAt: at(14 * HOUR), data }])

    const s2 = decideTimer({ kind: 'supervise2', dueAt: at(14 * HOUR), data }, { ...f, escalationLevel: 1 }, ctx(at(14 * HOUR)))
    expect(s2.events.map((e) => [e.action, e.level, e.to])).toEqual([
      ['supervise', 2, { role: 'unit_supervisor', unitCode: 'traffic_police' }],
    ])
    expect(s2.escalationLevel).toBe(2)
    expect(s2.schedule.map((t) => t.kind)).toEqual(['supervise3'])

    const s3 = decideTimer({ kind: 'supervise3', dueAt: at(15 * HOUR), data }, { ...f, escalationLevel: 2 }, ctx(at(15 * HOUR)))
    expect(s3.events.map((e) => [e.action, e.level, e.to])).toEqual([['supervise', 3, { role: 'efficiency_office', unitCode: null }]])
    expect(s3.escalationLevel).toBe(3)
    expect(s3.schedule).toEqual([])
  })

  it('on site (or resolved, returned) before the step → the chain stops', () => {
    for (const state of ['on_site', 'resolved', 'returned', 'closed'] as IncidentState[]) {
      const d = decideTimer({ kind: 'supervise2', dueAt: at(14 * HOUR), data: chainData(f) }, { ...f, state }, ctx(at(14 * HOUR)))
      expect(d).toMatchObject({ outcome: 'state_moot', events: [], schedule: [] })
    }
  })

  it('a step of an earlier dispatch (re-dispatched since) is stale', () => {
    const old = chainData(f)
    const again = { ...f, state: 'dispatched' as const, dispatchedAt: at(13 * HOUR), unitCode: 'transport' }
    expect(decideTimer({ kind: 'urge1', dueAt: at(13.5 * HOUR), data: old }, again, ctx(at(14 * HOUR))).outcome).toBe('chain_stale')
    expect(decideTimer({ kind: 'urge1', dueAt: at(13.5 * HOUR), data: null }, again, ctx(at(14 * HOUR))).outcome).toBe('chain_stale')
  })

  it('the level never goes down (a new chain after a re-dispatch)', () => {
    const d = decideTimer({ kind: 'urge1', dueAt: at(13 * HOUR), data: chainData(f) }, { ...f, escalationLevel: 3 }, ctx(at(13 * HOUR)))
    expect(d.events.map((e) => e.level)).toEqual([1])
    expect(d.escalationLevel).toBeNull()
  })
})

describe('timer kinds', () => {
  it('knows the deadline kinds and the chain; anything else is left alone', () => {
    expect(TIMER_KINDS).toEqual(['resolveBy', 'dispatchBy', 'arriveBy', 'handleBy', 'ownershipBy', 'callbackAt', 'urge1', 'supervise2', 'supervise3'])
    expect(isTimerKind('urge1')).toBe(true)
    expect(isTimerKind('wakeUp')).toBe(false)
    expect(decideTimer({ kind: 'wakeUp', dueAt: T0 }, facts(), ctx(at(HOUR))).outcome).toBe('unknown_kind')
  })
})
