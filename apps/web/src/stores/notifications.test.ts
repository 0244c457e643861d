import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppNotification, WorkEndpoints } from '../api/work.ts'
import { useNotificationsStore } from './notifications.ts'

class FakeSource {
  readyState = 1
  listeners = new Map<string, ((e: MessageEvent) => void)[]>()
  addEventListener(type: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn])
  }
  emit(type: string, data: unknown) {
    for (const fn of this.listeners.get(type) ?? []) fn({ data: JSON.stringify(data) } as MessageEvent)
  }
  close() {
    this.readyState = 2
  }
}

const n = (id: number): AppNotification => ({ id, kind: 'assignment', incidentCode: `HJ-${id}`, at: '2026-11-26T10:00:00+08:00', read: false, data: null })

function fakeEndpoints(over: Partial<WorkEndpoints> = {}): WorkEndpoints {
  return {
    unreadCount: vi.fn(async () => ({ unread: 2 })),
    notifications: vi.fn(async () => ({ unread: 2, items: [n(2), n(1)] })),
    markRead: vi.fn(async (ids: number[] | 'all') => ({ marked: ids === 'all' ? 2 : ids.length, unread: ids === 'all' ? 0 : 1 })),
    ...over,
  } as unknown as WorkEndpoints
}

describe('notifications store', () => {
  beforeEach(() => setActivePinia(createPinia()))
  vi.stubGlobal('EventSource', FakeSource)

  it('shows the unread count, then goes live: new notifications arrive with the count', async () => {
    const s = useNotificationsStore()
    const src = new FakeSource()
    await s.start(fakeEndpoints(), () => src as unknown as EventSource)
    expect(s.available).toBe(true)
    expect(s.unread).toBe(2)
    src.emit('unread', { unread: 3 })
    expect(s.live).toBe('open')
    expect(s.unread).toBe(3)
    const heard: number[] = []
    s.onNotification((x) => heard.push(x.id))
    src.emit('notification', { notification: n(9), unread: 4 })
    src.emit('notification', { notification: n(9), unread: 4 })
    expect(s.items.map((x) => x.id)).toEqual([9])
    expect(s.unread).toBe(4)
    expect(heard).toEqual([9, 9])
    s.stop()
    expect(src.readyState).toBe(2)
  })

  it('stays hidden when not signed in', async () => {
    const s = useNotificationsStore()
    const make = vi.fn()
    await s.start(fakeEndpoints({ unreadCount: vi.fn(async () => Promise.reject(new Error('401'))) }), make)
    expect(s.available).toBe(false)
    expect(make).not.toHaveBeenCalled()
  })

  it('loads and marks read', async () => {
    const s = useNotificationsStore()
    await s.start(fakeEndpoints(), () => new FakeSource() as unknown as EventSource)
    await s.load()
    expect(s.items.map((x) => x.id)).toEqual([2, 1])
    await s.markRead([2])
    expect(s.items.map((x) => x.read)).toEqual([true, false])
    expect(s.unread).toBe(1)
    await s.markRead('all')
    expect(s.unread).toBe(0)
    expect(s.items.every((x) => x.read)).toBe(true)
  })
})
