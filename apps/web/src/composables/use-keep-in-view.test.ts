import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import { withSetup } from '../testing/with-setup.ts'
import { useKeepInView } from './use-keep-in-view.ts'

afterEach(() => {
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

describe('useKeepInView', () => {
  it('scrolls the newly selected row into view, nearest edge; nothing when the selection is cleared', async () => {
    // jsdom has no CSS.escape (browsers do): enough of it for quotes and backslashes.
    vi.stubGlobal('CSS', { escape: (v: string) => v.replace(/["\\]/g, '\\$&') })
    const selected = ref<string | null>(null)
    withSetup(() => useKeepInView(() => selected.value, (code) => `[data-code="${code}"]`))
    // After mounting (mounting into the body replaces what is there).
    const list = document.createElement('ol')
    list.innerHTML = '<li data-code="A"></li><li data-code="B&quot;1"></li>'
    document.body.append(list)
    const spies = [...list.querySelectorAll('li')].map((r) => (r.scrollIntoView = vi.fn()))
    selected.value = 'B"1' // quoted: the code is CSS-escaped into the selector
    await nextTick()
    await nextTick()
    expect(spies[1]).toHaveBeenCalledWith({ block: 'nearest' })
    selected.value = null
    await nextTick()
    await nextTick()
    expect(spies[0]).not.toHaveBeenCalled()
  })
})
