import { describe, expect, it } from 'vitest'
import { passwordIssues } from './password-rules.ts'

const codes = (pw: string, ctx = {}) => passwordIssues(pw, ctx).map((i) => i.code)

describe('password rules', () => {
  it('accepts a long password with three kinds of characters', () => {
    expect(codes('Harbour-lights-42')).toEqual([])
    expect(codes('涵江区Hanjiang2026')).toEqual([])
  })
  it('refuses short, simple, name-containing, well-known and unchanged passwords', () => {
    expect(codes('Ab1!')).toContain('too_short')
    expect(codes('alllowercaseletters')).toContain('too_simple')
    expect(codes('Wangmin-2026!', { username: 'wangmin' })).toContain('contains_username')
    expect(codes('P@ssw0rd12')).toContain('common')
    expect(codes('Harbour-lights-42', { current: 'Harbour-lights-42' })).toContain('unchanged')
    expect(codes('x'.repeat(129) + 'A1')).toContain('too_long')
  })
})
