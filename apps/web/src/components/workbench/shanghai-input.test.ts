import { describe, expect, it } from 'vitest'
import { shanghaiInputValue } from './shanghai-input.ts'

describe('shanghaiInputValue', () => {
  it('shows the instant in Shanghai wall time', () => {
    expect(shanghaiInputValue(new Date('2026-11-26T17:30:00Z'))).toBe('2026-11-27T01:30')
  })
})
