import { describe, expect, it } from 'vitest'
import { levelOfCode, nextChildCode } from './codes.ts'

describe('nextChildCode', () => {
  it('continues after the highest code ever used under the parent', () => {
    expect(nextChildCode('350303001001', 'grid', '350303001001007', new Set())).toBe('350303001001008')
    expect(nextChildCode('350303001001', 'grid', null, new Set())).toBe('350303001001001')
  })
  it('skips codes handed out earlier in the same batch, and only those under this parent', () => {
    const taken = new Set(['350303001001008', '350303001001009', '350303001002050'])
    expect(nextChildCode('350303001001', 'grid', '350303001001007', taken)).toBe('350303001001010')
  })
  it('numbers communities and streets in their own digits', () => {
    expect(nextChildCode('350303001000', 'community', '350303001012', new Set())).toBe('350303001013')
    expect(nextChildCode('350303000000', 'street', '350303004000', new Set())).toBe('350303005000')
    expect(levelOfCode(nextChildCode('350303000000', 'street', null, new Set())!)).toBe('street')
  })
  it('answers null when the 999 sequences are used up', () => {
    expect(nextChildCode('350303001001', 'grid', '350303001001999', new Set())).toBeNull()
  })
})
