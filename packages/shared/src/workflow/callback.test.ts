import { describe, expect, it } from 'vitest'
import { callbackTask as task, r10CallbackAnswer } from './callback.ts'

const callbackTask = (state: string, events: Parameters<typeof task>[0]['events'], hasReporterPhone: boolean, urgent = true) =>
  task({ state, events, hasReporterPhone, urgent })

const ev = (action: string, to: string | null = null, data: Record<string, unknown> | null = null) => ({ action, to, data })
const dispatched = [ev('create', 'reported'), ev('register', 'registered'), ev('dispatch', 'dispatched')]

describe('callbackTask (回访)', () => {
  it('R10: due once the worker raised callbackDue after the dispatch, until the seat records a callback', () => {
    expect(callbackTask('dispatched', dispatched, true)).toEqual({ possible: true, due: false, kind: 'r10' })
    const raised = [...dispatched, ev('callbackDue', 'dispatched', { rule: 'R10' })]
    expect(callbackTask('dispatched', raised, false)).toEqual({ possible: true, due: true, kind: 'r10' })
    expect(callbackTask('accepted', [...raised, ev('accept', 'accepted')], true).due).toBe(true)
    expect(callbackTask('accepted', [...raised, ev('callback', 'dispatched', { reached: false })], true).due).toBe(false)
    // A re-dispatch starts a new R10 period: the old callbackDue is not owed any more.
    expect(callbackTask('dispatched', [...raised, ev('returnToCenter', 'returned'), ev('redispatch', 'dispatched')], true).due).toBe(false)
  })

  it('closed: the reporter is owed a satisfaction callback, unless they rated it themselves or have no phone', () => {
    const closed = [...dispatched, ev('resolve', 'resolved'), ev('verifyPass', 'closed')]
    expect(callbackTask('closed', closed, true)).toEqual({ possible: true, due: true, kind: 'satisfaction' })
    expect(callbackTask('closed', closed, false).due).toBe(false)
    expect(callbackTask('closed', [...closed, ev('callback', 'closed', { reached: false })], true).due).toBe(true)
    expect(callbackTask('closed', [...closed, ev('callback', 'closed', { reached: true, satisfaction: 'satisfied' })], true).due).toBe(false)
    expect(callbackTask('closed', [...closed, ev('rate', 'closed', { rating: 'satisfied' })], true).due).toBe(false)
    // Reopened and closed again: a new round is owed.
    const again = [...closed, ev('callback', 'closed', { reached: true, satisfaction: 'not_satisfied' }), ev('reopen', 'registered'), ev('answerAndClose', 'closed')]
    expect(callbackTask('closed', again, true).due).toBe(true)
  })

  it('not possible at the center or after a merge / rejection; possible but not owed while resolved', () => {
    for (const s of ['reported', 'registered', 'returned', 'merged', 'rejected']) expect(callbackTask(s, dispatched, true), s).toEqual({ possible: false, due: false, kind: null })
    expect(callbackTask('resolved', dispatched, true)).toEqual({ possible: true, due: false, kind: 'progress' })
    // Another incident in the unit's hands: a callback may be recorded (how things stand), R10 is not its rule.
    expect(callbackTask('dispatched', dispatched, true, false)).toEqual({ possible: true, due: false, kind: 'progress' })
  })
})

describe('r10CallbackAnswer (the callbackAt deadline met)', () => {
  const at = (action: string, h: number, to: string | null = 'dispatched') => ({ action, to, at: `2026-11-26T${String(h).padStart(2, '0')}:00:00+08:00` })
  const base = [at('create', 1, 'reported'), at('dispatch', 2)]

  it('is the first callback after the latest callbackDue of this dispatch', () => {
    expect(r10CallbackAnswer(base)).toBeNull()
    const raised = [...base, at('callbackDue', 14)]
    expect(r10CallbackAnswer(raised)).toBeNull()
    const answered = [...raised, at('callback', 15), at('accept', 16, 'accepted'), at('callback', 17, 'accepted')]
    expect(r10CallbackAnswer(answered)?.at).toBe('2026-11-26T15:00:00+08:00')
  })

  it('not before the check is raised, and not for an earlier dispatch', () => {
    // Called early: R10 is not met (the worker still raises the check at 12 h).
    expect(r10CallbackAnswer([...base, at('callback', 5)])).toBeNull()
    const old = [...base, at('callbackDue', 14), at('callback', 15), at('returnToCenter', 16, 'returned'), at('redispatch', 17)]
    expect(r10CallbackAnswer(old)).toBeNull()
    expect(r10CallbackAnswer([...old, at('callbackDue', 5), at('callback', 6)])?.at).toBe('2026-11-26T06:00:00+08:00')
  })
})
