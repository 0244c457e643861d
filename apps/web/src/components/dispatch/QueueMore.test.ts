import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { freshPinia, mountApp } from '../../testing/utils.ts'
import QueueMore from './QueueMore.vue'

/** An IntersectionObserver whose callback the test fires. */
class FakeObserver {
  static last: FakeObserver | null = null
  constructor(readonly cb: IntersectionObserverCallback) {
    FakeObserver.last = this
  }
  observe(): void {}
  disconnect(): void {}
  fire(isIntersecting: boolean): void {
    this.cb([{ isIntersecting } as IntersectionObserverEntry], this as unknown as IntersectionObserver)
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('QueueMore', { timeout: 20_000 }, () => {
  it('shows how many of how many, asks for more when it scrolls near, not while loading or after a failure', async () => {
    freshPinia()
    vi.stubGlobal('IntersectionObserver', FakeObserver)
    const props = { count: 100, total: 260, hasMore: true, status: 'ready' as const, scroller: null, testid: 'queue-more' }
    const { wrapper } = await mountApp(QueueMore, { props })
    await nextTick()
    expect(wrapper.text()).toContain('已显示 100 / 260 件')
    FakeObserver.last!.fire(true)
    expect(wrapper.emitted('more')).toHaveLength(1)
    FakeObserver.last!.fire(false)
    expect(wrapper.emitted('more')).toHaveLength(1)
    await wrapper.setProps({ status: 'error' })
    expect(wrapper.find('[role=alert]').exists()).toBe(true)
    FakeObserver.last!.fire(true)
    expect(wrapper.emitted('more')).toHaveLength(1)
    await wrapper.find('[data-testid=queue-more-button]').trigger('click')
    expect(wrapper.emitted('more')).toHaveLength(2)
    await wrapper.setProps({ status: 'ready', hasMore: false })
    expect(wrapper.find('[data-testid=queue-more]').exists()).toBe(false)
  })
})
