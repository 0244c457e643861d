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

  it('names the person and their role in words, not the account and role codes', async () => {
    const events = [
      ev({ actorName: '指挥中心坐席 王芳' }),
      ev({ id: 2, actorName: null }),
      ev({ id: 3, actor: 'timer-worker', actorRole: 'system', actorName: null, action: 'overdue' }),
      ev({ id: 4, actor: 'public', actorRole: 'public', actorName: null, action: 'rate' }),
    ]
    const { wrapper } = await mountApp(EventTimeline, { props: { events } })
    expect(wrapper.findAll('[data-testid=event-actor]').map((a) => a.text())).toEqual([
      '指挥中心坐席 王芳 · 指挥中心坐席',
      'dispatcher · 指挥中心坐席',
      '系统',
      '群众',
    ])
  })

  it('shows a callback\'s result, its reopen, the worker\'s message and a cluster\'s answer and reopen (R9)', async () => {
    const events = [
      ev({ id: 1, action: 'callbackDue', from: 'dispatched', to: 'dispatched', actor: 'timer-worker', data: { rule: 'R10', message: { zh: '派遣已满 12 小时，请回访', en: '12 h since dispatch: call back' } } }),
      ev({ id: 2, action: 'callback', from: 'dispatched', to: 'dispatched', note: '无人接听', data: { reached: false, rule: 'R10' } }),
      ev({ id: 3, action: 'callback', from: 'closed', to: 'closed', data: { reached: true, satisfaction: 'not_satisfied', reopened: true } }),
      ev({ id: 4, action: 'reopen', from: 'closed', to: 'registered', data: { reason: '回访不满意：垃圾又堆起来了' } }),
      ev({ id: 5, action: 'primaryClosed', from: 'merged', to: 'merged', data: { primaryCode: 'HJ20261120-00007', message: { zh: 'x', en: 'x' } } }),
      ev({ id: 6, action: 'primaryReopened', from: 'merged', to: 'merged', note: '回访不满意：垃圾又堆起来了', data: { primaryCode: 'HJ20261120-00007', message: { zh: 'y', en: 'y' } } }),
    ]
    const { wrapper } = await mountApp(EventTimeline, { props: { events } })
    const items = wrapper.findAll('li.event')
    expect(items[0]!.text()).toContain('回访到期（R10）')
    expect(items[0]!.text()).toContain('派遣已满 12 小时，请回访')
    expect(items[1]!.find('[data-testid=event-callback]').text()).toBe('未接通反映人')
    expect(items[1]!.text()).toContain('无人接听')
    expect(items[2]!.find('[data-testid=event-callback]').text()).toBe('已接通反映人满意度：不满意回访不满意，已重新办理')
    expect(items[3]!.text()).toContain('已结案 → 已立案')
    expect(items[3]!.text()).toContain('理由：回访不满意：垃圾又堆起来了')
    expect(items[4]!.text()).toContain('随主件办结')
    expect(items[4]!.find('[data-testid=event-cluster]').text()).toBe('主件 HJ20261120-00007 已办结，本件随同办结（一诉一整改）')
    expect(items[4]!.text()).not.toContain('主件：')
    expect(items[5]!.text()).toContain('随主件重新办理')
    expect(items[5]!.find('[data-testid=event-cluster]').text()).toBe('主件 HJ20261120-00007 已重新办理，本件随同重新办理（一诉一整改）')
    expect(items[5]!.text()).toContain('回访不满意：垃圾又堆起来了')
    expect(items[5]!.text()).not.toContain('主件：')
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

  it('a deadline whose step was taken shows as done, not overdue (dispatched long ago: no 超时 on dispatch-by)', async () => {
    const now = new Date('2026-12-20T01:20:00Z') // weeks later: both deadlines are past
    const { wrapper } = await mountApp(DeadlineList, { props: { deadlines, now, state: 'on_site' } })
    const [dispatch, resolve] = wrapper.findAll('.deadline')
    expect(dispatch!.classes()).toContain('done')
    expect(dispatch!.classes()).not.toContain('overdue')
    expect(dispatch!.text()).toContain('环节已办')
    // Resolve-by still runs while the unit is on site: overdue.
    expect(resolve!.classes()).toContain('overdue')
    const registered = await mountApp(DeadlineList, { props: { deadlines, now, state: 'registered' } })
    expect(registered.wrapper.find('.deadline').classes()).toContain('overdue')
  })

  it('shows no countdown once the incident is closed', async () => {
    const { wrapper } = await mountApp(DeadlineList, { props: { deadlines, now: new Date('2026-11-26T01:20:00Z'), closed: true } })
    expect(wrapper.find('[data-testid=countdown]').exists()).toBe(false)
    expect(wrapper.find('.overdue').exists()).toBe(false)
    // With its state (as the panel and the page pass it): a rejected incident took no step, so none says done.
    const rejected = await mountApp(DeadlineList, { props: { deadlines, now: new Date('2026-11-26T01:20:00Z'), closed: true, state: 'rejected' } })
    expect(rejected.wrapper.find('[data-testid=deadline-done]').exists()).toBe(false)
  })

  it('shows the R10 callback time as done, with when, once the seat called back after the check was raised', async () => {
    const r10 = { ...deadlines, dispatchBy: null, arriveBy: '2026-11-26T15:00:00+08:00', callbackAt: '2026-11-26T21:00:00+08:00' }
    const now = new Date('2026-11-26T14:30:00Z') // 22:30 Shanghai: the callback time is 1 h 30 past
    const raised = [
      ev({ id: 1, action: 'dispatch', from: 'registered', to: 'dispatched', at: '2026-11-26T09:00:00+08:00' }),
      ev({ id: 2, action: 'callbackDue', from: 'dispatched', to: 'dispatched', at: '2026-11-26T21:00:05+08:00' }),
    ]
    const owed = await mountApp(DeadlineList, { props: { deadlines: r10, now, events: raised } })
    const row = () => owed.wrapper.find('[data-kind=callbackAt]')
    expect(row().classes()).toContain('overdue')

    await owed.wrapper.setProps({ events: [...raised, ev({ id: 3, action: 'callback', from: 'dispatched', to: 'dispatched', at: '2026-11-26T21:40:00+08:00', data: { reached: true, rule: 'R10' } })] })
    expect(row().classes()).not.toContain('overdue')
    expect(row().classes()).toContain('done')
    expect(row().find('[data-testid=deadline-done]').text()).toBe('已回访 2026/11/26 21:40')
    expect(row().find('[data-testid=countdown]').exists()).toBe(false)
    // The other deadlines still count.
    expect(owed.wrapper.find('[data-kind=arriveBy]').classes()).toContain('overdue')
  })
})
