import { afterEach, describe, expect, it, vi } from 'vitest'
import { withSetup } from '../testing/with-setup.ts'
import { useClock } from './use-clock.ts'

afterEach(() => {
  vi.useRealTimers()
  localStorage.clear()
})

describe('useClock', () => {
  it('ticks while mounted', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'))
    const { result, wrapper } = withSetup(() => useClock(1000))
    await vi.advanceTimersByTimeAsync(3000)
    expect(result.value.toISOString()).toBe('2026-01-01T00:00:03.000Z')
    wrapper.unmount()
    await vi.advanceTimersByTimeAsync(3000)
    expect(result.value.toISOString()).toBe('2026-01-01T00:00:03.000Z')
  })
})
