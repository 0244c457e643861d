import { afterEach, describe, expect, it, vi } from 'vitest'
import { withSetup } from '../testing/with-setup.ts'
import { createAppI18n } from '../i18n/index.ts'
import { formatArea, useFormat } from './use-format.ts'

afterEach(() => {
  vi.useRealTimers()
  localStorage.clear()
})

describe('useFormat', () => {
  it('writes areas in km² from 1 km² up and m² below, per language', () => {
    const zh = withSetup(() => useFormat(), [createAppI18n('zh-CN')]).result
    expect(zh.area(761_900_000)).toBe('761.90 平方公里')
    expect(zh.area(47_423.4)).toBe('47,423 平方米')
    const en = withSetup(() => useFormat(), [createAppI18n('en')]).result
    expect(en.area(1_792_357)).toBe('1.79 km²')
    expect(en.dateTime('2026-01-01T00:00:00Z')).toBe('01/01/2026, 08:00')
    expect(formatArea(Number.NaN, () => 'x', () => 'y')).toBe('—')
  })
})
