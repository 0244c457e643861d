import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { freshPinia, mountApp } from '../testing/utils.ts'
import FineClassPicker from './FineClassPicker.vue'

beforeEach(() => freshPinia())
afterEach(() => {
  document.body.innerHTML = ''
})

async function mountPicker(initial: string | null = null, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const value = ref<string | null>(initial)
  const Host = defineComponent({
    setup: () => () =>
      h(FineClassPicker, { modelValue: value.value, inputId: 'fc', 'onUpdate:modelValue': (v: string | null) => (value.value = v) }),
  })
  const { wrapper } = await mountApp(Host, { locale, attachTo: document.body })
  const input = wrapper.find<HTMLInputElement>('input[role=combobox]')
  const list = () => wrapper.find('[role=listbox]')
  const options = () => wrapper.findAll('[role=option]')
  const active = () => wrapper.find('[role=option].is-active')
  const key = (k: string) => input.trigger('keydown', { key: k })
  return { wrapper, input, list, options, active, key, value }
}

describe('FineClassPicker', () => {
  it('is an ARIA combobox showing the chosen class and its path', async () => {
    const { input, list, wrapper } = await mountPicker('010501')
    expect(input.attributes('aria-expanded')).toBe('false')
    expect(input.attributes('aria-controls')).toBe(list().attributes('id'))
    expect(input.element.value).toBe('010501 道路破损坑洼')
    expect(wrapper.find('.fc-path').text()).toContain('01 公用设施维护 › 0105 道路交通设施')
  })

  it('opens with ↓ on the chosen option, lists all 94 classes grouped by class › subclass, and "no class" first', async () => {
    const { input, list, options, active, key } = await mountPicker('010501')
    await key('ArrowDown')
    expect(input.attributes('aria-expanded')).toBe('true')
    expect(list().isVisible()).toBe(true)
    expect(options()).toHaveLength(95)
    expect(options()[0]!.text()).toContain('不指定细类')
    expect(active().attributes('data-code')).toBe('010501')
    expect(input.attributes('aria-activedescendant')).toBe(active().attributes('id'))
    expect(active().attributes('aria-selected')).toBe('true')
    const groups = list().findAll('[role=group]')
    expect(groups).toHaveLength(17)
    // Each group is labelled with its class and subclass.
    const labelId = groups[0]!.attributes('aria-labelledby')!
    expect(list().find(`[id="${labelId}"]`).text()).toContain('0101')
  })

  it('filters by typing (code, Chinese or English) and picks with Enter', async () => {
    const { input, options, key, value } = await mountPicker(null)
    await input.setValue('坑洼')
    expect(options().map((o) => o.attributes('data-code'))).toEqual(['010501'])
    await key('Enter')
    expect(value.value).toBe('010501')
    expect(input.element.value).toBe('010501 道路破损坑洼')
    expect(input.attributes('aria-expanded')).toBe('false')

    await input.setValue('0206')
    expect(options().every((o) => o.attributes('data-code')!.startsWith('0206'))).toBe(true)
    await key('ArrowDown')
    await key('Enter')
    expect(value.value).toBe('020602')
  })

  it('says when nothing matches', async () => {
    const { input, options, wrapper } = await mountPicker(null)
    await input.setValue('没有这种问题')
    expect(options()).toHaveLength(0)
    expect(wrapper.find('.fc-empty').text()).toBe('没有与“没有这种问题”匹配的细类')
  })

  it('Esc closes the list, restores the chosen label and stops the page from seeing the key', async () => {
    const { input, key, value } = await mountPicker('020602')
    await input.setValue('路灯')
    const e = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })
    input.element.dispatchEvent(e)
    await nextTick()
    expect(e.defaultPrevented).toBe(true)
    expect(input.attributes('aria-expanded')).toBe('false')
    expect(input.element.value).toBe('020602 积存垃圾渣土')
    expect(value.value).toBe('020602')
    // With the list closed, Esc is the page's (leave probe mode).
    const again = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })
    input.element.dispatchEvent(again)
    expect(again.defaultPrevented).toBe(false)
    await key('ArrowUp')
    expect(input.attributes('aria-expanded')).toBe('true')
  })

  it('picks "no class" and options by mouse', async () => {
    const { input, options, value, key } = await mountPicker('010501')
    await key('ArrowDown')
    await options()[0]!.trigger('click')
    expect(value.value).toBeNull()
    expect(input.element.value).toBe('')
    await input.trigger('click')
    await options()[3]!.trigger('click')
    expect(value.value).toBe('010103')
  })

  it('shows English names in English, with the Chinese name beside', async () => {
    const { input, options, key } = await mountPicker('010501', 'en')
    expect(input.element.value).toBe('010501 Damaged or potholed road')
    await key('ArrowDown')
    const opt = options().find((o) => o.attributes('data-code') === '010501')!
    expect(opt.text()).toContain('Damaged or potholed road')
    expect(opt.text()).toContain('道路破损坑洼')
  })
})
