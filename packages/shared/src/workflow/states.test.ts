import { describe, expect, it } from 'vitest'
import {
  CENTER_STATES,
  FINAL_STATES,
  INCIDENT_STATES,
  inStates,
  LEDGER_STATES,
  NOT_ON_SITE_STATES,
  OPEN_STATES,
  UNDISPATCHED_STATES,
  UNIT_WORK_STATES,
} from './states.ts'

describe('state groups', () => {
  it('every group holds known states only', () => {
    for (const g of [CENTER_STATES, UNDISPATCHED_STATES, UNIT_WORK_STATES, NOT_ON_SITE_STATES, LEDGER_STATES, OPEN_STATES]) {
      for (const s of g) expect(INCIDENT_STATES).toContain(s)
    }
  })

  it('an incident is either at the center or in the unit’s hands, never both', () => {
    expect(CENTER_STATES.filter((s) => UNIT_WORK_STATES.includes(s))).toEqual([])
    expect(UNDISPATCHED_STATES.every((s) => CENTER_STATES.includes(s))).toBe(true)
    expect(NOT_ON_SITE_STATES.every((s) => UNIT_WORK_STATES.includes(s))).toBe(true)
  })

  it('open = at the center, in the unit’s hands, or waiting for verification; closed and final are not open', () => {
    expect([...OPEN_STATES].sort()).toEqual([...CENTER_STATES, ...UNIT_WORK_STATES, 'resolved'].sort())
    for (const s of [...FINAL_STATES, 'closed' as const]) expect(OPEN_STATES).not.toContain(s)
  })

  it('inStates takes a stored string', () => {
    expect(inStates(UNIT_WORK_STATES, 'on_site')).toBe(true)
    expect(inStates(UNIT_WORK_STATES, 'resolved')).toBe(false)
    expect(inStates(UNIT_WORK_STATES, 'nonsense')).toBe(false)
    expect(inStates(UNIT_WORK_STATES, null)).toBe(false)
  })
})
