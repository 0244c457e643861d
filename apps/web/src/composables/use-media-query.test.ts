import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useMediaQuery } from './use-media-query.ts'

afterEach(() => vi.unstubAllGlobals())

describe('useMediaQuery', () => {
  it('is false without matchMedia', () => {
    vi.stubGlobal('matchMedia', undefined)
    const scope = effectScope()
    expect(scope.run(() => useMediaQuery('(max-width: 640px)'))!.value).toBe(false)
    scope.stop()
  })

  it('follows the query and stops listening when disposed', () => {
    let listener: ((e: { matches: boolean }) => void) | null = null
    const mql = {
      matches: true,
      addEventListener: vi.fn((_: string, fn: (e: { matches: boolean }) => void) => (listener = fn)),
      removeEventListener: vi.fn(),
    }
    vi.stubGlobal('matchMedia', vi.fn(() => mql))
    const scope = effectScope()
    const m = scope.run(() => useMediaQuery('(max-width: 640px)'))!
    expect(m.value).toBe(true)
    listener!({ matches: false })
    expect(m.value).toBe(false)
    scope.stop()
    expect(mql.removeEventListener).toHaveBeenCalled()
  })
})
