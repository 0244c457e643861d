import { beforeEach, describe, expect, it } from 'vitest'
import { freshPinia, mountApp } from '../../testing/utils.ts'
import { workItem } from '../../testing/work-fixtures.ts'
import WorkItemCard from './WorkItemCard.vue'

beforeEach(() => freshPinia())

describe('WorkItemCard', () => {
  it('shows what, where and by when in Shanghai time, with the allowed actions plus assign', async () => {
    const { wrapper } = await mountApp(WorkItemCard, { props: { item: workItem() } })
    expect(wrapper.text()).toContain('暴露垃圾')
    expect(wrapper.text()).toContain('办结期限 2026/11/30 17:30')
    expect(wrapper.findAll('.actions button').map((b) => b.attributes('data-testid'))).toEqual(['act-accept', 'act-returnToCenter', 'act-assign'])
    await wrapper.find('[data-testid=act-accept]').trigger('click')
    expect(wrapper.emitted('action')).toEqual([['accept']])
  }, 30_000)

  it('marks overdue, urgent, hazard and supervision, and shows section and assignee', async () => {
    const item = workItem({ overdue: true, track: 'urgent', safetyHazard: true, escalationLevel: 2, section: { code: 's', name: '市政股' }, assignee: 'zhang', assigneeName: '处置员 张伟' })
    const { wrapper } = await mountApp(WorkItemCard, { props: { item } })
    expect(wrapper.find('article').classes()).toContain('overdue')
    for (const text of ['已超期', '紧急', '安全隐患', '督办 2 级', '股室：市政股', '经办人：处置员 张伟']) expect(wrapper.text()).toContain(text)
    expect(wrapper.find('[data-testid=work-assignee]').attributes('data-username')).toBe('zhang')
    expect(wrapper.find('[data-testid=act-assign]').text()).toBe('改派')
  }, 30_000)

  it('offers no actions on work that is done', async () => {
    const { wrapper } = await mountApp(WorkItemCard, { props: { item: workItem({ state: 'resolved', allowedActions: [] }) } })
    expect(wrapper.findAll('.actions button')).toHaveLength(0)
  }, 30_000)

  it('links to the incident page, opens its site, and navigates with each app in its own coordinates', async () => {
    const { wrapper } = await mountApp(WorkItemCard, { props: { item: workItem() } })
    expect(wrapper.find('[data-testid=work-incident-link]').attributes('href')).toContain(`/incidents/${workItem().code}`)
    await wrapper.find('[data-testid=work-site-toggle]').trigger('click')
    expect(wrapper.emitted('site')).toEqual([[true]])
    expect(wrapper.find('[data-testid=work-navigate-menu]').exists()).toBe(false)
    await wrapper.find('[data-testid=work-navigate]').trigger('click')
    const apps = wrapper.findAll('[data-testid=work-navigate-menu] a')
    expect(apps.map((a) => a.attributes('data-app'))).toEqual(['amap', 'baidu', 'tencent', 'geo'])
    expect(apps.map((a) => a.text())).toEqual(['高德地图', '百度地图', '腾讯地图', '其他地图应用'])
    const { lng, lat } = workItem().location!
    expect(apps[3]!.attributes('href')).toContain(`geo:${lat.toFixed(6)},${lng.toFixed(6)}`)
    expect(apps[0]!.attributes('href')).not.toContain(lng.toFixed(6))
  }, 30_000)

  it('offers no navigation without a location', async () => {
    const { wrapper } = await mountApp(WorkItemCard, { props: { item: workItem({ location: null }) } })
    expect(wrapper.find('[data-testid=work-navigate]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=work-incident-link]').exists()).toBe(true)
  }, 30_000)
})
