import { describe, expect, it } from 'vitest'
import { answerMerged } from './lifecycle.ts'
import type { IncidentSim, SimActor, SimEvent } from './simulate.ts'

/** answerMerged writes what the API's close and reopen write to a cluster's members (R9), into the demo's history. */

const at = (h: number) => new Date(Date.UTC(2026, 5, 1, h))
const ev = (h: number, action: string, fromState: string | null, toState: string, more: Partial<SimEvent> = {}): SimEvent => ({
  at: at(h),
  actor: 'dispatcher',
  actorRole: 'dispatcher',
  action,
  fromState,
  toState,
  ...more,
})

/** Just what answerMerged reads: the member's state and log (its last event is the merge), the primary's log. */
function sims(primaryEvents: SimEvent[]) {
  const notes: { action: string; actor: SimActor; at: Date; data: Record<string, unknown>; extra: unknown }[] = []
  const member = {
    rec: { state: 'merged' },
    events: [ev(1, 'create', null, 'reported'), ev(2, 'merge', 'reported', 'merged')],
    note: (action: string, actor: SimActor, when: Date, data: Record<string, unknown>, _patch: unknown, extra: unknown) =>
      notes.push({ action, actor, at: when, data, extra }),
  } as unknown as IncidentSim
  const primary = { rec: { code: 'HJ20260601-00001' }, events: primaryEvents } as unknown as IncidentSim
  return { member, primary, notes }
}

describe('demo R9: members hear of their primary closing and reopening', () => {
  it('a close, a reopen after a bad callback and the next close: primaryClosed, primaryReopened (with the reason), primaryClosed', () => {
    const { member, primary, notes } = sims([
      ev(0, 'create', null, 'reported'),
      ev(3, 'resolve', 'on_site', 'resolved', { actor: 'handler', actorRole: 'handler', photos: [{ id: 'p1', kind: 'after' }] }),
      ev(4, 'verifyPass', 'resolved', 'closed', { actor: 'inspector', actorRole: 'inspector' }),
      ev(5, 'callback', 'closed', 'closed', { data: { satisfaction: 'not_satisfied' } }),
      ev(6, 'reopen', 'closed', 'registered', { data: { reason: '垃圾又堆起来了' } }),
      ev(9, 'close', 'resolved', 'closed', { note: '已再次清运' }),
    ])
    answerMerged(member, primary)
    expect(notes.map((n) => n.action)).toEqual(['primaryClosed', 'primaryReopened', 'primaryClosed'])
    expect(notes[1]).toMatchObject({
      at: at(6),
      actor: { id: 'dispatcher', role: 'dispatcher' },
      data: { rule: 'R9', primaryCode: 'HJ20260601-00001', primaryAction: 'reopen', via: 'workflow', reopenedAt: at(6).toISOString() },
      extra: { note: '垃圾又堆起来了', photos: null },
    })
    expect((notes[1]!.data.message as { zh: string }).zh).toContain('HJ20260601-00001')
  })

  it('a reopen before the member was merged is not its news', () => {
    const { member, primary, notes } = sims([ev(0, 'verifyPass', 'resolved', 'closed'), ev(1, 'reopen', 'closed', 'registered', { data: { reason: 'x' } })])
    answerMerged(member, primary)
    expect(notes).toEqual([])
  })
})
