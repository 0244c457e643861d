import { describe, expect, it } from 'vitest'
import { listItem } from '../testing/incidents.ts'
import { beyondFrontier, deskDelta, isDeskState, nextDue, sortQueue } from './dispatch-queue.ts'

const due = (k: 'dispatchBy' | 'resolveBy' | 'ownershipBy', at: string) => ({ ...listItem().deadlines, [k]: at })

describe('the desk queue order', () => {
  it('puts urgent incidents first, then returns, then the least time left, then the oldest', () => {
    const items = [
      listItem({ code: 'late-normal', deadlines: due('resolveBy', '2026-11-30T17:30:00+08:00') }),
      listItem({ code: 'soon-normal', deadlines: due('resolveBy', '2026-11-27T17:30:00+08:00') }),
      listItem({ code: 'no-deadline-old', createdAt: '2026-11-20T09:00:00+08:00' }),
      listItem({ code: 'no-deadline-new', createdAt: '2026-11-26T09:00:00+08:00' }),
      listItem({ code: 'returned', state: 'returned' }),
      listItem({ code: 'urgent', track: 'urgent', deadlines: due('dispatchBy', '2026-11-26T09:15:00+08:00') }),
      listItem({ code: 'hazard', safetyHazard: true, deadlines: due('dispatchBy', '2026-11-26T09:10:00+08:00') }),
    ]
    expect(sortQueue(items).map((i) => i.code)).toEqual([
      'hazard',
      'urgent',
      'returned',
      'soon-normal',
      'late-normal',
      'no-deadline-old',
      'no-deadline-new',
    ])
  })

  it('works against dispatch-by, then ownership, then resolve-by', () => {
    expect(nextDue(listItem({ deadlines: { ...due('resolveBy', 'r'), dispatchBy: 'd' } }))).toBe('d')
    expect(nextDue(listItem({ deadlines: { ...due('resolveBy', 'r'), ownershipBy: 'o' } }))).toBe('o')
    expect(nextDue(listItem())).toBeNull()
  })

  it('holds reported, registered and returned incidents only', () => {
    expect(['reported', 'registered', 'returned'].every(isDeskState)).toBe(true)
    expect(['dispatched', 'closed', null, undefined].some(isDeskState)).toBe(false)
  })

  it('breaks a tie in time by the code in code-unit order, as the API does (COLLATE "C")', () => {
    const same = { createdAt: '2026-11-26T09:00:00.123+08:00' }
    const codes = ['HJ20261126-100000', 'HJ20261126-00002', 'HJ20261126-0000a', 'HJ20261126-0000B']
    expect(sortQueue(codes.map((code) => listItem({ code, ...same }))).map((i) => i.code)).toEqual([
      'HJ20261126-00002',
      'HJ20261126-0000B',
      'HJ20261126-0000a',
      'HJ20261126-100000',
    ])
  })

  it('knows what sorts after the last loaded row, and how a live event changes the count waiting', () => {
    const frontier = listItem({ code: 'F', deadlines: due('dispatchBy', '2026-11-26T10:00:00+08:00') })
    expect(beyondFrontier(listItem({ deadlines: due('dispatchBy', '2026-11-26T10:00:01+08:00') }), frontier)).toBe(true)
    expect(beyondFrontier(listItem({ code: 'E', deadlines: due('dispatchBy', '2026-11-26T10:00:00+08:00') }), frontier)).toBe(false)
    expect(beyondFrontier(listItem({ track: 'urgent' }), frontier)).toBe(false)
    expect(beyondFrontier(listItem(), frontier)).toBe(true) // no deadline: last
    expect(beyondFrontier(listItem(), null)).toBe(false) // every page loaded
    expect([deskDelta(null, 'reported'), deskDelta('registered', 'dispatched'), deskDelta('reported', 'registered'), deskDelta('dispatched', 'returned'), deskDelta('accepted', 'on_site')]).toEqual([1, -1, 0, 1, 0])
  })
})
