import { describe, expect, it } from 'vitest'
import { viewportScale } from './use-viewport-scale.ts'

describe('viewportScale', () => {
  it('is 1 at 1920×1080, 2 at 3840×2160, the smaller ratio otherwise, bounded', () => {
    expect(viewportScale(1920, 1080)).toBe(1)
    expect(viewportScale(3840, 2160)).toBe(2)
    expect(viewportScale(3840, 1080)).toBe(1)
    expect(viewportScale(1280, 720)).toBeCloseTo(0.667, 3)
    expect(viewportScale(200, 100)).toBe(0.5)
    expect(viewportScale(20000, 20000)).toBe(4)
  })
})
