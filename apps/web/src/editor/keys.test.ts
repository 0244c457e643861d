import { describe, expect, it } from 'vitest'
import { editorKeyAction } from './keys.ts'

describe('editorKeyAction', () => {
  it('maps letters to tools and the usual undo/redo chords', () => {
    expect(editorKeyAction({ key: 'p' })).toEqual({ kind: 'mode', mode: 'draw' })
    expect(editorKeyAction({ key: 'S' })).toEqual({ kind: 'mode', mode: 'split' })
    expect(editorKeyAction({ key: 'z', ctrlKey: true })).toEqual({ kind: 'undo' })
    expect(editorKeyAction({ key: 'Z', metaKey: true, shiftKey: true })).toEqual({ kind: 'redo' })
    expect(editorKeyAction({ key: 'y', ctrlKey: true })).toEqual({ kind: 'redo' })
    expect(editorKeyAction({ key: 'Escape' })).toEqual({ kind: 'cancel' })
    expect(editorKeyAction({ key: 'Delete' })).toEqual({ kind: 'retire' })
    expect(editorKeyAction({ key: '?' })).toEqual({ kind: 'help' })
  })
  it('ignores typing in fields, other chords and unbound keys', () => {
    expect(editorKeyAction({ key: 'p', targetTag: 'input' })).toBeNull()
    expect(editorKeyAction({ key: 'z', ctrlKey: true, targetTag: 'TEXTAREA' })).toBeNull()
    expect(editorKeyAction({ key: 'p', targetEditable: true })).toBeNull()
    expect(editorKeyAction({ key: 'p', ctrlKey: true })).toBeNull()
    expect(editorKeyAction({ key: 'q' })).toBeNull()
  })
  it('still works with a checkbox or button focused', () => {
    expect(editorKeyAction({ key: 'e', targetTag: 'INPUT', targetType: 'checkbox' })).toEqual({ kind: 'mode', mode: 'edit' })
    expect(editorKeyAction({ key: 'z', ctrlKey: true, targetTag: 'BUTTON' })).toEqual({ kind: 'undo' })
    expect(editorKeyAction({ key: 'e', targetTag: 'INPUT', targetType: 'search' })).toBeNull()
  })
})
