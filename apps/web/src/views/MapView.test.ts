import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAreasStore } from '../stores/areas.ts'
import { useMapViewStore } from '../stores/map-view.ts'
import { useProbeStore } from '../stores/probe.ts'
import { areaProps } from '../testing/fixtures.ts'
import { useSelectionStore } from '../stores/selection.ts'
import { freshPinia, mockFetch, mountApp } from '../testing/utils.ts'
import MapView from './MapView.vue'

const detail = {
  code: '350303001000',
  name: '涵东街道',
  level: 'street',
  parentCode: '350303000000',
  parents: [{ code: '350303000000', name: '涵江区', level: 'district' }],
  areaM2: 12_345_678,
  childCount: 12,
  version: 1,
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: null,
}

beforeEach(() => {
  localStorage.clear()
  freshPinia()
  mockFetch({
    '/api/config': { json: { basemaps: [], attribution: [], demo: false } },
    '/api/regions/350303001000': { json: detail },
  })
})
afterEach(() => vi.unstubAllGlobals())

describe('MapView', () => {
  it('lays out the layer panel beside the map, and says so plainly when WebGL is missing (jsdom)', async () => {
    const { wrapper } = await mountApp(MapView, { attachTo: document.body })
    // The layer panel's five, then the incident layer's filters (shown + ten states) below it.
    const boxes = wrapper.findAll('.sidebar input[type=checkbox]')
    expect(boxes.filter((b) => !b.element.closest('[data-testid=incident-filters]'))).toHaveLength(5)
    expect(wrapper.find('.sidebar [data-testid=incident-filters]').findAll('input[type=checkbox]')).toHaveLength(11)
    expect(wrapper.find('[data-testid=map]').attributes('aria-label')).toBe('涵江区行政区域地图')
    await vi.waitFor(() => expect(useMapViewStore().state).toBe('failed'), { timeout: 10_000 })
    expect(wrapper.find('.map-failure').text()).toContain('WebGL')
    wrapper.unmount()
  })

  it('opens the panel for a region in the URL, writes selections back to it, and closes on Esc', async () => {
    const { wrapper, router } = await mountApp(MapView, { path: '/map?region=350303001000', attachTo: document.body })
    await vi.waitFor(() => expect(wrapper.find('[data-testid=region-code]').exists()).toBe(true))
    expect(wrapper.find('[data-testid=region-name]').text()).toBe('涵东街道')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    await vi.waitFor(() => expect(wrapper.find('[data-testid=region-panel]').exists()).toBe(false))
    expect(useSelectionStore().isOpen).toBe(false)
    await vi.waitFor(() => expect(router.currentRoute.value.query.region).toBeUndefined())
    wrapper.unmount()
  })

  it('shows one panel at a time: the probe replaces the region panel, and Esc leaves probe mode', async () => {
    const { wrapper, router } = await mountApp(MapView, { path: '/map?region=350303001000', attachTo: document.body })
    await vi.waitFor(() => expect(wrapper.find('[data-testid=region-code]').exists()).toBe(true))
    const toggle = wrapper.find('[data-testid=probe-toggle]')
    expect(toggle.attributes('aria-pressed')).toBe('false')
    const probe = useProbeStore()
    probe.start()
    await vi.waitFor(() => expect(wrapper.find('[data-testid=probe-panel]').exists()).toBe(true))
    expect(toggle.attributes('aria-pressed')).toBe('true')
    expect(wrapper.find('[data-testid=probe-chip]').text()).toContain('Esc')
    expect(useSelectionStore().isOpen).toBe(false)
    await vi.waitFor(() => expect(router.currentRoute.value.query.region).toBeUndefined())
    // Esc from inside the panel (the picker's list closed) leaves probe mode. (Focus going back to the toggle is
    // checked in the browser test: here the toggle stays disabled, as jsdom has no map.)
    const input = wrapper.find<HTMLInputElement>('[data-testid=fine-class-input]')
    input.element.focus()
    input.element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }))
    expect(probe.active).toBe(false)
    await vi.waitFor(() => expect(wrapper.find('[data-testid=probe-panel]').exists()).toBe(false))
    wrapper.unmount()
  })

  it('shows the areas under a click in their own panel, closing the region panel; Esc closes it', async () => {
    const { wrapper } = await mountApp(MapView, { path: '/map?region=350303001000', attachTo: document.body })
    await vi.waitFor(() => expect(wrapper.find('[data-testid=region-code]').exists()).toBe(true))
    const areas = useAreasStore()
    areas.pick([areaProps(1, { name: '江萩公路（县道）' })])
    await vi.waitFor(() => expect(wrapper.find('[data-testid=area-panel]').exists()).toBe(true))
    expect(useSelectionStore().isOpen).toBe(false)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    expect(areas.isOpen).toBe(false)
    // Selecting a region closes the areas.
    areas.pick([areaProps(1)])
    await useSelectionStore().select('350303001000')
    await vi.waitFor(() => expect(areas.isOpen).toBe(false))
    wrapper.unmount()
  })
})
