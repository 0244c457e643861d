import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/client.ts'
import type { CallbackInput, IncidentDetail, IncidentEndpoints } from '../../api/incidents.ts'
import { detail } from '../../testing/incidents.ts'
import { freshPinia, mountApp } from '../../testing/utils.ts'
import CallbackDialog from './CallbackDialog.vue'

beforeEach(() => freshPinia())
afterEach(() => {
  document.body.innerHTML = ''
})

const closed = detail({ state: 'closed', version: 9, allowedActions: ['reopen'] })
const urgent = detail({ state: 'dispatched', version: 4, track: 'urgent', type: 'urgent', allowedActions: [] })

function endpoints(answer: (body: CallbackInput) => IncidentDetail | Promise<IncidentDetail>) {
  const callback = vi.fn(async (_code: string, body: CallbackInput) => answer(body))
  return { callback, endpoints: { callback } as unknown as IncidentEndpoints }
}

describe('CallbackDialog (回访)', { timeout: 30_000 }, () => {
  it('closed: satisfaction is required; "not satisfied" reopens by default, with the note as reason', async () => {
    const { callback, endpoints: ep } = endpoints((b) => ({ ...closed, state: 'registered', version: 11, satisfaction: b.satisfaction ?? null }))
    const { wrapper } = await mountApp(CallbackDialog, { props: { detail: closed, task: { possible: true, due: true, kind: 'satisfaction' }, endpoints: ep } })
    expect(wrapper.find('[data-testid=callback-purpose]').text()).toContain('结案回访')
    expect(wrapper.find('[data-testid=callback-purpose]').text()).toContain('待回访')
    expect(wrapper.text()).toContain('反映人：李* · 138****5678')

    await wrapper.find('[data-testid=callback-submit]').trigger('click')
    expect(wrapper.find('[role=alert]').text()).toBe('请选择反映人对办理结果的满意程度')
    expect(callback).not.toHaveBeenCalled()

    expect(wrapper.find('[data-testid=callback-reopen]').exists()).toBe(false)
    await wrapper.find('[data-testid=callback-not_satisfied]').setValue(true)
    const reopen = wrapper.find<HTMLInputElement>('[data-testid=callback-reopen]')
    expect(reopen.element.checked).toBe(true)
    expect(wrapper.find('[data-testid=callback-submit]').text()).toBe('记录并重新办理')
    await wrapper.find('[data-testid=callback-note]').setValue('  垃圾又堆起来了 ')
    await wrapper.find('[data-testid=callback-submit]').trigger('click')
    await flushPromises()
    expect(callback).toHaveBeenCalledWith(closed.code, { version: 9, reached: true, satisfaction: 'not_satisfied', note: '垃圾又堆起来了', reopen: true })
    const [next, message] = wrapper.emitted('done')![0] as [IncidentDetail, string]
    expect(next.state).toBe('registered')
    expect(message).toBe('回访已记录，诉求件已重新办理')
  })

  it('closed: "not satisfied" may be recorded only; satisfied never reopens', async () => {
    const { callback, endpoints: ep } = endpoints(() => closed)
    const { wrapper } = await mountApp(CallbackDialog, { props: { detail: closed, task: { possible: true, due: false, kind: 'satisfaction' }, endpoints: ep } })
    await wrapper.find('[data-testid=callback-not_satisfied]').setValue(true)
    await wrapper.find('[data-testid=callback-reopen]').setValue(false)
    expect(wrapper.text()).toContain('只记录回访结果')
    expect(wrapper.find('[data-testid=callback-submit]').text()).toBe('记录回访')
    await wrapper.find('[data-testid=callback-submit]').trigger('click')
    await flushPromises()
    expect(callback).toHaveBeenLastCalledWith(closed.code, { version: 9, reached: true, satisfaction: 'not_satisfied' })
    expect(wrapper.emitted('done')![0]![1]).toBe('回访已记录')

    await wrapper.find('[data-testid=callback-satisfied]').setValue(true)
    expect(wrapper.find('[data-testid=callback-reopen]').exists()).toBe(false)
    await wrapper.find('[data-testid=callback-submit]').trigger('click')
    await flushPromises()
    expect(callback).toHaveBeenLastCalledWith(closed.code, { version: 9, reached: true, satisfaction: 'satisfied' })
  })

  it('a reporter not reached: no satisfaction asked, nothing reopened', async () => {
    const { callback, endpoints: ep } = endpoints(() => closed)
    const { wrapper } = await mountApp(CallbackDialog, { props: { detail: closed, task: { possible: true, due: true, kind: 'satisfaction' }, endpoints: ep } })
    await wrapper.find('[data-testid=callback-not_satisfied]').setValue(true)
    await wrapper.find('[data-testid=callback-reached-no]').setValue(true)
    expect(wrapper.find('[data-testid=callback-not_satisfied]').exists()).toBe(false)
    await wrapper.find('[data-testid=callback-note]').setValue('无人接听')
    await wrapper.find('[data-testid=callback-submit]').trigger('click')
    await flushPromises()
    expect(callback).toHaveBeenCalledWith(closed.code, { version: 9, reached: false, note: '无人接听' })
  })

  it('R10 on an urgent incident in the unit\'s hands: reached or not and a note, in English too', async () => {
    const { callback, endpoints: ep } = endpoints(() => urgent)
    const { wrapper } = await mountApp(CallbackDialog, {
      locale: 'en',
      props: { detail: urgent, task: { possible: true, due: true, kind: 'r10' }, endpoints: ep },
    })
    expect(wrapper.find('[data-testid=callback-purpose]').text()).toContain('R10 callback')
    expect(wrapper.find('[data-testid=callback-satisfied]').exists()).toBe(false)
    await wrapper.find('[data-testid=callback-note]').setValue('Unit not there yet')
    await wrapper.find('[data-testid=callback-submit]').trigger('click')
    await flushPromises()
    expect(callback).toHaveBeenCalledWith(urgent.code, { version: 4, reached: true, note: 'Unit not there yet' })
    expect(wrapper.emitted('done')![0]![1]).toBe('Callback recorded')
  })

  it('shows the server\'s problem and stays open (e.g. someone else changed it first)', async () => {
    const { endpoints: ep } = endpoints(() => {
      throw new ApiError('problem', 'Incident was changed by someone else (version 10)', 409, '/api/incidents/x/callback', {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'Incident was changed by someone else (version 10)',
      })
    })
    const { wrapper } = await mountApp(CallbackDialog, { props: { detail: urgent, task: { possible: true, due: true, kind: 'r10' }, endpoints: ep } })
    await wrapper.find('[data-testid=callback-submit]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[role=alert]').text()).toContain('version 10')
    expect(wrapper.emitted('done')).toBeUndefined()
    await wrapper.find('[data-testid=dialog-cancel]').trigger('click')
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})
