import { describe, expect, it } from 'vitest'
import { isAddressedTo, NOTIFICATION_RULES, type NotificationAddress, type NotificationReader } from './index.ts'

const handler: NotificationReader = { userId: 'u-h', role: 'handler', unitCodes: ['water'], areaPrefixes: [] }
const supervisor: NotificationReader = { userId: 'u-s', role: 'unit_supervisor', unitCodes: ['water', 'water.s1'], areaPrefixes: [] }
const inspector: NotificationReader = { userId: 'u-i', role: 'inspector', unitCodes: ['patrol'], areaPrefixes: ['350303001'] }
const district: NotificationReader = { userId: 'u-e', role: 'efficiency_office', unitCodes: ['effic'], areaPrefixes: [] }
const to = (p: Partial<NotificationAddress>): NotificationAddress => ({ unitCode: null, role: null, regionCode: null, userId: null, ...p })

describe('isAddressedTo', () => {
  it('a unit assignment reaches everyone of the unit, not other units', () => {
    const n = to({ unitCode: 'water' })
    expect(isAddressedTo(n, handler)).toBe(true)
    expect(isAddressedTo(n, supervisor)).toBe(true)
    expect(isAddressedTo(n, inspector)).toBe(false)
  })
  it('an urge to the handlers also reaches their supervisor; level 2 only the supervisor', () => {
    expect(isAddressedTo(to({ unitCode: 'water', role: 'handler' }), supervisor)).toBe(true)
    expect(isAddressedTo(to({ unitCode: 'water', role: 'unit_supervisor' }), handler)).toBe(false)
    expect(isAddressedTo(to({ unitCode: 'water', role: 'unit_supervisor' }), supervisor)).toBe(true)
  })
  it('level 3 goes to the district efficiency office', () => {
    const n = to({ role: 'efficiency_office' })
    expect(isAddressedTo(n, district)).toBe(true)
    expect(isAddressedTo(n, supervisor)).toBe(false)
  })
  it('a verification task reaches inspectors whose area holds the grid', () => {
    expect(isAddressedTo(to({ role: 'inspector', regionCode: '350303001001007' }), inspector)).toBe(true)
    expect(isAddressedTo(to({ role: 'inspector', regionCode: '350303002001007' }), inspector)).toBe(false)
  })
  it('a named colleague gets it, the others of the section do not', () => {
    const n = to({ unitCode: 'water', userId: 'u-h' })
    expect(isAddressedTo(n, handler)).toBe(true)
    expect(isAddressedTo(n, { ...handler, userId: 'u-other' })).toBe(false)
  })
  it('a colleague named with a section of their unit gets it though they are not staff of the section', () => {
    const n = to({ unitCode: 'water.s1', userId: 'u-h' })
    expect(isAddressedTo(n, handler)).toBe(true)
    expect(isAddressedTo(n, supervisor)).toBe(false)
    expect(isAddressedTo(n, { ...handler, userId: 'u-other' })).toBe(false)
  })
  it('sections are addressed like units', () => {
    expect(isAddressedTo(to({ unitCode: 'water.s1' }), supervisor)).toBe(true)
    expect(isAddressedTo(to({ unitCode: 'water.s1' }), handler)).toBe(false)
  })
  it('covers the workflow actions that create work for someone', () => {
    expect(Object.keys(NOTIFICATION_RULES).sort()).toEqual(['assign', 'dispatch', 'primaryClosed', 'primaryReopened', 'redispatch', 'resolve', 'supervise', 'urge'])
  })
})
