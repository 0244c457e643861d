import { describe, expect, it } from 'vitest'
import { decideRating, isRating } from './rating.ts'

describe('decideRating', () => {
  it('only closed incidents are rated', () => {
    expect(decideRating('resolved', 'satisfied', false)).toEqual({ ok: false, code: 'not_closed' })
    expect(decideRating('accepted', 'not_satisfied', false)).toEqual({ ok: false, code: 'not_closed' })
  })
  it('once per closing', () => {
    expect(decideRating('closed', 'satisfied', true)).toEqual({ ok: false, code: 'already_rated' })
  })
  it('"not satisfied" reopens, the others do not', () => {
    expect(decideRating('closed', 'not_satisfied', false)).toEqual({ ok: true, reopen: true })
    expect(decideRating('closed', 'basically_satisfied', false)).toEqual({ ok: true, reopen: false })
    expect(decideRating('closed', 'satisfied', false)).toEqual({ ok: true, reopen: false })
  })
  it('knows its values', () => {
    expect(isRating('satisfied')).toBe(true)
    expect(isRating('meh')).toBe(false)
  })
})
