import { describe, expect, it } from 'vitest'
import { SIGN_IN_DELAY_MAX_MS, signInDelayed, signInDelayMs } from './lockout.ts'
import { inAreas, regionPrefix } from './areas.ts'
import { incidentScopes, permissionsOf } from './permissions.ts'

describe('permissions and scopes', () => {
  it('a user with several roles gets the union of their permissions', () => {
    // Viewers (leaders, the wall) read the evaluation's rankings too.
    expect(permissionsOf(['viewer'])).toEqual(['incident.read', 'map.read', 'evaluation.read'])
    expect(permissionsOf(['efficiency_office'])).toContain('evaluation.manage')
    expect(permissionsOf(['unit_supervisor'])).toContain('letter.reply')
    expect(permissionsOf(['unit_supervisor'])).not.toContain('evaluation.manage')
    const both = permissionsOf(['handler', 'grid_admin'])
    expect(both).toContain('incident.act')
    expect(both).toContain('region.write')
    expect(permissionsOf(['dispatcher'])).toContain('incident.reveal')
    expect(permissionsOf(['handler'])).not.toContain('incident.reveal')
    expect(permissionsOf(['efficiency_office'])).toContain('audit.read')
  })
  it('scopes: all for the center, unit for handlers, areas for inspectors, both when held together', () => {
    expect(incidentScopes(['viewer'], 'x', [])).toEqual([{ kind: 'all' }])
    expect(incidentScopes(['handler', 'dispatcher'], 'x', [])).toEqual([{ kind: 'all' }])
    expect(incidentScopes(['handler'], 'water', [])).toEqual([{ kind: 'unit', unitCode: 'water' }])
    expect(incidentScopes(['inspector', 'unit_supervisor'], 'water', ['350303001'])).toEqual([
      { kind: 'unit', unitCode: 'water' },
      { kind: 'areas', prefixes: ['350303001'] },
    ])
  })
  it('region prefixes are the significant digits of each level', () => {
    expect(regionPrefix('350303000000', 'district')).toBe('350303')
    expect(regionPrefix('350303001000', 'street')).toBe('350303001')
    expect(regionPrefix('350303001001', 'community')).toBe('350303001001')
    expect(inAreas('350303001001002', ['350303001'])).toBe(true)
    expect(inAreas('350303002001002', ['350303001'])).toBe(false)
    expect(inAreas(null, ['350303'])).toBe(false)
  })
  it('slows sign-in progressively after the free failures, never locks, forgets after a day', () => {
    expect([1, 2, 3].map(signInDelayMs)).toEqual([0, 0, 0])
    expect([4, 5, 6, 7].map(signInDelayMs)).toEqual([1000, 2000, 4000, 8000])
    expect(signInDelayMs(40)).toBe(SIGN_IN_DELAY_MAX_MS)
    const last = new Date('2026-03-02T00:00:00Z')
    const at = (ms: number) => new Date(last.getTime() + ms)
    expect(signInDelayed(3, last, at(0))).toBe(false)
    expect(signInDelayed(6, last, at(3999))).toBe(true)
    expect(signInDelayed(6, last, at(4000))).toBe(false)
    expect(signInDelayed(40, last, at(14 * 60_000))).toBe(true)
    expect(signInDelayed(40, last, at(15 * 60_000))).toBe(false)
    expect(signInDelayed(6, null, at(0))).toBe(false)
  })
})
