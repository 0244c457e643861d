import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useDispatchStore } from '../../stores/dispatch.ts'
import { useUnitsStore } from '../../stores/units.ts'
import { detail } from '../../testing/incidents.ts'
import { flush, freshPinia, mockFetch, mountApp } from '../../testing/utils.ts'
import IncidentPanel from './IncidentPanel.vue'

beforeEach(() => freshPinia())
afterEach(() => {
  document.body.innerHTML = ''
})

const now = new Date('2026-11-26T01:00:00Z')
const street = { ...detail().assignment!, nearBoundary: { level: 'street' as const, neighbour: { code: '350303002000', name: '涵西街道' }, distanceM: 12.4 } }

async function mountPanel(d = detail(), routes: Parameters<typeof mockFetch>[0] = {}) {
  const fetched = mockFetch({
    '/api/incidents/similar': { json: { incidents: [{ code: 'HJ-OLD', fineClass: '020602', state: 'registered', distanceM: 42.3, createdAt: 'x', description: '同一处垃圾', photo: null, memberCount: 2, flagged: false }] } },
    '/api/knowledge': { json: { query: 'q', results: [{ id: 1, kind: 'qa', title: '垃圾清运时间', titleEn: 'Rubbish collection', body: '每日 6 时和 18 时清运', tags: [], unitCode: null, score: 3, matched: [] }] } },
    ...routes,
  })
  const store = useDispatchStore()
  store.selectedCode = d.code
  store.detail = d
  store.detailStatus = 'ready'
  useUnitsStore().items = [
    { code: 'office_350303001', name: '涵东街道办事处', nameEn: '', kind: 'street_office', parentCode: null, regionCode: '350303001000', active: true },
    { code: 'office_350303002', name: '涵西街道办事处', nameEn: '', kind: 'street_office', parentCode: null, regionCode: '350303002000', active: true },
  ]
  const { wrapper } = await mountApp(IncidentPanel, { props: { now }, attachTo: document.body })
  for (let i = 0; i < 3; i++) await flush()
  return { wrapper, store, fetched }
}

