import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshPinia, mountApp } from '../../testing/utils.ts'
import { listItem } from '../../testing/incidents.ts'
import DispatchQueue from './DispatchQueue.vue'

beforeEach(() => freshPinia())
afterEach(() => {
  document.body.innerHTML = ''
})

const now = new Date('2026-11-26T01:00:00Z')

describe('DispatchQueue', { timeout: 20_000 }, () => {
  it('shows a loading state, then an empty state', async () => {
    const { wrapper } = await mountApp(DispatchQueue, { props: { items: [], selectedCode: null, fresh: [], now, loading: true } })
    expect(wrapper.text()).toContain('正在加载队列')
    await wrapper.setProps({ loading: false })
    expect(wrapper.find('[data-testid=queue-empty]').text()).toContain('队列已清空')
  })

  it('lists rows with state, urgency, new badge and a live countdown; a click selects', async () => {
    const items = [
      listItem({ code: 'U1', track: 'urgent', deadlines: { ...listItem().deadlines, dispatchBy: '2026-11-26T09:10:00+08:00' } }),
      listItem({ code: 'N2', state: 'returned' }),
    ]
    const { wrapper } = await mountApp(DispatchQueue, { props: { items, selectedCode: 'N2', fresh: ['U1'], now, loading: false } })
    const rows = wrapper.findAll('[data-testid=queue-row]')
    expect(rows.map((r) => r.attributes('data-queue-code'))).toEqual(['U1', 'N2'])
    expect(rows[0]!.classes()).toContain('urgent')
    expect(rows[0]!.text()).toContain('紧急')
    expect(rows[0]!.find('.new-badge').exists()).toBe(true)
    expect(rows[0]!.find('[data-testid=queue-countdown]').text()).toBe('剩 10:00')
    expect(rows[1]!.attributes('aria-selected')).toBe('true')
    expect(rows[1]!.text()).toContain('已退回')
    await wrapper.setProps({ now: new Date('2026-11-26T01:20:00Z') })
    expect(wrapper.find('[data-testid=queue-countdown]').text()).toBe('超时 10:00')
    await rows[0]!.trigger('click')
    expect(wrapper.emitted('select')).toEqual([['U1']])
  })

  it('pages: shows how many of how many, loads more on request, offers a retry after a failure', async () => {
    const items = [listItem({ code: 'A1' }), listItem({ code: 'A2' })]
    const props = { items, selectedCode: null, fresh: [], now, loading: false, total: 250, hasMore: true, moreStatus: 'ready' as const }
    const { wrapper } = await mountApp(DispatchQueue, { props })
    expect(wrapper.find('[data-testid=queue-more]').text()).toContain('已显示 2 / 250 件')
    await wrapper.find('[data-testid=queue-more-button]').trigger('click')
    expect(wrapper.emitted('more')).toHaveLength(1)
    await wrapper.setProps({ moreStatus: 'loading' })
    expect(wrapper.find('[data-testid=queue-more-button]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=queue]').attributes('aria-busy')).toBe('true')
    await wrapper.setProps({ moreStatus: 'error' })
    expect(wrapper.find('[role=alert]').text()).toBe('加载失败')
    expect(wrapper.find('[data-testid=queue-more-button]').text()).toBe('重试')
    await wrapper.setProps({ hasMore: false, moreStatus: 'ready' })
    expect(wrapper.find('[data-testid=queue-more]').exists()).toBe(false)
  })

  it('reads in English', async () => {
    const { wrapper } = await mountApp(DispatchQueue, { locale: 'en', props: { items: [listItem()], selectedCode: null, fresh: [], now, loading: false } })
    expect(wrapper.text()).toContain('Reported')
  })
})
