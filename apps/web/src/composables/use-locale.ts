import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { LOCALE_STORAGE_KEY, SUPPORTED_LOCALES, isAppLocale, safeStorage, type AppLocale } from '../i18n/index.ts'

/** Applies a language to the document's `lang` (fonts, screen readers) and remembers it for the next visit. */
export function applyLocale(locale: AppLocale, storage: Storage | null = safeStorage()): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    /* not remembered, still applied */
  }
}

/** The interface language: read it, switch it (saved to localStorage), list the choices. */
export function useLocale() {
  const { locale } = useI18n()
  const current = computed<AppLocale>(() => (isAppLocale(locale.value) ? locale.value : 'zh-CN'))

  function setLocale(next: string): void {
    if (!isAppLocale(next)) return
    locale.value = next
    applyLocale(next)
  }

  return { locale: current, locales: SUPPORTED_LOCALES, setLocale }
}
