import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../i18n/index.ts'
import { formatRemaining, remaining } from './use-countdown.ts'

const now = new Date('2026-11-26T01:00:00Z')
const tr = (locale: 'zh-CN' | 'en') => {
  const t = createAppI18n(locale).global.t as (k: string, p?: Record<string, unknown>) => string
  return (k: string, p?: Record<string, unknown>) => t(k, p ?? {})
}

describe('countdowns', () => {
  it('splits the time left and flags the last hour', () => {
    expect(remaining('2026-11-26T09:15:30+08:00', now)).toEqual({ overdue: false, days: 0, hours: 0, minutes: 15, seconds: 30, soon: true })
    expect(remaining('2026-11-28T12:00:00+08:00', now)).toMatchObject({ days: 2, hours: 3, soon: false })
    expect(remaining(new Date('2026-11-26T00:48:00Z'), now)).toMatchObject({ overdue: true, minutes: 12, soon: true })
  })

  it('reads in both languages', () => {
    expect(formatRemaining(remaining('2026-11-26T09:15:30+08:00', now), tr('zh-CN'))).toBe('剩 15:30')
    expect(formatRemaining(remaining('2026-11-26T11:05:09+08:00', now), tr('en'))).toBe('2:05:09 left')
    expect(formatRemaining(remaining('2026-11-28T12:00:00+08:00', now), tr('zh-CN'))).toBe('剩 2 天 3 小时')
    expect(formatRemaining(remaining(new Date('2026-11-26T00:48:00Z'), now), tr('en'))).toBe('overdue 12:00')
  })
})
