import { useI18n } from 'vue-i18n'
import { formatDateTime, isAppLocale, type DateTimeFormatName } from '../i18n/index.ts'

type T = (key: string, params?: Record<string, unknown>) => string
type N = (value: number, format: string) => string

/** Square metres as the district writes them: 平方公里 from 1 km² up, 平方米 below (a grid is ~10,000 m²). */
export function formatArea(m2: number, t: T, n: N): string {
  if (!Number.isFinite(m2)) return '—'
  if (m2 >= 1_000_000) return t('units.km2', { value: n(m2 / 1_000_000, 'area') })
  return t('units.m2', { value: n(Math.round(m2), 'integer') })
}

/** Number, area and date formatting in the current language; dates always in Asia/Shanghai. */
export function useFormat() {
  const { t, n, locale } = useI18n()
  return {
    area: (m2: number) => formatArea(m2, (k, p) => t(k, p ?? {}), (v, f) => n(v, f)),
    integer: (v: number) => n(v, 'integer'),
    dateTime: (value: string | Date | number, format: DateTimeFormatName = 'dateTime') =>
      formatDateTime(value, isAppLocale(locale.value) ? locale.value : 'zh-CN', format),
  }
}
