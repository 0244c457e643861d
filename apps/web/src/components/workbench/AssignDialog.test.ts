import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Colleague, Section, WorkEndpoints } from '../../api/work.ts'
import { freshPinia, mountApp } from '../../testing/utils.ts'
import { workItem } from '../../testing/work-fixtures.ts'
import AssignDialog from './AssignDialog.vue'

beforeEach(() => freshPinia())

const COLLEAGUES: Colleague[] = [
  { username: 'handler.li', displayName: '处置员 李娜 (城市管理局)', roles: ['handler'], me: false },
  { username: 'handler', displayName: '处置员 郑强 (城市管理局)', roles: ['handler'], me: true },
  { username: 'unit_supervisor', displayName: '科长 蔡明 (城市管理局)', roles: ['unit_supervisor'], me: false },
]
const SECTIONS: Section[] = [{ code: 'city_admin_roads', name: '市政股', nameEn: 'Roads section' }]

async function open(over: { item?: Parameters<typeof workItem>[0]; colleagues?: Colleague[]; sections?: Section[]; colleaguesFailed?: boolean } = {}) {
  const assign = vi.fn(async (code: string, body: { sectionCode?: string | null; assignee?: string | null }) => ({
    code,
    section: body.sectionCode ?? null,
    assignee: body.assignee ?? null,
    assigneeName: COLLEAGUES.find((c) => c.username === body.assignee)?.displayName ?? null,
  }))
  const { wrapper } = await mountApp(AssignDialog, {
    props: {
      item: workItem(over.item),
      endpoints: { assign } as unknown as WorkEndpoints,
      colleagues: over.colleagues ?? COLLEAGUES,
      sections: over.sections ?? SECTIONS,
      colleaguesFailed: over.colleaguesFailed ?? false,
    },
    attachTo: document.body,
  })
  const search = wrapper.find('[data-testid=assign-search]')
  const names = () => wrapper.findAll('[role=option]').map((o) => o.attributes('data-username') ?? o.attributes('data-code'))
  const key = async (k: string, extra: KeyboardEventInit = {}) => {
    await search.trigger('keydown', { key: k, ...extra })
    await flushPromises()
  }
  return { wrapper, assign, search, names, key }
}

describe('AssignDialog (colleague picker)', () => {
  it('lists the unit\'s colleagues (me first) and sections; shows who has it now', async () => {
    const { wrapper, names } = await open({ item: { assignee: 'handler.li', assigneeName: '处置员 李娜 (城市管理局)' } })
    expect(names()).toEqual(['handler', 'handler.li', 'unit_supervisor', 'city_admin_roads'])
    expect(wrapper.find('[data-testid=assign-current]').text()).toContain('当前：处置员 李娜 (城市管理局)')
    const li = wrapper.find('[data-username="handler.li"]')
    expect(li.attributes('aria-selected')).toBe('true')
    expect(li.text()).toContain('处置员')
    expect(wrapper.find('[data-username="handler"]').text()).toContain('我')
    // the current choice unchanged: nothing to send yet
    expect(wrapper.find('[data-testid=assign-submit]').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  }, 30_000)

  it('searches by name, picks with the keyboard and assigns', async () => {
    const { wrapper, assign, search, names, key } = await open()
    expect(wrapper.find('[data-testid=assign-current]').text()).toContain('未分派')
    expect(document.activeElement).toBe(search.element) // the dialog opens in the search box
    await search.setValue('蔡')
    expect(names()).toEqual(['unit_supervisor'])
    expect(search.attributes('aria-activedescendant')).toBe(wrapper.find('[data-username=unit_supervisor]').attributes('id'))
    await key('Enter')
    expect(wrapper.find('[data-username=unit_supervisor]').attributes('aria-selected')).toBe('true')
    expect(wrapper.find('[data-testid=assign-picked]').text()).toBe('分派给：科长 蔡明 (城市管理局)')
    // Esc clears the search (and does not close the dialog); ↓ ↓ ↓ reaches the section, Enter adds it
    await key('Escape')
    expect((search.element as HTMLInputElement).value).toBe('')
    expect(wrapper.emitted('close')).toBeUndefined()
    expect(search.attributes('aria-activedescendant')).toBeUndefined()
    for (let i = 0; i < 4; i++) await key('ArrowDown') // the first ↓ activates the first option
    expect(wrapper.find('[data-code=city_admin_roads]').classes()).toContain('active')
    await key('Enter')
    expect(wrapper.find('[data-testid=assign-picked]').text()).toBe('分派给：科长 蔡明 (城市管理局) · 市政股')
    // by user name too; picking another colleague replaces the first
    await search.setValue('LI')
    expect(names()).toEqual(['handler.li'])
    await key('Enter')
    await key('Enter', { ctrlKey: true })
    expect(assign).toHaveBeenCalledWith('HJ20261126-00001', { sectionCode: 'city_admin_roads', assignee: 'handler.li' })
    expect(wrapper.emitted('done')![0]).toEqual(['已分派给 处置员 李娜 (城市管理局) · 市政股'])
    wrapper.unmount()
  }, 30_000)

  it('clicking an option toggles it; empty states for no match and for a unit with nobody', async () => {
    const { wrapper, search, assign } = await open()
    await wrapper.find('[data-username="handler"]').trigger('click')
    expect(wrapper.find('[data-username="handler"]').attributes('aria-selected')).toBe('true')
    await wrapper.find('[data-username="handler"]').trigger('click')
    expect(wrapper.find('[data-testid=assign-picked]').text()).toBe('请选择一位同事或一个股室')
    expect(wrapper.find('[data-testid=assign-submit]').attributes('disabled')).toBeDefined()
    await search.setValue('王五')
    expect(wrapper.findAll('[role=option]')).toHaveLength(0)
    expect(wrapper.find('[data-testid=assign-empty]').text()).toBe('没有名称含“王五”的同事或股室')
    await wrapper.find('[data-testid=assign-search]').trigger('keydown', { key: 'Enter' })
    expect(assign).not.toHaveBeenCalled()
    wrapper.unmount()

    const lonely = await open({ colleagues: [], sections: [] })
    expect(lonely.wrapper.find('[data-testid=assign-empty]').text()).toBe('本单位还没有可分派的同事账号或股室')
    lonely.wrapper.unmount()
    const failed = await open({ colleagues: [], sections: [], colleaguesFailed: true })
    expect(failed.wrapper.find('[data-testid=assign-empty]').text()).toBe('同事名单加载失败，请稍后重试')
    failed.wrapper.unmount()
  }, 30_000)
})
