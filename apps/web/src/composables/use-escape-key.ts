import { onBeforeUnmount, onMounted, toValue, type MaybeRefOrGetter } from 'vue'

/**
 * Calls `handler` when Esc is pressed anywhere on the page while `enabled` is true. Ignores presses that another
 * handler already consumed and those that end an IME composition (Chinese input: Esc cancels the candidate list).
 */
export function useEscapeKey(handler: (e: KeyboardEvent) => void, enabled: MaybeRefOrGetter<boolean> = true): void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' && e.key !== 'Esc') return
    if (e.defaultPrevented || e.isComposing || !toValue(enabled)) return
    handler(e)
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
