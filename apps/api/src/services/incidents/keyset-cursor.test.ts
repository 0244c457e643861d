import { describe, expect, it } from 'vitest'
import { cursorCode, cursorInt, keysetCursor } from './keyset-cursor.ts'

const codec = keysetCursor({
  tag: 't1',
  fields: [cursorInt(2), cursorCode()],
  toTuple: (k: { rank: number; code: string }) => [k.rank, k.code],
  fromTuple: ([rank, code]) => ({ rank, code }),
  what: 'test',
})

describe('keysetCursor', () => {
  it('round-trips the key and is opaque (base64url)', () => {
    const c = codec.encode({ rank: 2, code: 'HJ20261127-00001' })
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(codec.decode(c)).toEqual({ rank: 2, code: 'HJ20261127-00001' })
  })

  it('refuses garbage, another list\'s tag and out-of-range fields with a 400 naming the list', () => {
    const other = Buffer.from(JSON.stringify(['d1', 0, 'x'])).toString('base64url')
    const range = Buffer.from(JSON.stringify(['t1', 3, 'x'])).toString('base64url')
    for (const bad of ['bogus', other, range]) {
      expect(() => codec.decode(bad)).toThrow(/cursor is not a test cursor/)
    }
  })
})
