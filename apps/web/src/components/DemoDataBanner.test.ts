import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { freshPinia, mockFetch, mountApp } from '../testing/utils.ts'
import DemoDataBanner from './DemoDataBanner.vue'

const health = (demoData?: { state: string; written: number; total: number | null }) => ({
  json: { status: 'ok', engine: 'embedded', postgres: '17', postgis: '3.5', migrations: { applied: 1, total: 1, pending: [] }, demoData },
})

beforeEach(() => freshPinia())
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('DemoDataBanner', () => {
  it('says the demo data is being generated, with progress, and goes away once /api/health says it is ready', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let reply = health({ state: 'generating', written: 1500, total: 6000 })
    const { calls } = mockFetch({ '/api/health': () => reply })
    const { wrapper } = await mountApp(DemoDataBanner, { path: '/forbidden' })
    await vi.waitFor(() => expect(wrapper.find('[data-testid=demo-data-banner]').exists()).toBe(true))
    expect(wrapper.find('[data-testid=demo-data-banner]').text()).toContain('演示数据生成中…')
    expect(wrapper.find('[data-testid=demo-data-banner]').text()).toContain('25%')
    reply = health({ state: 'ready', written: 6000, total: 6000 })
    await vi.advanceTimersByTimeAsync(3_000)
    await vi.waitFor(() => expect(wrapper.find('[data-testid=demo-data-banner]').exists()).toBe(false))
    const polls = calls.length
    // Ready: no more polling.
    await vi.advanceTimersByTimeAsync(10_000)
    expect(calls.length).toBe(polls)
    wrapper.unmount()
  }, 30_000)

  it('shows nothing outside the demo or when the history is written', async () => {
    for (const demoData of [undefined, { state: 'none', written: 0, total: null }, { state: 'ready', written: 10, total: 10 }]) {
      freshPinia()
      const { calls } = mockFetch({ '/api/health': health(demoData) })
      const { wrapper } = await mountApp(DemoDataBanner, { path: '/forbidden' })
      await vi.waitFor(() => expect(calls).toContain('/api/health'))
      await wrapper.vm.$nextTick()
      expect(wrapper.find('[data-testid=demo-data-banner]').exists()).toBe(false)
      wrapper.unmount()
    }
  }, 30_000)
})
