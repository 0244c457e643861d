import type { EditorMode } from '../stores/region-editor.ts'

export type EditorKeyAction =
  | { kind: 'mode'; mode: EditorMode }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'cancel' }
  | { kind: 'retire' }
  | { kind: 'help' }

/** The editor's shortcuts, as shown in its help popover (key labels, action). */
export const EDITOR_SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'V', action: 'select' },
  { keys: 'P', action: 'draw' },
  { keys: 'E', action: 'edit' },
  { keys: 'S', action: 'split' },
  { keys: 'M', action: 'merge' },
  { keys: 'H', action: 'hole' },
  { keys: 'Ctrl+Z', action: 'undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', action: 'redo' },
  { keys: 'Enter', action: 'finish' },
  { keys: 'Esc', action: 'cancel' },
  { keys: 'Delete', action: 'retire' },
  { keys: '?', action: 'help' },
]

const MODE_KEYS: Record<string, EditorMode> = { v: 'select', p: 'draw', e: 'edit', s: 'split', m: 'merge', h: 'hole' }

const NOT_TYPING = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'])

export interface KeyLike {
  key: string
  ctrlKey?: boolean
  metaKey?: boolean
  shiftKey?: boolean
  altKey?: boolean
  /** The focused element's tag and, for an input, its type: typing in a field is never a shortcut. */
  targetTag?: string
  targetType?: string
  targetEditable?: boolean
}

/** What a key press means in the editor, or null (typing in a field, or an unbound key). */
export function editorKeyAction(e: KeyLike): EditorKeyAction | null {
  const tag = (e.targetTag ?? '').toUpperCase()
  // A checkbox or button just clicked keeps the focus: the shortcuts must still work there.
  const typing = tag === 'INPUT' && !NOT_TYPING.has((e.targetType ?? 'text').toLowerCase())
  if (e.targetEditable || typing || tag === 'TEXTAREA' || tag === 'SELECT') return null
  const k = e.key.toLowerCase()
  const mod = e.ctrlKey || e.metaKey
  if (mod && k === 'z') return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' }
  if (mod && k === 'y') return { kind: 'redo' }
  if (mod || e.altKey) return null
  if (e.key === 'Escape') return { kind: 'cancel' }
  if (e.key === 'Delete') return { kind: 'retire' }
  if (e.key === '?') return { kind: 'help' }
  const mode = MODE_KEYS[k]
  return mode ? { kind: 'mode', mode } : null
}
