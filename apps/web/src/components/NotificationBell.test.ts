import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { freshPinia, mockFetch, mountApp } from '../testing/utils.ts'
import NotificationBell from './NotificationBell.vue'

class NoSource {
  readyState = 1
  addEventListener() {}
  close() {}
}

beforeEach(() => {
  freshPinia()
  vi.stubGlobal('EventSource', NoSource)
})
afterEach(() => vi.unstubAllGlobals())

const item = { id: 7, kind: 'urge', incidentCode: 'HJ20261126-00042', at: '2026-11-26T02:00:00Z', read: false, data: { level: 1 } }

describe('NotificationBell', () => {
  it('shows the unread count, lists on open and marks all read', async () => {
    const read = vi.fn(() => ({ json: { marked: 1, unread: 0 } }))
    mockFetch({
      'GET /api/notifications/unread-count': { json: { unread: 1 } },
      '/api/notifications/unread-count': { json: { unread: 1 } },
      '/api/notifications': { json: { unread: 1, items: [item] } },
      '/api/notifications/read': read,
    })
    const { wrapper } = await mountApp(NotificationBell)
    await flushPromises()
    const bell = wrapper.find('[data-testid=notification-bell]')
    expect(bell.attributes('data-count')).toBe('1')
    expect(wrapper.find('[data-testid=notification-count]').text()).toBe('1')
    expect(bell.attributes('aria-label')).toContain('1 条未读')
    await bell.trigger('click')
    await flushPromises()
    const list = wrapper.find('[data-testid=notification-list]')
    expect(list.text()).toContain('催办 · 1 级')
    expect(list.text()).toContain('HJ20261126-00042')
    expect(list.text()).toContain('2026/11/26 10:00')
    await wrapper.find('[data-testid=notification-read-all]').trigger('click')
    await flushPromises()
    expect(read).toHaveBeenCalled()
    expect(wrapper.find('[data-testid=notification-count]').exists()).toBe(false)
  }, 30_000)

  it('is hidden when not signed in', async () => {
    mockFetch({ '/api/notifications/unread-count': { status: 401, json: { title: 'Not signed in', status: 401, detail: 'x' } } })
    const { wrapper } = await mountApp(NotificationBell)
    await flushPromises()
    expect(wrapper.find('[data-testid=notification-bell]').exists()).toBe(false)
  }, 30_000)
})
