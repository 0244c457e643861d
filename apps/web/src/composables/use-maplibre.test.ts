import { afterEach, describe, expect, it, vi } from 'vitest'
import { attributionLines, testHookEnabled } from './use-maplibre.ts'

afterEach(() => {
  vi.useRealTimers()
  localStorage.clear()
})

describe('use-maplibre helpers', () => {
  it('keeps our attribution first and adds only new lines from the API', () => {
    const own = '边界: Vonng/adcode, CC BY 4.0 · 区划代码: AdministrativeDivisionCn, MIT · 街镇/社区/网格为演示用合成数据'
    const api = [
      '边界 Boundary: Vonng/adcode, CC BY 4.0',
      '区划代码 Division codes: liyanjie2048/AdministrativeDivisionCn, MIT',
      '街镇/社区/网格边界为演示用合成数据 Street, community and grid areas are synthetic demo data',
    ]
    expect(attributionLines(own, [...api, '© 测绘院底图', ' ', '© 测绘院底图'])).toEqual([own, '© 测绘院底图'])
  })

  it('exposes the map to tests outside production or with ?test', () => {
    expect(testHookEnabled('development', '')).toBe(true)
    expect(testHookEnabled('production', '')).toBe(false)
    expect(testHookEnabled('production', '?test')).toBe(true)
    expect(testHookEnabled('production', '?foo=1&test=1')).toBe(true)
  })
})
