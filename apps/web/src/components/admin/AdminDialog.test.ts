import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { mountApp } from '../../testing/utils.ts'
import AdminDialog from './AdminDialog.vue'

describe('AdminDialog', () => {
  it('is a labelled modal that takes focus and closes on Esc or the backdrop', async () => {
    const { wrapper } = await mountApp(AdminDialog, {
      path: '/forbidden',
      props: { title: '新建用户' },
      slots: { default: () => h('input', { 'data-testid': 'first' }) },
      attachTo: document.body,
    })
    await new Promise((r) => setTimeout(r, 0))
    const dialog = wrapper.find('[role=dialog]')
    expect(dialog.attributes('aria-modal')).toBe('true')
    expect(document.getElementById(dialog.attributes('aria-labelledby')!)!.textContent).toBe('新建用户')
    expect(document.activeElement).toBe(wrapper.find('[data-testid=first]').element)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    await wrapper.find('.backdrop').trigger('mousedown')
    expect(wrapper.emitted('close')).toHaveLength(2)
    wrapper.unmount()
  })
})
