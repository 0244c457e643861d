import { describe, expect, it } from 'vitest'
import { isTrackingCode, normaliseTrackingCode, publicPhotoUrl } from './public.ts'

describe('tracking codes as typed', () => {
  it('normalises case, spaces, dashes and look-alikes', () => {
    expect(normaliseTrackingCode(' 7k2m-9qxo 4ti1 ')).toBe('7K2M9QX04T11')
    expect(normaliseTrackingCode('abcd efgh jkmn')).toBe('ABCDEFGHJKMN')
  })
  it('recognises the alphabet', () => {
    expect(isTrackingCode('ABCDEFGHJKMN')).toBe(true)
    expect(isTrackingCode('ABCDEFGHIJKL')).toBe(false)
    expect(isTrackingCode('SHORT')).toBe(false)
  })
  it('builds photo URLs', () => {
    expect(publicPhotoUrl('ABC', 'x-1')).toBe('/api/public/track/ABC/photos/x-1')
  })
})
