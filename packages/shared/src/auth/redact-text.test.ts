import { describe, expect, it } from 'vitest'
import { maskPhonesInText } from './redact-text.ts'

describe('maskPhonesInText', () => {
  it('masks mobiles, landlines and long digit runs inside text', () => {
    expect(maskPhonesInText('井盖缺失，联系13812341234王先生')).toBe('井盖缺失，联系138****1234王先生')
    expect(maskPhonesInText('call +86 138 1234 1234 now')).toBe('call +86****1234 now')
    expect(maskPhonesInText('座机0594-2345678')).toBe('座机059****5678')
    expect(maskPhonesInText('工单 12345678')).toBe('工单 123****5678')
  })
  it('keeps short numbers and null', () => {
    expect(maskPhonesInText('涵东街道 12 号楼 3 单元, 2026-12-07')).toBe('涵东街道 12 号楼 3 单元, 2026-12-07')
    expect(maskPhonesInText(null)).toBeNull()
  })
})
