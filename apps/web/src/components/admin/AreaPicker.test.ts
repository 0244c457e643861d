import { afterEach, describe, expect, it, vi } from 'vitest'
import { flush, mockFetch, mountApp } from '../../testing/utils.ts'
import AreaPicker from './AreaPicker.vue'

const fc = (...features: [string, string, string][]) => ({
  json: { type: 'FeatureCollection', features: features.map(([code, name, level]) => ({ type: 'Feature', properties: { code, name, level }, geometry: { type: 'Point', coordinates: [119, 25] } })) },
})

afterEach(() => vi.unstubAllGlobals())

describe('AreaPicker', () => {
  it('finds regions by name or code, adds with Enter, removes a chip', async () => {
    mockFetch({
      '/api/regions/labels?level=district': fc(['350303000000', '涵江区', 'district']),
      '/api/regions/labels?level=street': fc(['350303001000', '涵东街道', 'street']),
      '/api/regions/labels?level=community': fc(['350303001002', '顶铺社区', 'community']),
      '/api/regions/labels?level=grid': fc(['350303001002003', '顶铺社区第003网格', 'grid']),
    })
    const { wrapper } = await mountApp(AreaPicker, { path: '/forbidden', props: { modelValue: [{ code: '350303001000', name: '涵东街道', level: 'street' }] } })
    expect(wrapper.find('.chip').text()).toContain('涵东街道')
    const input = wrapper.find('[data-testid=area-search]')
    await input.trigger('focus')
    await flush()
    await flush()
    await input.setValue('顶铺')
    // The chosen street is not offered again; the community comes before its grid.
    expect(wrapper.findAll('[role=option]').map((o) => o.find('.hit-name').text())).toEqual(['顶铺社区', '顶铺社区第003网格'])
    expect(wrapper.findAll('[role=option]')[1]!.text()).toContain('涵东街道 › 顶铺社区')
    await input.trigger('keydown', { key: 'ArrowDown' })
    await input.trigger('keydown', { key: 'Enter' })
    const emitted = wrapper.emitted('update:modelValue')!
    expect(emitted[0]![0]).toEqual([
      { code: '350303001000', name: '涵东街道', level: 'street' },
      { code: '350303001002003', name: '顶铺社区第003网格', level: 'grid' },
    ])
    await wrapper.find('.chip-remove').trigger('click')
    expect(emitted[1]![0]).toEqual([])
    await input.setValue('3503039')
    expect(wrapper.text()).toContain('没有匹配的区域')
    wrapper.unmount()
  }, 30_000)
})