// The first mount pulls in the picker and the taxonomy: slow on a busy machine.
describe('IncidentPanel', { timeout: 20_000 }, () => {
  it('shows what was reported, the suggested unit with its explanation, and nearby similar incidents to merge into', async () => {
    const { wrapper } = await mountPanel()
    expect(wrapper.find('[data-testid=panel-description]').text()).toBe('垃圾堆积多日无人清运')
    expect(wrapper.find('[data-testid=suggested-unit]').text()).toBe('涵东街道办事处')
    expect(wrapper.findAll('[data-testid=explanation] li')).toHaveLength(3)
    expect(wrapper.find('[data-testid=similar]').text()).toContain('相距 42 米')
    expect(wrapper.find('[data-testid=knowledge]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=action-dispatch]').text()).toContain('派遣至 涵东街道办事处')
  })

  it('once dispatched, the block names the unit it went to and asks no side', async () => {
    const sent = detail({ state: 'dispatched', version: 3, unit: { code: 'office_350303002', name: '涵西街道办事处' }, assignment: street, allowedActions: [] })
    const { wrapper } = await mountPanel(sent, { '/api/incidents/HJ20261126-0001/events': { json: { code: sent.code, events: [] } } })
    expect(wrapper.find('[data-testid=dispatched-unit]').text()).toBe('涵西街道办事处')
    expect(wrapper.find('[data-testid=assignment]').text()).toContain('已派遣单位')
    expect(wrapper.find('[data-testid=assignment]').text()).not.toContain('建议派遣单位')
    expect(wrapper.find('[data-testid=suggested-unit]').text()).toBe('系统建议：涵东街道办事处')
    expect(wrapper.find('[data-testid=which-side]').exists()).toBe(false)
  })

  it('a due R10 callback shows its block; the dialog records it and the panel re-reads the incident', async () => {
    const urgent = detail({ state: 'dispatched', version: 4, track: 'urgent', type: 'urgent', unit: { code: 'transport', name: '区交通运输局' }, allowedActions: [] })
    const calls: string[] = []
    const { wrapper, store } = await mountPanel(urgent, {
      '/api/incidents/HJ20261126-0001/callback': (_url, init) => {
        calls.push(`${init?.method} ${String(init?.body)}`)
        return { json: { ...urgent, version: 5 } }
      },
      '/api/incidents/HJ20261126-0001/events': { json: { code: urgent.code, events: [] } },
      '/api/incidents/HJ20261126-0001': { json: { ...urgent, version: 5 } },
    })
    expect(wrapper.find('[data-testid=panel-callback]').exists()).toBe(false)
    store.events = [
      { id: 1, at: 'x', actor: 'dispatcher', actorRole: 'dispatcher', action: 'dispatch', from: 'registered', to: 'dispatched', note: null, photos: null, data: null },
      { id: 2, at: 'x', actor: 'timer-worker', actorRole: 'system', action: 'callbackDue', from: 'dispatched', to: 'dispatched', note: null, photos: null, data: { rule: 'R10' } },
    ]
    await flush()
    expect(wrapper.find('[data-testid=panel-callback]').text()).toContain('R10 回访')
    await wrapper.find('[data-testid=panel-callback-open]').trigger('click')
    await wrapper.find('[data-testid=callback-reached-no]').setValue(true)
    await wrapper.find('[data-testid=callback-submit]').trigger('click')
    for (let i = 0; i < 5; i++) await flush()
    expect(calls).toEqual(['POST {"version":4,"reached":false}'])
    expect(wrapper.find('[data-testid=work-dialog]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=panel-callback-done]').text()).toBe('回访已记录')
    expect(store.detail?.version).toBe(5)
  })

  it('near a street boundary asks which side, and the other side dispatches to the other office', async () => {
    const { wrapper } = await mountPanel(detail({ assignment: street }))
    const side = wrapper.find('[data-testid=which-side]')
    expect(side.text()).toContain('涵西街道：涵西街道办事处')
    await wrapper.find('[data-testid=side-neighbour]').setValue(true)
    expect(wrapper.find('[data-testid=action-dispatch]').text()).toContain('派遣至 涵西街道办事处')
  })

  it('offers knowledge-base answers for a consultation; "use as answer" fills the answer form', async () => {
    const { wrapper } = await mountPanel(detail({ requestType: 'consultation', type: 'consultation', allowedActions: ['register', 'reject', 'merge'] }))
    expect(wrapper.find('[data-testid=knowledge]').text()).toContain('垃圾清运时间')
    await wrapper.find('[data-testid=knowledge] button').trigger('click')
    await flush()
    expect((wrapper.find('[data-testid=answer-text]').element as HTMLTextAreaElement).value).toBe('每日 6 时和 18 时清运')
  })

  it('a new fine class is stored with the version seen, and the recomputed suggestion replaces the old one', async () => {
    const sent: unknown[] = []
    const after = detail({ version: 2, fineClass: { code: '010501', name: '道路破损坑洼', subclass: null }, suggestedUnit: { code: 'transport', name: '区交通运输局' } })
    after.assignment = { ...after.assignment!, unit: { code: 'transport', name: '区交通运输局' }, rule: 'fine_class' }
    const { wrapper, store } = await mountPanel(detail(), {
      '/api/incidents/HJ20261126-0001/classification': (_u, init) => {
        sent.push(JSON.parse(String(init!.body)))
        return { json: after }
      },
      '/api/incidents/HJ20261126-0001/events': { json: { code: 'HJ20261126-0001', events: [] } },
    })
    const input = wrapper.find('[data-testid=fine-class-input]')
    await input.setValue('010501')
    await input.trigger('keydown', { key: 'Enter' })
    for (let i = 0; i < 4; i++) await flush()
    expect(sent).toEqual([{ version: 1, fineClass: '010501' }])
    expect(store.detail?.version).toBe(2)
    expect(wrapper.find('[data-testid=suggested-unit]').text()).toBe('区交通运输局')
    expect(wrapper.find('[data-testid=assignment]').text()).toContain('按新分类重新计算')
  })
})
