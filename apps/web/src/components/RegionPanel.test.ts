import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useSelectionStore } from '../stores/selection.ts'
import { flush, freshPinia, mockFetch, mountApp } from '../testing/utils.ts'
import RegionPanel from './RegionPanel.vue'

const detail = {
  code: '350303001001',
  name: '新区社区',
  level: 'community',
  parentCode: '350303001000',
  parents: [
    { code: '350303000000', name: '涵江区', level: 'district' },
    { code: '350303001000', name: '涵东街道', level: 'street' },
  ],
  areaM2: 1_792_357,
  childCount: 38,
  version: 2,
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: null,
}

beforeEach(() => freshPinia())
afterEach(() => vi.unstubAllGlobals())

describe('RegionPanel', () => {
  it('shows name, code, parent chain, area and validity', async () => {
    mockFetch({ '/api/regions/350303001001': { json: detail } })
    await useSelectionStore().select('350303001001')
    const { wrapper } = await mountApp(RegionPanel)
    expect(wrapper.find('[data-testid=region-name]').text()).toBe('新区社区')
    expect(wrapper.find('[data-testid=region-code]').text()).toBe('350303001001')
    expect(wrapper.find('[data-testid=region-parents]').text().replace(/\s+/g, '')).toBe('涵江区涵东街道新区社区')
    expect(wrapper.find('[data-testid=region-area]').text()).toBe('1.79 平方公里')
    expect(wrapper.text()).toContain('38 个网格')
    expect(wrapper.text()).toContain('第 2 版')
    expect(wrapper.text()).toContain('2026/01/01 08:00')
    expect(wrapper.text()).toContain('现行有效')
  })

  it('emits close, focus and parent selection', async () => {
    mockFetch({ '/api/regions/350303001001': { json: detail } })
    await useSelectionStore().select('350303001001')
    const { wrapper } = await mountApp(RegionPanel)
    await wrapper.find('[data-testid=region-close]').trigger('click')
    expect(wrapper.emitted('close')).toHaveLength(1)
    await wrapper.findAll('.parent-link')[1]!.trigger('click')
    expect(wrapper.emitted('select')![0]).toEqual([{ code: '350303001000', name: '涵东街道', level: 'street' }])
    const show = wrapper.findAll('button').find((b) => b.text().includes('在地图上定位'))!
    await show.trigger('click')
    expect(wrapper.emitted('focus')![0]).toEqual(['350303001001'])
  })

  it('shows the clicked name and a loading state while the details load', async () => {
    mockFetch({ '/api/regions/': () => new Promise(() => {}) })
    void useSelectionStore().select('350303001001', { name: '新区社区', level: 'community' })
    const { wrapper } = await mountApp(RegionPanel)
    expect(wrapper.find('[data-testid=region-name]').text()).toBe('新区社区')
    expect(wrapper.find('[aria-busy=true]').text()).toContain('正在加载区域信息…')
  })

  it('explains a missing region and a failure, with retry', async () => {
    mockFetch({
      '/api/regions/350303999000': { status: 404, json: { title: 'Not found', status: 404, detail: 'No region', code: 'region_not_found' } },
      '/api/regions/350303001001': { status: 503, json: { title: 'Unavailable', status: 503, detail: '数据库维护中' } },
    })
    const sel = useSelectionStore()
    await sel.select('350303999000')
    const { wrapper } = await mountApp(RegionPanel, { locale: 'en' })
    expect(wrapper.text()).toContain('No region with code 350303999000')
    await sel.select('350303001001')
    await flush()
    expect(wrapper.find('[role=alert]').text()).toContain('数据库维护中')
    const retry = vi.spyOn(sel, 'retry').mockResolvedValue()
    await wrapper.findAll('button').find((b) => b.text().includes('Retry'))!.trigger('click')
    expect(retry).toHaveBeenCalled()
  })
})
