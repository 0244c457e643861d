import { describe, expect, it } from 'vitest'
import en from './en.ts'
import zhCN from './zh-CN.ts'
import { LOCALE_STORAGE_KEY, createAppI18n, formatDateTime, initialLocale } from './index.ts'

function leaves(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix]
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

function memoryStorage(init: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(init))
  return {
    get length() {
      return m.size
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  }
}

describe('messages', () => {
  const zhKeys = leaves(zhCN).sort()
  const enKeys = leaves(en).sort()

  it('have the same keys in Chinese and English', () => {
    expect(enKeys).toEqual(zhKeys)
  })

  it('are all non-empty and compile in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const i18n = createAppI18n(locale)
      const t = i18n.global.t as (k: string, p?: Record<string, unknown>) => string
      for (const key of zhKeys) {
        const text = t(key, { count: 3, zoom: 11, code: '350303001000', status: 500, message: 'x', value: '1', version: 2, applied: 1, total: 2, list: 'a', page: 'p', engine: 'e', query: 'q', field: 'f', name: 'n', lng: 1, lat: 2, crs: 'c', level: 'l', distance: 3 })
        expect(text, `${locale}:${key}`).not.toBe(key)
        expect(text.trim().length, `${locale}:${key}`).toBeGreaterThan(0)
      }
    }
  })

  it('keep the data attribution line required by the licences', () => {
    expect(zhCN.map.attribution).toBe(
      '边界: Vonng/adcode, CC BY 4.0 · 区划代码: AdministrativeDivisionCn, MIT · 街镇/社区/网格为演示用合成数据',
    )
    expect(en.map.attribution).toContain('Vonng/adcode, CC BY 4.0')
    expect(en.map.attribution).toContain('AdministrativeDivisionCn, MIT')
  })

  it('use the platform name in the header', () => {
    expect(zhCN.app.name).toBe('涵江区“马上就办”数字城管平台')
  })
})

describe('initialLocale', () => {
  it('is Chinese by default and whatever was saved otherwise', () => {
    expect(initialLocale(memoryStorage())).toBe('zh-CN')
    expect(initialLocale(null)).toBe('zh-CN')
    expect(initialLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'en' }))).toBe('en')
    expect(initialLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'fr' }))).toBe('zh-CN')
  })
})

describe('formatDateTime', () => {
  it('shows times in Asia/Shanghai whatever the machine zone', () => {
    // Midnight UTC is 08:00 in Shanghai; 16:30 UTC is 00:30 the next day.
    expect(formatDateTime('2026-01-01T00:00:00Z', 'zh-CN')).toBe('2026/01/01 08:00')
    expect(formatDateTime('2026-02-14T16:30:00Z', 'en', 'dateTime')).toBe('02/15/2026, 00:30')
    expect(formatDateTime('2026-02-14T16:30:00Z', 'zh-CN', 'date')).toBe('2026/02/15')
    expect(formatDateTime('2026-02-14T16:30:05Z', 'zh-CN', 'time')).toBe('00:30:05')
  })

  it('returns unparseable input as it is', () => {
    expect(formatDateTime('not a date', 'zh-CN')).toBe('not a date')
  })

  it('is what vue-i18n d() gives with the same format', () => {
    const i18n = createAppI18n('zh-CN')
    expect(i18n.global.d(new Date('2026-01-01T00:00:00Z'), 'dateTime')).toBe('2026/01/01 08:00')
  })
})
