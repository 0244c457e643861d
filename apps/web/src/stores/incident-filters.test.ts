import { OPEN_STATES } from '@hanjiang/shared/incident-map/index'
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { periodStart, useIncidentFiltersStore } from './incident-filters.ts'

beforeEach(() => setActivePinia(createPinia()))

describe('periodStart', () => {
  it('today starts at Shanghai midnight; 7 and 30 days count back from now', () => {
    const now = new Date('2026-05-01T17:30:00Z') // 2026-05-02 01:30 in Shanghai
    expect(periodStart('today', now)).toBe('2026-05-01T16:00:00.000Z')
    expect(periodStart('d7', now)).toBe('2026-04-24T17:30:00.000Z')
    expect(periodStart('all', now)).toBeNull()
  })
})

describe('incident filters store', () => {
  it('starts with open incidents, tracks whether anything is narrowed, and resets', () => {
    const s = useIncidentFiltersStore()
    expect(s.filters.states).toEqual([...OPEN_STATES].sort())
    expect(s.active).toBe(false)
    s.unit = 'water'
    s.period = 'today'
    expect(s.active).toBe(true)
    expect(s.filters).toMatchObject({ unit: 'water', from: expect.stringMatching(/T16:00:00.000Z$/) })
    s.reset()
    expect(s.active).toBe(false)
  })
})
