import { afterEach, describe, expect, it } from 'vitest'
import { formatShanghai, fromShanghai, InvalidInstantError, shanghaiDate, toInstant, toShanghai } from './shanghai.ts'

describe('Asia/Shanghai time, independent of the machine TZ', () => {
  const savedTz = process.env.TZ
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ
    else process.env.TZ = savedTz
  })

  it('converts an instant to Shanghai wall-clock date and time', () => {
    const t = toShanghai('2026-09-30T16:30:00Z') // 2026-10-01 00:30 in Shanghai
    expect(t.date).toBe('2026-10-01')
    expect(t.time).toBe('00:30:00')
    expect(t.minuteOfDay).toBe(30)
    expect(shanghaiDate(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30')
  })

  it('converts Shanghai wall-clock time back to an instant', () => {
    expect(fromShanghai('2026-10-10', '17:30').toISOString()).toBe('2026-10-10T09:30:00.000Z')
    expect(fromShanghai('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z')
    expect(fromShanghai('2026-01-01', '08:30:15').toISOString()).toBe('2026-01-01T00:30:15.000Z')
    expect(() => fromShanghai('2026-01-01', '24:00')).toThrow(RangeError)
  })

  it('formats ISO-8601 with +08:00', () => {
    expect(formatShanghai('2026-10-10T09:30:00Z')).toBe('2026-10-10T17:30:00+08:00')
    expect(formatShanghai(new Date('2026-10-10T09:30:00.250Z'))).toBe('2026-10-10T17:30:00.250+08:00')
    expect(formatShanghai('2026-10-10T17:30:00+08:00')).toBe('2026-10-10T17:30:00+08:00')
  })

  it('refuses invalid dates and zone-less strings (they would be read in the machine TZ)', () => {
    expect(() => toInstant('2026-09-30T16:00')).toThrow(InvalidInstantError)
    expect(() => toInstant('2026-09-30')).toThrow(InvalidInstantError)
    expect(() => toInstant(new Date('garbage'))).toThrow(InvalidInstantError)
    expect(toInstant('2026-09-30T16:00+08:00').toISOString()).toBe('2026-09-30T08:00:00.000Z')
  })

  it('gives the same answers whatever process.env.TZ is', () => {
    const results = ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Kolkata'].map((tz) => {
      process.env.TZ = tz
      return [formatShanghai('2026-03-08T07:30:00Z'), fromShanghai('2026-03-08', '02:30').toISOString()]
    })
    for (const r of results) expect(r).toEqual(['2026-03-08T15:30:00+08:00', '2026-03-07T18:30:00.000Z'])
  })
})
