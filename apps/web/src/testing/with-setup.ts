import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'

/** Runs a composable inside a mounted component (for lifecycle hooks and inject), returning its result. */
export function withSetup<T>(fn: () => T, plugins: unknown[] = []) {
  let result!: T
  const wrapper = mount(
    defineComponent({
      setup() {
        result = fn()
        return () => h('div')
      },
    }),
    { global: { plugins: plugins as never[] }, attachTo: document.body },
  )
  return { result, wrapper }
}
