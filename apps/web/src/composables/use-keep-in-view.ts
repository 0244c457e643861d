import { nextTick, watch } from 'vue'

/**
 * Keeps the selected row of a list in view when the selection moves past the edge (j/k on the desk): after the
 * DOM updated, scrolls the element `selector(code)` finds as little as needed.
 */
export function useKeepInView(selected: () => string | null, selector: (code: string) => string): void {
  watch(selected, (code) =>
    void nextTick(() => {
      if (code) document.querySelector<HTMLElement>(selector(CSS.escape(code)))?.scrollIntoView?.({ block: 'nearest' })
    }),
  )
}
