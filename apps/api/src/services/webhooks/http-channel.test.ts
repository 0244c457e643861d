import { describe, expect, it } from 'vitest'
import { sign, verifySignature } from './http-channel.ts'

describe('webhook signature', () => {
  it('verifies what it signs, within the tolerance', () => {
    const h = sign('s3cret', '{"a":1}', 1_700_000_000)
    expect(verifySignature('s3cret', '{"a":1}', h, 1_700_000_010)).toBe(true)
    expect(verifySignature('other', '{"a":1}', h, 1_700_000_010)).toBe(false)
    expect(verifySignature('s3cret', '{"a":2}', h, 1_700_000_010)).toBe(false)
    expect(verifySignature('s3cret', '{"a":1}', h, 1_700_001_000)).toBe(false)
    expect(verifySignature('s3cret', '{"a":1}', 'garbage', 1_700_000_000)).toBe(false)
  })
})
