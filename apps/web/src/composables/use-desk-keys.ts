import { onBeforeUnmount, onMounted } from 'vue'

export interface DeskKeyHandlers {
  next(): void
  previous(): void
  open(): void
  dispatch(): void
  newCall(): void
  help(): void
  close(): void
}

/** The keys of the desk's common path, as the help dialog lists them. */
export const DESK_KEYS = [
  { key: 'j', action: 'next' },
  { key: 'k', action: 'previous' },
  { key: 'Enter', action: 'open' },
  { key: 'd', action: 'dispatch' },
  { key: 'n', action: 'newCall' },
  { key: '?', action: 'help' },
  { key: 'Esc', action: 'close' },
] as const

/** Typing in a field (or a picker's list) never triggers a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.tagName) return false
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)
}

/** The mapping from a key event to a handler name, or null (pure, for tests). */
export function deskKeyAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): keyof DeskKeyHandlers | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null
  if (e.key === 'Escape') return 'close'
  if (isTyping(e.target)) return null
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      return 'next'
    case 'k':
    case 'ArrowUp':
      return 'previous'
    case 'Enter':
      // Enter on a button or link keeps its own meaning.
      return (e.target as HTMLElement | null)?.closest?.('button, a, summary') ? null : 'open'
    case 'd':
      return 'dispatch'
    case 'n':
      return 'newCall'
    case '?':
      return 'help'
    default:
      return null
  }
}

/** Binds the desk's keyboard shortcuts on the document while the page is mounted. */
export function useDeskKeys(handlers: DeskKeyHandlers): void {
  function onKey(e: KeyboardEvent): void {
    const action = deskKeyAction(e)
    if (!action) return
    // Arrow keys scroll the page or move a map otherwise: only take them over when the focus is on the queue.
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !(e.target as HTMLElement | null)?.closest?.('[data-testid=queue]')) return
    e.preventDefault()
    handlers[action]()
  }
  onMounted(() => document.addEventListener('keydown', onKey))
  onBeforeUnmount(() => document.removeEventListener('keydown', onKey))
}
