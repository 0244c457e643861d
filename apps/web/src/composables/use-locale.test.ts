import { afterEach, describe, expect, it, vi } from 'vitest'
import { withSetup } from '../testing/with-setup.ts'
import { nextTick } from 'vue'
import { createAppI18n, LOCALE_STORAGE_KEY } from '../i18n/index.ts'
import { useLocale } from './use-locale.ts'

afterEach(() => {
  vi.useRealTimers()
  localStorage.clear()
})

describe('useLocale', () => {
  it('switches the language, saves it and sets <html lang>', async () => {
    const i18n = createAppI18n('zh-CN')
    const { result } = withSetup(() => useLocale(), [i18n])
    expect(result.locale.value).toBe('zh-CN')
    expect(result.locales).toEqual(['zh-CN', 'en'])
    result.setLocale('en')
    await nextTick()
    expect(i18n.global.locale.value).toBe('en')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    result.setLocale('xx')
    expect(i18n.global.locale.value).toBe('en')
  })
})
