import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { wallStatsFixture } from '../testing/wall-fixtures.ts'
import { useWallStats } from './use-wall-stats.ts'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function setup(fetchStats = vi.fn(async () => wallStatsFixture())) {
  const scope = effectScope()
  const api = scope.run(() => useWallStats({ fetchStats, liveRefreshMs: 1000, pollMs: 60_000, retryMs: 5000 }))!
  return { api, scope, fetchStats }
}

const event = { id: 99, code: 'HJ20260501-00009', action: 'create', fromState: null, toState: 'reported', state: 'reported', at: '2026-05-01T10:01:00+08:00', track: 'normal' }

describe('useWallStats', () => {
  it('loads at once and polls', async () => {
    const { api, fetchStats, scope } = setup()
    await vi.waitFor(() => expect(api.status.value).toBe('ready'))
    expect(api.stats.value!.totals.today).toBe(7)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fetchStats).toHaveBeenCalledTimes(2)
    scope.stop()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(fetchStats).toHaveBeenCalledTimes(2)
  })

  it('puts a live event on top of the feed at once, once, and re-asks the figures at most once per interval', async () => {
    const { api, fetchStats, scope } = setup()
    await vi.waitFor(() => expect(api.status.value).toBe('ready'))
    api.applyEvent(event)
    api.applyEvent(event)
    api.applyEvent({ ...event, id: 100 })
    expect(api.stats.value!.events.map((e) => e.id)).toEqual([100, 99, 3])
    expect(fetchStats).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1100)
    expect(fetchStats).toHaveBeenCalledTimes(2)
    scope.stop()
  })

  it('keeps the last figures on a failure and retries', async () => {
    let fail = false
    const fetchStats = vi.fn(async () => {
      if (fail) throw new Error('down')
      return wallStatsFixture()
    })
    const { api, scope } = setup(fetchStats)
    await vi.waitFor(() => expect(api.status.value).toBe('ready'))
    fail = true
    await api.refresh()
    expect(api.status.value).toBe('error')
    expect(api.stats.value).not.toBeNull()
    fail = false
    await vi.advanceTimersByTimeAsync(5100)
    expect(api.status.value).toBe('ready')
    scope.stop()
  })
})
