import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/client.ts'
import { useNoticesStore } from '../stores/notices.ts'
import { freshPinia, mountApp } from '../testing/utils.ts'
import ErrorBanner from './ErrorBanner.vue'

beforeEach(() => freshPinia())

describe('ErrorBanner', () => {
  it('is absent without notices', async () => {
    const { wrapper } = await mountApp(ErrorBanner)
    expect(wrapper.find('[role=alert]').exists()).toBe(false)
  })

  it('says what failed and why, with field errors and the problem code', async () => {
    const notices = useNoticesStore()
    notices.push({
      id: 'layer:grid',
      context: 'errors.context.layer.grid',
      error: new ApiError('problem', 'x', 400, '/api/regions', {
        title: 'Invalid request',
        status: 400,
        detail: 'The query is not valid.',
        code: 'validation_failed',
        errors: [{ path: 'level', message: 'must be one of district, street, community, grid' }],
      }),
    })
    const { wrapper } = await mountApp(ErrorBanner)
    const alert = wrapper.find('[role=alert]')
    expect(alert.text()).toContain('网格图层加载失败')
    expect(alert.text()).toContain('The query is not valid.')
    expect(alert.text()).toContain('level: must be one of district, street, community, grid')
    expect(alert.text()).toContain('validation_failed')
  })

  it('retries and dismisses', async () => {
    const notices = useNoticesStore()
    const retry = vi.fn()
    notices.push({ id: 'config', context: 'errors.context.config', error: new ApiError('network', 'x', 0, '/api/config'), retry })
    const { wrapper } = await mountApp(ErrorBanner)
    expect(wrapper.text()).toContain('无法连接服务器')
    await wrapper.findAll('button')[0]!.trigger('click')
    expect(retry).toHaveBeenCalled()
    expect(notices.notices).toHaveLength(0)
    notices.push({ id: 'x', context: 'errors.context.map', error: new Error('boom') })
    await wrapper.vm.$nextTick()
    await wrapper.find('button[aria-label="关闭提示"]').trigger('click')
    expect(notices.notices).toHaveLength(0)
  })
})
