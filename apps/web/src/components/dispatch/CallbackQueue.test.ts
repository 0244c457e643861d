import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OwedCallbackItem } from '../../api/incidents.ts'
import { listItem } from '../../testing/incidents.ts'
import { freshPinia, mountApp } from '../../testing/utils.ts'
import CallbackQueue from './CallbackQueue.vue'

beforeEach(() => freshPinia())
afterEach(() => {
  document.body.innerHTML = ''
})

const now = new Date('2026-11-26T06:00:00Z') // 14:00 Shanghai
const owed = (code: string, kind: OwedCallbackItem['callback']['kind'], dueAt: string, over: Partial<OwedCallbackItem> = {}): OwedCallbackItem => ({
  ...listItem({ code, state: kind === 'satisfaction' ? 'closed' : 'dispatched', track: kind === 'r10' ? 'urgent' : 'normal' }),
  callback: { kind, dueAt },
  ...over,
})

describe('CallbackQueue (待回访)', { timeout: 20_000 }, () => {
  it('shows a loading state, then an empty state', async () => {
    const { wrapper } = await mountApp(CallbackQueue, { props: { items: [], selectedCode: null, now, loading: true } })
    expect(wrapper.text()).toContain('正在加载待回访')
    await wrapper.setProps({ loading: false })
    expect(wrapper.find('[data-testid=callback-queue-empty]').text()).toContain('没有待回访的诉求件')
  })

  it('lists what each callback asks, the masked phone and how long it has waited; a click opens the incident', async () => {
    const items = [
      owed('R1', 'r10', '2026-11-26T13:30:00+08:00'),
      owed('S1', 'satisfaction', '2026-11-24T11:00:00+08:00', { reporter: { name: '张*', phone: '138****1234' } }),
      owed('S2', 'satisfaction', '2026-11-26T13:58:00+08:00', { reporter: { name: null, phone: null } }),
    ]
    const { wrapper } = await mountApp(CallbackQueue, { props: { items, selectedCode: 'S1', now, loading: false } })
    const rows = wrapper.findAll('[data-testid=callback-row]')
    expect(rows.map((r) => r.attributes('data-callback-code'))).toEqual(['R1', 'S1', 'S2'])
    expect(rows[0]!.classes()).toContain('r10')
    expect(rows[0]!.find('.kind-badge').text()).toBe('R10 回访')
    expect(rows[0]!.text()).toContain('已派遣')
    expect(rows[0]!.find('[data-testid=callback-waited]').text()).toBe('已等 30:00')
    expect(rows[1]!.find('.kind-badge').text()).toBe('满意度回访')
    expect(rows[1]!.text()).toContain('已结案')
    expect(rows[1]!.text()).toContain('138****1234')
    expect(rows[1]!.find('[data-testid=callback-waited]').text()).toBe('已等 2 天 3 小时')
    expect(rows[1]!.find('[data-testid=callback-waited]').attributes('title')).toBe('2026/11/24 11:00 起待回访')
    expect(rows[1]!.attributes('aria-selected')).toBe('true')
    expect(rows[2]!.text()).toContain('无联系电话')
    await wrapper.setProps({ now: new Date('2026-11-26T07:00:00Z') })
    expect(rows[0]!.find('[data-testid=callback-waited]').text()).toBe('已等 1:30:00')
    await rows[0]!.trigger('click')
    expect(wrapper.emitted('select')).toEqual([['R1']])
  })

  it('pages: how many of how many, "load more" on request', async () => {
    const props = { items: [owed('S1', 'satisfaction', '2026-11-24T11:00:00+08:00')], selectedCode: null, now, loading: false, total: 609, hasMore: true, moreStatus: 'ready' as const }
    const { wrapper } = await mountApp(CallbackQueue, { props })
    expect(wrapper.find('[data-testid=callback-queue-more]').text()).toContain('已显示 1 / 609 件')
    await wrapper.find('[data-testid=callback-queue-more] button').trigger('click')
    expect(wrapper.emitted('more')).toHaveLength(1)
  })

  it('reads in English', async () => {
    const items = [owed('R1', 'r10', '2026-11-26T13:30:00+08:00')]
    const { wrapper } = await mountApp(CallbackQueue, { locale: 'en', props: { items, selectedCode: null, now, loading: false } })
    expect(wrapper.find('.kind-badge').text()).toBe('R10 check')
    expect(wrapper.find('[data-testid=callback-waited]').text()).toBe('waiting 30:00')
  })
})
