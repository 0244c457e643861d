import { afterEach, describe, expect, it, vi } from 'vitest'
import { attributionLines, testHookEnabled } from './use-maplibre.ts'

afterEach(() => {
  vi.useRealTimers()
  localStorage.clear()
})

describe('use-maplibre helpers', () => {
  it('keeps our attribution first and adds only new lines from the API', () => {
    const own = '边界: Vonng/adcode, CC BY 4.0 · 区划代码: AdministrativeDivisionCn, MIT · 街镇/社区/网格为演示用合成数据'
    expect(attributionLines(own, ['边界: Vonng/adcode, CC BY 4.0', '© 测绘院底图', ' '])).toEqual([own, '© 测绘院底图'])
  })

  it('exposes the map to tests outside production or with ?test', () => {
    expect(testHookEnabled('development', '')).toBe(true)
    expect(testHookEnabled('production', '')).toBe(false)
    expect(testHookEnabled('production', '?test')).toBe(true)
    expect(testHookEnabled('production', '?foo=1&test=1')).toBe(true)
  })
})
