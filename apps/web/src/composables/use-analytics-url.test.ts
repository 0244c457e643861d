import { describe, expect, it } from 'vitest'
import { apiFilter, presetRange, queryFromState, stateFromQuery } from './use-analytics-url.ts'

describe('analytics URL state', () => {
  const today = '2026-12-07'
  it('defaults to the heatmap of the last 30 days and round-trips through the query', () => {
    const s = stateFromQuery({}, today)
    expect(s).toMatchObject({ view: 'heatmap', preset: 'd30', from: '2026-11-08', to: today })
    expect(queryFromState(s)).toEqual({})
    const custom = { ...s, view: 'choropleth' as const, preset: 'custom' as const, from: '2026-01-01', to: '2026-03-31', subclass: '0206', urgent: true, level: 'street' as const }
    const q = queryFromState(custom)
    expect(q).toEqual({ view: 'choropleth', preset: 'custom', from: '2026-01-01', to: '2026-03-31', subclass: '0206', urgent: 'true', level: 'street' })
    expect(stateFromQuery(q as Record<string, string>, today)).toEqual(custom)
  })
  it('presets count days up to today; bad values fall back to defaults', () => {
    expect(presetRange('d7', today)).toEqual({ from: '2026-12-01', to: today })
    expect(presetRange('year', today).from).toBe('2025-12-08')
    expect(stateFromQuery({ view: 'nope', preset: 'custom', from: 'x' }, today)).toMatchObject({ view: 'heatmap', preset: 'd30' })
  })
  it('sends the most specific class code to the API', () => {
    const s = { ...stateFromQuery({}, today), cls: '02', subclass: '0206', overdue: 'true' as const }
    expect(apiFilter(s)).toEqual({ from: '2026-11-08', to: today, class: '0206', overdue: 'true' })
  })
})
