import { describe, expect, it } from 'vitest'
import { deskKeyAction, isTyping } from './use-desk-keys.ts'

const el = (tag: string) => document.createElement(tag)
const key = (k: string, target: EventTarget | null = document.body, mods: Partial<KeyboardEvent> = {}) =>
  deskKeyAction({ key: k, ctrlKey: false, metaKey: false, altKey: false, target, ...mods })

describe('desk shortcuts', () => {
  it('map j/k/Enter/d/n/?/Esc to the common path', () => {
    expect(['j', 'k', 'Enter', 'd', 'n', '?', 'Escape'].map((k) => key(k))).toEqual([
      'next',
      'previous',
      'open',
      'dispatch',
      'newCall',
      'help',
      'close',
    ])
    expect(key('x')).toBeNull()
  })

  it('never fire while typing, with modifiers, or for Enter on a button', () => {
    for (const tag of ['input', 'textarea', 'select']) {
      expect(isTyping(el(tag))).toBe(true)
      expect(key('d', el(tag))).toBeNull()
    }
    expect(key('d', document.body, { ctrlKey: true })).toBeNull()
    expect(key('Enter', el('button'))).toBeNull()
    // Esc still closes from a field.
    expect(key('Escape', el('input'))).toBe('close')
  })
})
