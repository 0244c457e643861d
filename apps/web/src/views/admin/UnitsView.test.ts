import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { me, signIn } from '../../testing/auth-fixtures.ts'
import { flush, freshPinia, mockFetch, mountApp } from '../../testing/utils.ts'
import UnitsView from './UnitsView.vue'

const unit = (code: string, name: string, over: Record<string, unknown> = {}) => ({
  code, name, nameEn: '', kind: 'department', parentCode: null, regionCode: null, active: true, ...over,
})

beforeEach(() => {
  freshPinia()
  signIn(me('admin'))
})
afterEach(() => vi.unstubAllGlobals())

describe('UnitsView', () => {
  it('lists the units, searches them and edits one', async () => {
    const { fn } = mockFetch({
      '/api/admin/units/': (_url, init) => ({ json: unit('water', '区水利局', JSON.parse(String(init?.body))) }),
      '/api/admin/units': {
        json: { items: [unit('command_center', '区城市管理指挥中心', { kind: 'command' }), unit('water', '区水利局', { nameEn: 'Water Bureau', active: false })] },
      },
    })
    const { wrapper } = await mountApp(UnitsView, { path: '/admin/units', attachTo: document.body })
    await flush()
    await flush()
    expect(wrapper.findAll('tbody tr')).toHaveLength(2)
    expect(wrapper.find('[data-code=water]').text()).toContain('已停用')
    expect(wrapper.find('[data-code=command_center]').text()).toContain('指挥中心')
    await wrapper.find('[data-testid=unit-search]').setValue('水利')
    expect(wrapper.findAll('tbody tr')).toHaveLength(1)

    await wrapper.find('[data-code=water] button').trigger('click')
    expect(wrapper.find('[data-testid=unit-code]').attributes('disabled')).toBeDefined()
    await wrapper.find('[data-testid=unit-name]').setValue('区水利局（新）')
    await wrapper.find('[data-testid=unit-active]').setValue(true)
    await wrapper.find('[data-testid=unit-form]').trigger('submit')
    await flush()
    await flush()
    const patch = fn.mock.calls.find((c) => c[1]?.method === 'PATCH')!
    expect(String(patch[0])).toBe('/api/admin/units/water')
    expect(JSON.parse(String(patch[1]!.body))).toMatchObject({ name: '区水利局（新）', active: true })
    expect(wrapper.find('[role=status]').text()).toBe('已保存单位 区水利局（新）。')
    wrapper.unmount()
  })
})
