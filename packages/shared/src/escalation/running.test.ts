import { describe, expect, it } from 'vitest'
import { deadlineRunning } from './running.ts'

describe('deadlineRunning: which deadlines still run in a state (screens show the others as done)', () => {
  it('R4 dispatch-by runs at the center only', () => {
    expect(deadlineRunning('dispatchBy', 'registered')).toBe(true)
    expect(deadlineRunning('dispatchBy', 'dispatched')).toBe(false)
    expect(deadlineRunning('dispatchBy', 'closed')).toBe(false)
  })
  it('R5 arrive-by runs until someone is on site', () => {
    expect(deadlineRunning('arriveBy', 'accepted')).toBe(true)
    expect(deadlineRunning('arriveBy', 'on_site')).toBe(false)
  })
  it('R1–R3 resolve-by runs while open, returned included; resolved waits for verification, not the clock', () => {
    expect(deadlineRunning('resolveBy', 'returned')).toBe(true)
    expect(deadlineRunning('resolveBy', 'on_site')).toBe(true)
    expect(deadlineRunning('resolveBy', 'resolved')).toBe(false)
    expect(deadlineRunning('resolveBy', 'closed')).toBe(false)
  })
  it('R7 ownership runs at the center and on an unconfirmed dispatch', () => {
    expect(deadlineRunning('ownershipBy', 'returned')).toBe(true)
    expect(deadlineRunning('ownershipBy', 'dispatched', true)).toBe(true)
    expect(deadlineRunning('ownershipBy', 'dispatched', false)).toBe(false)
    expect(deadlineRunning('ownershipBy', 'accepted', true)).toBe(false)
  })
  it('R6 handle-by and R10 callback run while the unit works on it', () => {
    for (const k of ['handleBy', 'callbackAt'] as const) {
      expect(deadlineRunning(k, 'on_site')).toBe(true)
      expect(deadlineRunning(k, 'resolved')).toBe(false)
    }
  })
})
