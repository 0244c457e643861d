import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { useAreasStore } from '../stores/areas.ts'
import { useConfigStore } from '../stores/config.ts'
import { useAuthStore } from '../stores/auth.ts'
import { useMapViewStore } from '../stores/map-view.ts'
import { basemapStorageKey, useBasemapStore } from '../stores/basemap.ts'
import { usePatrolRoutesStore } from '../stores/patrol-routes.ts'
import { useRegionsStore } from '../stores/regions.ts'
import { freshPinia, mountApp } from '../testing/utils.ts'
import LayerPanel from './LayerPanel.vue'

beforeEach(() => {
  localStorage.clear()
  freshPinia()
})
afterEach(() => vi.unstubAllGlobals())

describe('LayerPanel', () => {
  it('has a real, labelled checkbox per level that toggles the level', async () => {
    const { wrapper } = await mountApp(LayerPanel)
    const boxes = wrapper.findAll('input[type=checkbox]')
    // Four levels and the responsibility areas.
    expect(boxes).toHaveLength(5)
    for (const b of boxes) {
      const label = wrapper.find(`label[for="${b.attributes('id')}"]`)
      expect(label.exists()).toBe(true)
    }
    expect(wrapper.find('label[for="layer-toggle-street"]').text()).toBe('街道/乡镇')
    const grid = wrapper.find<HTMLInputElement>('#layer-toggle-grid')
    expect(grid.element.checked).toBe(true)
    await grid.setValue(false)
    expect(useRegionsStore().visible.grid).toBe(false)
  })

  it('shows loading, counts, the empty state, errors with retry, and zoom hints', async () => {
    const regions = useRegionsStore()
    const view = useMapViewStore()
    view.zoom = 10
    regions.levels.district.status = 'ready'
    regions.levels.district.count = 1
    regions.levels.street.status = 'loading'
    regions.levels.community.status = 'ready'
    regions.levels.community.count = 0
    regions.levels.grid.status = 'error'
    const reload = vi.spyOn(regions, 'reload').mockResolvedValue()
    const { wrapper } = await mountApp(LayerPanel)
    const row = (l: string) => wrapper.find(`[data-level="${l}"]`)
    expect(row('district').text()).toContain('1 个')
    expect(row('street').text()).toContain('加载中…')
    expect(row('street').find('.hj-spinner').exists()).toBe(true)
    expect(row('community').text()).toContain('暂无数据')
    expect(row('community').find('[data-testid=layer-empty]').text()).toBe('该层级暂无区域数据')
    expect(row('grid').text()).toContain('加载失败')
    await row('grid').find('button').trigger('click')
    expect(reload).toHaveBeenCalledWith('grid')

    regions.levels.grid.status = 'idle'
    await nextTick()
    expect(row('grid').text()).toContain('放大至 13 级显示')
  })

  it('has a responsibility-area layer, off by default, with its status, legend and retry', async () => {
    const areas = useAreasStore()
    const reload = vi.spyOn(areas, 'reload').mockResolvedValue()
    const { wrapper } = await mountApp(LayerPanel)
    const box = wrapper.find<HTMLInputElement>('#layer-toggle-areas')
    expect(wrapper.find('label[for="layer-toggle-areas"]').text()).toBe('责任区')
    expect(box.element.checked).toBe(false)
    await box.setValue(true)
    expect(areas.visible).toBe(true)
    const row = wrapper.find('[data-layer=areas]')
    expect(row.text()).toContain('片区')
    expect(row.text()).toContain('道路/河道及缓冲带')
    areas.status = 'ready'
    areas.count = 12
    await nextTick()
    expect(row.text()).toContain('12 个')
    areas.status = 'error'
    await nextTick()
    expect(row.text()).toContain('加载失败')
    await row.find('button').trigger('click')
    expect(reload).toHaveBeenCalled()
  })

  it('offers the configured basemaps, none, and a dimmer; the choice is saved for the user', async () => {
    localStorage.clear()
    const { wrapper } = await mountApp(LayerPanel)
    expect(wrapper.find('input[name=basemap]').exists()).toBe(false)
    expect(wrapper.text()).toContain('未配置底图')
    useConfigStore().basemaps = [
      { id: 'tianditu-vec', label: '', preset: 'tianditu:vec', type: 'xyz', url: '/a/{z}/{x}/{y}', crs: 'wgs84' },
      { id: 'xyz-2', label: '内网影像', preset: 'xyz', type: 'xyz', url: '/b/{z}/{x}/{y}', crs: 'gcj02' },
    ]
    await nextTick()
    const radios = wrapper.findAll<HTMLInputElement>('input[name=basemap]')
    expect(radios.map((r) => wrapper.find(`label[for="${r.element.id}"]`).text())).toEqual(['天地图 矢量', '内网影像GCJ-02', '不显示底图'])
    expect(radios[0]!.element.checked).toBe(true)
    await radios[1]!.setValue(true)
    const store = useBasemapStore()
    expect(store.current?.id).toBe('xyz-2')
    expect(store.crs).toBe('gcj02')
    await wrapper.find<HTMLInputElement>('[data-testid=basemap-dim]').setValue('0.5')
    expect(store.dim).toBe(0.5)
    expect(JSON.parse(localStorage.getItem(basemapStorageKey(null))!)).toEqual({ id: 'xyz-2', dim: 0.5 })
    await radios[2]!.setValue(true)
    expect(store.current).toBeNull()
    expect(store.crs).toBe('wgs84')
    await nextTick()
    expect(wrapper.find('[data-testid=basemap-dim]').exists()).toBe(false)
  })

  it('speaks English', async () => {
    const { wrapper } = await mountApp(LayerPanel, { locale: 'en' })
    expect(wrapper.find('label[for="layer-toggle-community"]').text()).toBe('Community / village')
    expect(wrapper.text()).toContain('Layers')
  })

  it('has a planned-patrol-routes switch for roles with a patrol view: off by default, count, truncation, retry', async () => {
    const auth = useAuthStore()
    auth.user = { roles: ['handler'], permissions: [] } as never
    const { wrapper } = await mountApp(LayerPanel)
    expect(wrapper.find('[data-layer=patrol-routes]').exists()).toBe(false)
    auth.user = { roles: ['dispatcher'], permissions: [] } as never
    await nextTick()
    const box = wrapper.find<HTMLInputElement>('[data-testid=patrol-routes-visible]')
    expect(wrapper.find('label[for="layer-toggle-patrol-routes"]').text()).toBe('计划巡查路线')
    expect(box.element.checked).toBe(false)
    await box.setValue(true)
    const patrol = usePatrolRoutesStore()
    expect(patrol.visible).toBe(true)
    patrol.status = 'ready'
    patrol.count = 1234
    patrol.truncated = true
    await nextTick()
    expect(wrapper.find('[data-testid=patrol-routes-status]').text()).toBe('1,234 个')
    expect(wrapper.find('[data-testid=patrol-routes-truncated]').text()).toContain('请放大查看')
    patrol.status = 'error'
    await nextTick()
    const reloads = patrol.reloads
    await wrapper.find('[data-layer=patrol-routes] button').trigger('click')
    expect(patrol.reloads).toBe(reloads + 1)
  })
})
