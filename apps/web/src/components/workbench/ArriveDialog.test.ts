import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { WorkEndpoints } from '../../api/work.ts'
import { freshPinia, mountApp } from '../../testing/utils.ts'
import ArriveDialog from './ArriveDialog.vue'
import { workItem } from '../../testing/work-fixtures.ts'

beforeEach(() => freshPinia())
afterEach(() => vi.unstubAllGlobals())

function at(lng: number, lat: number) {
  vi.stubGlobal('navigator', {
    ...navigator,
    geolocation: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { longitude: lng, latitude: lat, accuracy: 10 } } as GeolocationPosition) },
  })
}

describe('ArriveDialog', () => {
  it('warns beyond 200 m and still lets the handler confirm; sends the position', async () => {
    at(119.13, 25.48) // ~1 km east
    const arrive = vi.fn(async () => ({ incident: { code: 'x', state: 'on_site' as const, version: 4 }, locationCheck: { distanceM: 1004, toleranceM: 200, far: true } }))
    const { wrapper } = await mountApp(ArriveDialog, { props: { item: workItem({ state: 'accepted' }), endpoints: { arrive } as unknown as WorkEndpoints } })
    await flushPromises()
    const status = wrapper.find('[data-testid=arrive-status]')
    expect(status.text()).toMatch(/约 10\d\d 米，超过 200 米/)
    const button = wrapper.find('[data-testid=arrive-confirm]')
    expect(button.text()).toBe('仍然确认到场')
    await button.trigger('click')
    await flushPromises()
    expect(arrive).toHaveBeenCalledWith('HJ20261126-00001', { version: 3, position: { lng: 119.13, lat: 25.48, accuracyM: 10 } })
    expect(wrapper.emitted('done')![0]).toEqual(['已到场；距离 1004 米已记录'])
  }, 30_000)

  it('passes within 200 m', async () => {
    at(119.1205, 25.48)
    const { wrapper } = await mountApp(ArriveDialog, { props: { item: workItem({ state: 'accepted' }), endpoints: {} as WorkEndpoints } })
    await flushPromises()
    expect(wrapper.find('[data-testid=arrive-status]').text()).toContain('位置核验通过')
    expect(wrapper.find('[data-testid=arrive-confirm]').text()).toBe('确认到场')
  }, 30_000)
})
