import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN.ts'
import en from './en.ts'

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'hj.locale'

/** Every time the platform shows is Asia/Shanghai, whatever the computer's own zone (docs/DOMAIN.md §8). */
export const TIME_ZONE = 'Asia/Shanghai'

export function isAppLocale(v: unknown): v is AppLocale {
  return typeof v === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(v)
}

/** localStorage, or null where it is unavailable (private mode, sandboxed frames, tests). */
export function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** The saved language, else Chinese: the platform is zh-CN first whatever the browser says. */
export function initialLocale(storage: Storage | null = safeStorage()): AppLocale {
  try {
    const saved = storage?.getItem(LOCALE_STORAGE_KEY)
    return isAppLocale(saved) ? saved : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

const dateTimeFormats = {
  date: { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE },
  dateTime: {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE },
  hourMinute: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE },
  monthDayTime: { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE },
  clock: {
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  },
} as const

const numberFormats = {
  integer: { style: 'decimal', maximumFractionDigits: 0, useGrouping: true },
  area: { style: 'decimal', minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true },
  percent: { style: 'percent', maximumFractionDigits: 0 },
} as const

export type DateTimeFormatName = keyof typeof dateTimeFormats

/** Formats a date in Asia/Shanghai with the named format, outside components (and in tests). */
export function formatDateTime(
  value: Date | string | number,
  locale: AppLocale,
  format: DateTimeFormatName = 'dateTime',
): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  return new Intl.DateTimeFormat(locale, dateTimeFormats[format]).format(date)
}

export function createAppI18n(locale: AppLocale = initialLocale()) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { 'zh-CN': zhCN, en },
    datetimeFormats: { 'zh-CN': dateTimeFormats, en: dateTimeFormats },
    numberFormats: { 'zh-CN': numberFormats, en: numberFormats },
    missingWarn: import.meta.env.DEV,
    fallbackWarn: import.meta.env.DEV,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>

/** The app's single i18n instance, shared by components (via the plugin) and plain modules. */
export const i18n = createAppI18n()

/** MapLibre's own control tooltips, by locale (see maplibre-gl `src/ui/default_locale.ts`). */
export const MAPLIBRE_UI_STRINGS: Record<AppLocale, Record<string, string>> = {
  'zh-CN': {
    'AttributionControl.ToggleAttribution': '显示/隐藏署名',
    'AttributionControl.MapFeedback': '地图反馈',
    'FullscreenControl.Enter': '全屏',
    'FullscreenControl.Exit': '退出全屏',
    'LogoControl.Title': 'MapLibre 标志',
    'Map.Title': '地图',
    'NavigationControl.ResetBearing': '拖动旋转地图，点击恢复正北',
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '缩小',
    'Popup.Close': '关闭',
    'ScaleControl.Meters': '米',
    'ScaleControl.Kilometers': '公里',
  },
  en: {
    'AttributionControl.ToggleAttribution': 'Toggle attribution',
    'AttributionControl.MapFeedback': 'Map feedback',
    'FullscreenControl.Enter': 'Enter fullscreen',
    'FullscreenControl.Exit': 'Exit fullscreen',
    'LogoControl.Title': 'MapLibre logo',
    'Map.Title': 'Map',
    'NavigationControl.ResetBearing': 'Drag to rotate map, click to reset north',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'Popup.Close': 'Close popup',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
  },
}
