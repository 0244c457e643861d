import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useDispatchStore } from '../../stores/dispatch.ts'
import { detail } from '../../testing/incidents.ts'
import { flush, freshPinia, mockFetch, mountApp } from '../../testing/utils.ts'
import DeskActions from './DeskActions.vue'

beforeEach(() => freshPinia())
afterEach(() => {
  document.body.innerHTML = ''
})

const unit = { code: 'office_350303001', name: '涵东街道办事处' }

async function mountActions(d = detail()) {
  const store = useDispatchStore()
  store.detail = d
  store.selectedCode = d.code
  const { wrapper } = await mountApp(DeskActions, { props: { detail: d, unit, units: [] }, attachTo: document.body })
  return { wrapper, store }
}

describe('DeskActions', { timeout: 20_000 }, () => {
  it('offers what the state machine allows: dispatch (registering first), register, merge, reject', async () => {
    const { wrapper } = await mountActions()
    expect(wrapper.find('[data-testid=action-dispatch]').text()).toContain('派遣至 涵东街道办事处')
    for (const id of ['action-register', 'action-merge', 'action-reject', 'action-override']) expect(wrapper.find(`[data-testid=${id}]`).exists()).toBe(true)
    expect(wrapper.find('[data-testid=action-answer]').exists()).toBe(false)
  })

  it('checks required inputs before sending: a reason to reject, a primary code to merge', async () => {
    const { fn } = mockFetch({})
    const { wrapper } = await mountActions()
    await wrapper.find('[data-testid=action-reject]').trigger('click')
    await wrapper.find('[data-testid=reject-submit]').trigger('click')
    expect(wrapper.find('[data-testid=action-error]').text()).toBe('请填写作废理由')
    await wrapper.find('[data-testid=action-merge]').trigger('click')
    await wrapper.find('[data-testid=merge-code]').setValue('HJ20261126-0001')
    await wrapper.find('[data-testid=merge-submit]').trigger('click')
    expect(wrapper.find('[data-testid=action-error]').text()).toBe('不能合并到自身')
    expect(fn).not.toHaveBeenCalled()
  })

  it('dispatch registers a new report, then dispatches to the unit with the versions it got back', async () => {
    const bodies: { url: string; body: unknown }[] = []
    mockFetch({
      'POST /api/incidents/HJ20261126-0001/actions/register': (url, init) => {
        bodies.push({ url: url.pathname, body: JSON.parse(String(init!.body)) })
        return { json: detail({ state: 'registered', version: 2, allowedActions: ['dispatch'] }) }
      },
      '/api/incidents/HJ20261126-0001/actions/register': (url, init) => {
        bodies.push({ url: url.pathname, body: JSON.parse(String(init!.body)) })
        return { json: detail({ state: 'registered', version: 2, allowedActions: ['dispatch'] }) }
      },
      '/api/incidents/HJ20261126-0001/actions/dispatch': (url, init) => {
        bodies.push({ url: url.pathname, body: JSON.parse(String(init!.body)) })
        return { json: detail({ state: 'dispatched', version: 3, allowedActions: [] }) }
      },
      '/api/incidents/HJ20261126-0001/events': { json: { code: 'HJ20261126-0001', events: [] } },
    })
    const { wrapper, store } = await mountActions()
    await wrapper.find('[data-testid=action-dispatch]').trigger('click')
    for (let i = 0; i < 5; i++) await flush()
    expect(bodies).toEqual([
      { url: '/api/incidents/HJ20261126-0001/actions/register', body: { incidentType: 'complaint', version: 1 } },
      { url: '/api/incidents/HJ20261126-0001/actions/dispatch', body: { unitCode: 'office_350303001', version: 2 } },
    ])
    expect(store.detail?.state).toBe('dispatched')
    expect(wrapper.find('[data-testid=action-done]').text()).toContain('已派遣')
  })

  it('shows the server problem and reloads after a version conflict', async () => {
    let reloaded = 0
    mockFetch({
      '/api/incidents/HJ20261126-0001/actions/reject': {
        status: 409,
        json: { type: 'about:blank', title: 'Version conflict', status: 409, detail: 'The incident changed (version 2, you sent 1)' },
      },
      '/api/incidents/HJ20261126-0001/events': { json: { code: 'HJ20261126-0001', events: [] } },
      '/api/incidents/HJ20261126-0001': () => {
        reloaded++
        return { json: detail({ version: 2 }) }
      },
    })
    const { wrapper } = await mountActions()
    await wrapper.find('[data-testid=action-reject]').trigger('click')
    await wrapper.find('[data-testid=reject-reason]').setValue('重复')
    await wrapper.find('[data-testid=reject-submit]').trigger('click')
    for (let i = 0; i < 5; i++) await flush()
    expect(wrapper.find('[data-testid=action-error]').text()).toContain('version 2')
    expect(reloaded).toBe(1)
  })
})
