import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { usePasswordRules } from './use-password-rules.ts'

describe('usePasswordRules', () => {
  it('marks each rule as the password is typed, with the shared rules', () => {
    const password = ref('')
    const current = ref('Old-Password-1')
    const confirm = ref('')
    const { rules, ok } = usePasswordRules(password, { username: ref('dispatcher'), current, confirm })
    const state = () => Object.fromEntries(rules.value.map((r) => [r.key, r.met]))
    expect(rules.value.map((r) => r.key)).toEqual(['length', 'kinds', 'username', 'common', 'unchanged', 'match'])
    expect(Object.values(state()).every((m) => m === false)).toBe(true)

    password.value = 'abc'
    expect(state()).toMatchObject({ length: false, kinds: false, username: true, common: true })
    password.value = 'dispatcher-2026-X'
    expect(state()).toMatchObject({ length: true, kinds: true, username: false })
    password.value = 'hanjiang-demo'
    expect(state().common).toBe(false)
    password.value = 'Old-Password-1'
    expect(state().unchanged).toBe(false)
    password.value = 'Harbour-Lights-7'
    expect(ok.value).toBe(false)
    confirm.value = 'Harbour-Lights-7'
    expect(ok.value).toBe(true)
    expect(rules.value.find((r) => r.key === 'length')!.params).toEqual({ min: 10 })
  })

  it('leaves out "differs from the current" and "typed twice" when not asked', () => {
    const { rules } = usePasswordRules(ref('x'), { username: ref(undefined) })
    expect(rules.value.map((r) => r.key)).toEqual(['length', 'kinds', 'username', 'common'])
  })
})
