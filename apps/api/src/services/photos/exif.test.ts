import { describe, expect, it } from 'vitest'
import { dmsToDegrees, exifDate, exifHints } from './exif.ts'

describe('EXIF hints', () => {
  it('turns degrees/minutes/seconds and their reference into signed degrees', () => {
    expect(dmsToDegrees([25, 27, 36], 'N', 'S')).toBeCloseTo(25.46, 10)
    expect(dmsToDegrees([33, 51, 54], 'S', 'S')).toBeCloseTo(-33.865, 10)
    expect(dmsToDegrees([119.1], 'W', 'W')).toBeCloseTo(-119.1, 10)
    expect(dmsToDegrees(119.1, 'E', 'W')).toBeCloseTo(119.1, 10)
    expect(dmsToDegrees([], 'N', 'S')).toBeNull()
    expect(dmsToDegrees([Number.NaN, 1, 2], 'N', 'S')).toBeNull()
    expect(dmsToDegrees('25', 'N', 'S')).toBeNull()
  })

  it('reads EXIF dates with their offset, else as China Standard Time', () => {
    expect(exifDate('2026:03:01 10:20:30', '+08:00')!.toISOString()).toBe('2026-03-01T02:20:30.000Z')
    expect(exifDate('2026:03:01 10:20:30', undefined)!.toISOString()).toBe('2026-03-01T02:20:30.000Z')
    expect(exifDate('2026:03:01 10:20:30', '-05:00')!.toISOString()).toBe('2026-03-01T15:20:30.000Z')
    expect(exifDate('0000:00:00 00:00:00', undefined)).toBeNull()
    expect(exifDate('2026:02:30 10:00:00', undefined)).toBeNull()
    expect(exifDate('yesterday', undefined)).toBeNull()
  })

  it('gives no hints for missing or broken EXIF, never an error', async () => {
    expect(await exifHints(undefined)).toEqual({ gps: null, takenAt: null })
    expect(await exifHints(Buffer.from('Exif\0\0not a tiff structure at all'))).toEqual({ gps: null, takenAt: null })
  })
})
