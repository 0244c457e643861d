import { describe, expect, it } from 'vitest'
import { csrfHeaders } from './csrf.ts'

describe('csrfHeaders', () => {
  it('echoes the hj_csrf cookie', () => {
    expect(csrfHeaders('a=1; hj_csrf=tok%2Den; b=2')).toEqual({ 'X-CSRF-Token': 'tok-en' })
    expect(csrfHeaders('hj_csrf=x')).toEqual({ 'X-CSRF-Token': 'x' })
  })
  it('sends nothing without the cookie', () => {
    expect(csrfHeaders('other=1')).toEqual({})
    expect(csrfHeaders('')).toEqual({})
  })
})
