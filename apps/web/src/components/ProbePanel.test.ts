import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { useProbeStore } from '../stores/probe.ts'
import { areaAnswer, outsideAnswer, territorialAnswer } from '../testing/fixtures.ts'
import { freshPinia, mockFetch, mountApp } from '../testing/utils.ts'
import ProbePanel from './ProbePanel.vue'

beforeEach(() => {
  localStorage.clear()
  freshPinia()
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('ProbePanel', () => {
  it('invites a click before the first question, and emits close', async () => {
    const { wrapper } = await mountApp(ProbePanel)
    expect(wrapper.find('[data-testid=probe-answer]').text()).toContain('在地图上点击一个位置')
    expect(wrapper.find('h2').text()).toBe('谁负责这个点？')
    await wrapper.find('[data-testid=probe-close]').trigger('click')
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  it('shows the loading state while asking', async () => {
    mockFetch({ '/api/assign': () => new Promise(() => {}) })
    const { wrapper } = await mountApp(ProbePanel)
    void useProbeStore().ask({ lng: 119.14, lat: 25.515, crs: 'wgs84', via: 'map' })
    await nextTick()
    const answer = wrapper.find('[data-testid=probe-answer]')
    expect(answer.attributes('aria-busy')).toBe('true')
    expect(answer.text()).toContain('正在查询责任单位…')
  })

  it('shows a responsibility-area answer: unit, rule, area, location, steps and the beaten candidate', async () => {
    mockFetch({ '/api/assign': { json: areaAnswer } })
    const probe = useProbeStore()
    await probe.setFineClass('010501')
    await probe.ask({ lng: 119.14, lat: 25.515, crs: 'wgs84', via: 'map' })
    const { wrapper } = await mountApp(ProbePanel)
    expect(wrapper.find('[data-testid=probe-unit]').text()).toBe('区交通运输局公路养护中心')
    expect(wrapper.find('[data-testid=probe-rule]').text()).toBe('责任区')
    expect(wrapper.find('[data-testid=probe-rule]').attributes('title')).toContain('更具体')
    expect(wrapper.find('[data-testid=probe-review]').exists()).toBe(false)
    expect(wrapper.text()).toContain('责任区：江萩公路（县道）')
    const where = wrapper.find('[data-testid=probe-location]')
    expect(where.findAll('li').map((li) => li.text())).toEqual(['萩芦镇', '潭井村委会', '潭井村010网格'])
    expect(where.find('.grid-code').text()).toBe('350303105209010')
    expect(wrapper.find('[data-testid=probe-point]').text()).toBe('119.140000, 25.515000（WGS-84）')
    expect(wrapper.text()).toContain('010501 道路破损坑洼')
    const steps = wrapper.findAll('[data-testid=probe-explanation] li')
    expect(steps).toHaveLength(3)
    expect(steps[2]!.text()).toContain('按小类 0105 划归')
    const cand = wrapper.find('[data-testid=probe-candidates]')
    expect(cand.text()).toContain('区交通运输局')
    expect(cand.text()).toContain('细类责任表')
    expect(cand.text()).toContain('比全区统一的细类责任表更具体')
    expect(wrapper.find('[data-testid=probe-near]').exists()).toBe(false)
  })

  it('warns near a boundary, naming the neighbour and the distance', async () => {
    mockFetch({ '/api/assign': { json: territorialAnswer } })
    await useProbeStore().ask({ lng: 119.1168, lat: 25.4619, crs: 'wgs84', via: 'map' })
    const { wrapper } = await mountApp(ProbePanel)
    expect(wrapper.find('[data-testid=probe-rule]').text()).toBe('属地')
    const near = wrapper.find('[data-testid=probe-near]')
    expect(near.text()).toContain('靠近边界，请确认位于哪一侧')
    expect(near.text()).toContain('距社区/村“新区社区居委会”的边界仅 2.7 米')
    expect(wrapper.text()).toContain('没有其他候选单位。')
  })

  it('flags an answer that needs review, and a point outside the district', async () => {
    mockFetch({ '/api/assign': { json: outsideAnswer } })
    await useProbeStore().ask({ lng: 118.9, lat: 25.5, crs: 'wgs84', via: 'map' })
    const { wrapper } = await mountApp(ProbePanel)
    expect(wrapper.find('[data-testid=probe-review]').text()).toBe('需人工核实')
    expect(wrapper.find('[data-testid=probe-rule]').text()).toBe('未分类')
    expect(wrapper.find('[data-testid=probe-location]').text()).toContain('区外')
    expect(wrapper.text()).toContain('不指定细类')
  })

  it('reads everything in English when the interface is English', async () => {
    mockFetch({ '/api/assign': { json: areaAnswer } })
    await useProbeStore().ask({ lng: 119.14, lat: 25.515, crs: 'wgs84', via: 'map' })
    const { wrapper } = await mountApp(ProbePanel, { locale: 'en' })
    expect(wrapper.find('[data-testid=probe-rule]').text()).toBe('Responsibility area')
    expect(wrapper.findAll('[data-testid=probe-explanation] li')[2]!.text()).toContain('Responsibility area “江萩公路（县道）”')
    expect(wrapper.find('[data-testid=probe-candidates]').text()).toContain('more specific than the district-wide fine-class table')
    expect(wrapper.find('[data-testid=probe-point]').text()).toBe('119.140000, 25.515000 (WGS-84)')
  })

  it('asks for typed coordinates in the chosen system, and fills both from a pasted pair', async () => {
    const { calls } = mockFetch({ '/api/assign': { json: { ...territorialAnswer, crs: 'gcj02' } } })
    const { wrapper } = await mountApp(ProbePanel)
    await wrapper.find('[data-testid=probe-crs]').setValue('gcj02')
    const lng = wrapper.find<HTMLInputElement>('[data-testid=probe-lng]')
    const paste = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown }
    paste.clipboardData = { getData: () => '119.1217137, 25.4592715' }
    lng.element.dispatchEvent(paste)
    await nextTick()
    expect(lng.element.value).toBe('119.1217137')
    expect(wrapper.find<HTMLInputElement>('[data-testid=probe-lat]').element.value).toBe('25.4592715')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(useProbeStore().status).toBe('ready'))
    expect(calls).toEqual(['/api/assign?lng=119.1217137&lat=25.4592715&crs=gcj02'])
    expect(wrapper.text()).toContain('输入 GCJ-02：119.1217137, 25.4592715')
    expect(useProbeStore().crs).toBe('gcj02')
  })

  it('refuses coordinates that are not numbers, and shows the API problem readably', async () => {
    mockFetch({
      '/api/assign': {
        status: 422,
        json: {
          type: 'https://hanjiang.example/problems/invalid_points',
          title: 'Unprocessable content',
          status: 422,
          detail: 'points.0: lng 200 is out of range [-180, 180]',
          code: 'invalid_points',
          errors: [{ path: 'points.0', message: 'lng 200 is out of range [-180, 180]' }],
        },
      },
    })
    const { wrapper } = await mountApp(ProbePanel)
    await wrapper.find('[data-testid=probe-lng]').setValue('东经')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.find('.form-error').text()).toBe('请输入经度（数字）')
    await wrapper.find('[data-testid=probe-lng]').setValue('200')
    await wrapper.find('[data-testid=probe-lat]').setValue('25.5')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid=probe-error]').exists()).toBe(true))
    const err = wrapper.find('[data-testid=probe-error]')
    expect(err.attributes('role')).toBe('alert')
    expect(err.text()).toContain('查询失败')
    expect(err.text()).toContain('points.0: lng 200 is out of range [-180, 180]')
    expect(wrapper.find('.form-error').exists()).toBe(false)
  })

  it('changing the fine class asks again for the same point', async () => {
    const { calls } = mockFetch({ '/api/assign': { json: territorialAnswer } })
    await useProbeStore().ask({ lng: 119.1168, lat: 25.4619, crs: 'wgs84', via: 'map' })
    const { wrapper } = await mountApp(ProbePanel, { attachTo: document.body })
    const input = wrapper.find<HTMLInputElement>('[data-testid=fine-class-input]')
    await input.setValue('积存垃圾')
    await input.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[1]).toBe('/api/assign?lng=119.1168&lat=25.4619&crs=wgs84&fineClass=020602')
  })
})
