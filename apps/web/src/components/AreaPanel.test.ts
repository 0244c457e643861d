import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAreasStore } from '../stores/areas.ts'
import { areaProps } from '../testing/fixtures.ts'
import { freshPinia, mountApp } from '../testing/utils.ts'
import AreaPanel from './AreaPanel.vue'

beforeEach(() => freshPinia())
afterEach(() => vi.unstubAllGlobals())

const road = areaProps(1, { name: '江萩公路（县道）' })
const scenic = areaProps(6, {
  name: '萩芦溪景区',
  unitCode: 'tourism_scenic',
  unitName: '区文体旅游局萩芦溪景区管理处',
  classCode: '02',
  className: '市容环境',
  geometryKind: 'polygon',
  bufferM: null,
  lengthM: null,
  areaM2: 2_542_824.7,
})

describe('AreaPanel', () => {
  it('shows one area: name as title, unit, class, kind, buffer and length', async () => {
    useAreasStore().pick([road])
    const { wrapper } = await mountApp(AreaPanel)
    expect(wrapper.find('[data-testid=area-title]').text()).toBe('江萩公路（县道）')
    expect(wrapper.find('[data-testid=area-unit]').text()).toBe('区交通运输局公路养护中心')
    expect(wrapper.text()).toContain('0105 道路交通设施')
    expect(wrapper.text()).toContain('道路/河道（线）')
    expect(wrapper.find('[data-testid=area-buffer]').text()).toBe('中线两侧各 30 米')
    expect(wrapper.text()).toContain('10.31 公里')
  })

  it('lists every area under the click, the road before the scenic area, and closes', async () => {
    useAreasStore().pick([scenic, road])
    const { wrapper } = await mountApp(AreaPanel)
    expect(wrapper.find('[data-testid=area-title]').text()).toBe('此处有 2 个责任区')
    const items = wrapper.findAll('li.area')
    expect(items.map((i) => i.find('h3').text())).toEqual(['江萩公路（县道）', '萩芦溪景区'])
    expect(items[1]!.text()).toContain('片区（面）')
    expect(items[1]!.text()).toContain('2.54 平方公里')
    expect(items[1]!.find('[data-testid=area-buffer]').exists()).toBe(false)
    await wrapper.find('button').trigger('click')
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  it('uses the taxonomy’s English names in English', async () => {
    useAreasStore().pick([scenic])
    const { wrapper } = await mountApp(AreaPanel, { locale: 'en' })
    expect(wrapper.text()).toContain('02 City appearance and environment')
    expect(wrapper.text()).toContain('Area (polygon)')
  })
})
