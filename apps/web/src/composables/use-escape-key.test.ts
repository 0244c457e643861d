import { afterEach, describe, expect, it, vi } from 'vitest'
import { withSetup } from '../testing/with-setup.ts'
import { ref } from 'vue'
import { useEscapeKey } from './use-escape-key.ts'

afterEach(() => {
  vi.useRealTimers()
  localStorage.clear()
})

describe('useEscapeKey', () => {
  it('calls the handler on Esc while enabled, and stops listening on unmount', async () => {
    const handler = vi.fn()
    const enabled = ref(true)
    const { wrapper } = withSetup(() => useEscapeKey(handler, enabled))
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }))
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    expect(handler).toHaveBeenCalledTimes(1)
    enabled.value = false
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    expect(handler).toHaveBeenCalledTimes(1)
    enabled.value = true
    // Esc that ends an IME composition belongs to the input method.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', isComposing: true }))
    expect(handler).toHaveBeenCalledTimes(1)
    wrapper.unmount()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    expect(handler).toHaveBeenCalledTimes(1)
  })
})
