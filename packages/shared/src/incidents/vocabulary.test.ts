import { describe, expect, it } from 'vitest'
import { classify, incidentTypeOf, INCIDENT_CHANNELS, REQUEST_TYPES, TRACKS } from './vocabulary.ts'

describe('incident vocabulary', () => {
  it('R16: the 12345 hotline and its branches are channels; 110/119/120 are not', () => {
    expect(INCIDENT_CHANNELS).toContain('hotline_12345')
    expect(INCIDENT_CHANNELS).toContain('hotline_12315')
    expect(INCIDENT_CHANNELS).toContain('hotline_12369')
    expect(INCIDENT_CHANNELS.some((c) => /110|119|120/.test(c))).toBe(false)
  })

  it('the track decides urgent and simple; a normal consultation is R2, every other normal request R1', () => {
    expect(incidentTypeOf('complaint', 'urgent')).toBe('urgent')
    expect(incidentTypeOf('consultation', 'simple')).toBe('simple')
    expect(incidentTypeOf('consultation', 'normal')).toBe('consultation')
    for (const r of REQUEST_TYPES.filter((r) => r !== 'consultation')) expect(incidentTypeOf(r, 'normal')).toBe('complaint')
  })

  it('classify is the inverse: registering with a type sets track and request type', () => {
    expect(classify('urgent', { requestType: 'help' })).toEqual({ track: 'urgent', requestType: 'help' })
    expect(classify('simple', { requestType: 'help' })).toEqual({ track: 'simple', requestType: 'help' })
    expect(classify('consultation', { requestType: 'help' })).toEqual({ track: 'normal', requestType: 'consultation' })
    // A consultation re-typed as a complaint stops being a consultation; other requests keep their kind.
    expect(classify('complaint', { requestType: 'consultation' })).toEqual({ track: 'normal', requestType: 'complaint' })
    expect(classify('complaint', { requestType: 'suggestion' })).toEqual({ track: 'normal', requestType: 'suggestion' })
    for (const type of ['urgent', 'simple', 'consultation', 'complaint'] as const) {
      const c = classify(type, { requestType: 'report' })
      expect(TRACKS).toContain(c.track)
      expect(incidentTypeOf(c.requestType, c.track)).toBe(type)
    }
  })
})
