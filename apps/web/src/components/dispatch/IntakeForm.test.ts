import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, shallowRef } from 'vue'
import { flush, freshPinia, mockFetch, mountApp } from '../../testing/utils.ts'
import { detail } from '../../testing/incidents.ts'
import IntakeForm from './IntakeForm.vue'
import type { IntakeLocation } from './intake-form.ts'

beforeEach(() => freshPinia())
afterEach(() => {
  document.body.innerHTML = ''
})

const preview = {
  type: 'complaint',
  start: '2026-11-26T09:00:00.000+08:00',
  deadlines: [{ kind: 'resolveBy', rule: 'R1', dueAt: '2026-12-01T17:30:00.000+08:00' }],
}

async function mountForm(routes: Parameters<typeof mockFetch>[0] = {}, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const fetched = mockFetch({ '/api/deadlines/preview': { json: preview }, ...routes })
  const location = shallowRef<IntakeLocation | null>(null)
  const created: unknown[] = []
  const Host = defineComponent({
    setup: () => () =>
      h(IntakeForm, {
        location: location.value,
        'onUpdate:location': (v: IntakeLocation | null) => (location.value = v),
        onCreated: (d: unknown) => created.push(d),
      }),
  })
  const { wrapper } = await mountApp(Host, { locale, attachTo: document.body })
  await flush()
  return { wrapper, location, created, fetched }
}

// The first mount pulls in the picker and the taxonomy: slow on a busy machine.
describe('IntakeForm', { timeout: 20_000 }, () => {
  it('shows the deadline preview for the chosen type', async () => {
    const { wrapper, fetched } = await mountForm()
    expect(fetched.calls).toContain('/api/deadlines/preview?type=complaint')
    expect(wrapper.find('[data-testid=deadline-preview]').text()).toContain('办结时限')
    expect(wrapper.find('[data-testid=deadline-preview]').text()).toContain('2026/12/01 17:30')
    await wrapper.find('[data-testid=intake-track-urgent]').setValue(true)
    await flush()
    expect(fetched.calls).toContain('/api/deadlines/preview?type=urgent')
  })

  it('shows clear errors and sends nothing while the form is incomplete', async () => {
    const { wrapper, fetched } = await mountForm()
    await wrapper.find('[data-testid=intake-phone]').setValue('abc')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.find('[data-testid=intake-description-error]').text()).toBe('请填写反映内容')
    expect(wrapper.find('[data-testid=intake-phone-error]').text()).toBe('联系电话格式不正确')
    expect(fetched.calls.some((c) => c.startsWith('/api/incidents'))).toBe(false)
  })

  it('takes typed GCJ-02 coordinates and submits once per call with its client id as the Idempotency-Key', async () => {
    const sent: { headers: Record<string, string>; body: any }[] = []
    const { wrapper, location, created } = await mountForm({
      'POST /api/incidents': (_u, init) => {
        sent.push({ headers: init!.headers as Record<string, string>, body: JSON.parse(String(init!.body)) })
        return { status: 201, json: detail() }
      },
      '/api/incidents': (_u, init) => {
        sent.push({ headers: init!.headers as Record<string, string>, body: JSON.parse(String(init!.body)) })
        return { status: 201, json: detail() }
      },
    })
    await wrapper.find('[data-testid=intake-crs]').setValue('gcj02')
    await wrapper.find('[data-testid=intake-lng]').setValue('119.1221')
    await wrapper.find('[data-testid=intake-lat]').setValue('abc')
    await wrapper.find('[data-testid=intake-use-coords]').trigger('click')
    expect(wrapper.text()).toContain('纬度应为 3 到 54 之间的数字')
    await wrapper.find('[data-testid=intake-lat]').setValue('25.4592')
    await wrapper.find('[data-testid=intake-use-coords]').trigger('click')
    expect(location.value).toEqual({ lng: 119.1221, lat: 25.4592, crs: 'gcj02', via: 'typed' })
    await wrapper.find('[data-testid=intake-description]').setValue('路灯不亮')
    await wrapper.find('form').trigger('submit')
    for (let i = 0; i < 4; i++) await flush()
    expect(sent).toHaveLength(1)
    expect(sent[0]!.body).toMatchObject({ description: '路灯不亮', location: { lng: 119.1221, lat: 25.4592, crs: 'gcj02' } })
    expect(sent[0]!.headers['Idempotency-Key']).toBe(sent[0]!.body.clientId)
    expect(created).toHaveLength(1)
    // The form is clear for the next call, with a new client id.
    expect((wrapper.find('[data-testid=intake-description]').element as HTMLTextAreaElement).value).toBe('')
    expect(location.value).toBeNull()
  })

  it('shows the server problem with its field errors', async () => {
    const { wrapper } = await mountForm({
      '/api/incidents': {
        status: 422,
        json: { type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'The location is invalid', errors: [{ path: 'location', message: 'outside China' }] },
      },
    })
    await wrapper.find('[data-testid=intake-description]').setValue('x')
    await wrapper.find('form').trigger('submit')
    for (let i = 0; i < 4; i++) await flush()
    expect(wrapper.find('[data-testid=intake-error]').text()).toContain('The location is invalid')
    expect(wrapper.find('[data-testid=intake-error]').text()).toContain('location: outside China')
  })
})
