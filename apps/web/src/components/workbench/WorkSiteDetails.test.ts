import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flush, freshPinia, mockFetch, mountApp } from '../../testing/utils.ts'
import { workItem } from '../../testing/work-fixtures.ts'
import WorkSiteDetails from './WorkSiteDetails.vue'

beforeEach(() => freshPinia())
afterEach(() => vi.unstubAllGlobals())

const ev = (id: number, action: string, photos: unknown) => ({ id, at: 'x', actor: 'a', actorRole: 'r', action, from: null, to: null, note: null, photos, data: null })

describe('WorkSiteDetails', () => {
  it('shows the photos of the report and the before-shots, not the after-photos of the work', async () => {
    const item = workItem()
    mockFetch({
      '/api/config': { json: { basemaps: [], attribution: [], demo: false } },
      [`/api/incidents/${item.code}/events`]: {
        json: {
          code: item.code,
          events: [
            ev(1, 'create', ['p-report']),
            ev(2, 'selfResolve', [{ id: 'p-before', kind: 'before' }, { id: 'p-after', kind: 'after' }]),
            ev(3, 'resolve', [{ id: 'p-note', kind: 'attachment' }]),
          ],
        },
      },
    })
    const { wrapper } = await mountApp(WorkSiteDetails, { props: { item } })
    for (let i = 0; i < 4; i++) await flush()
    const shown = wrapper.findAll('[data-testid=work-site-photo] img').map((i) => i.attributes('src'))
    expect(shown).toEqual(['/api/photos/p-report/thumbnail', '/api/photos/p-before/thumbnail'])
    expect(wrapper.find('[data-testid=work-site-map]').exists()).toBe(true)
  }, 30_000)

  it('says when there are no photos, and when there is no location', async () => {
    const item = workItem({ location: null })
    mockFetch({ '/api/config': { json: { basemaps: [], attribution: [], demo: false } }, [`/api/incidents/${item.code}/events`]: { json: { code: item.code, events: [ev(1, 'create', null)] } } })
    const { wrapper } = await mountApp(WorkSiteDetails, { props: { item } })
    for (let i = 0; i < 4; i++) await flush()
    expect(wrapper.find('[data-testid=work-site-no-photos]').text()).toBe('上报时没有现场照片')
    expect(wrapper.find('[data-testid=work-site-map]').exists()).toBe(false)
    expect(wrapper.text()).toContain('该案件没有位置')
  }, 30_000)
})
