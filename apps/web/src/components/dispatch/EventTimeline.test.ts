import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IncidentEvent } from '../../api/incidents.ts'
import { freshPinia, mountApp } from '../../testing/utils.ts'
import DeadlineList from './DeadlineList.vue'
import EventTimeline from './EventTimeline.vue'

beforeEach(() => freshPinia())
afterEach(() => {
  document.body.innerHTML = ''
})

const ev = (over: Partial<IncidentEvent>): IncidentEvent => ({
  id: 1,
  at: '2026-11-26T09:00:00.000+08:00',
  actor: 'dispatcher',
  actorRole: 'dispatcher',
  action: 'create',
  from: null,
  to: 'reported',
  note: null,
  photos: null,
  data: null,
  ...over,
})

describe('EventTimeline', { timeout: 20_000 }, () => {
  it('lists every event with its time (Shanghai), transition, unit name and reason', async () => {
    const events = [
      ev({}),
      ev({ id: 2, action: 'dispatch', from: 'registered', to: 'dispatched', at: '2026-11-26T01:30:00Z', data: { unitCode: 'office_350303001' } }),
      ev({ id: 3, action: 'reject', from: 'reported', to: 'rejected', data: { reason: '重复' }, note: '已电话告知' }),
      ev({ id: 4, action: 'somethingNew', to: null }),
    ]
    const { wrapper } = await mountApp(EventTimeline, { props: { events, unitName: (c: string) => (c === 'office_350303001' ? '涵东街道办事处' : null) } })
    const items = wrapper.findAll('li')
    expect(items.map((i) => i.attributes('data-action'))).toEqual(['create', 'dispatch', 'reject', 'somethingNew'])
    expect(items[1]!.text()).toContain('2026/11/26 09:30')
    expect(items[1]!.text()).toContain('已立案 → 已派遣')
    expect(items[1]!.text()).toContain('单位：涵东街道办事处')
    expect(items[2]!.text()).toContain('理由：重复')
    expect(items[2]!.text()).toContain('已电话告知')
    expect(items[3]!.text()).toContain('somethingNew')
  })

  it('says so when there is nothing yet', async () => {
    const { wrapper } = await mountApp(EventTimeline, { locale: 'en', props: { events: [] } })
    expect(wrapper.text()).toBe('No events yet')
  })
})

describe('DeadlineList', { timeout: 20_000 }, () => {
  const deadlines = { dispatchBy: '2026-11-26T09:15:00+08:00', arriveBy: null, handleBy: null, resolveBy: '2026-11-30T17:30:00+08:00', ownershipBy: null, callbackAt: null, overdueAt: null }

  it('counts down each running deadline and marks the overdue ones', async () => {
    const { wrapper } = await mountApp(DeadlineList, { props: { deadlines, now: new Date('2026-11-26T01:20:00Z') } })
    const rows = wrapper.findAll('.deadline')
    expect(rows.map((r) => r.attributes('data-kind'))).toEqual(['dispatchBy', 'resolveBy'])
    expect(rows[0]!.classes()).toContain('overdue')
    expect(rows[0]!.text()).toContain('超时 05:00')
    expect(rows[1]!.classes()).not.toContain('overdue')
    expect(rows[1]!.text()).toContain('剩 4 天 8 小时')
  })

  it('shows no countdown once the incident is closed', async () => {
    const { wrapper } = await mountApp(DeadlineList, { props: { deadlines, now: new Date('2026-11-26T01:20:00Z'), closed: true } })
    expect(wrapper.find('[data-testid=countdown]').exists()).toBe(false)
    expect(wrapper.find('.overdue').exists()).toBe(false)
  })
})
