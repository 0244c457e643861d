import { describe, expect, it } from 'vitest'
import { normalizePhone } from './normalize.ts'

const ok = (raw: string) => {
  const r = normalizePhone(raw)
  if (!r.ok) throw new Error(`${raw}: ${r.reason}`)
  return r.phone
}

describe('normalizePhone (mainland numbers)', () => {
  it('one mobile number, however it is written', () => {
    for (const raw of [
      '13700001234',
      '+8613700001234',
      '86 13700001234',
      '+86-13700001234',
      '0086 137 0000 1234',
      '+86 (137) 0000-1234',
      '137-0000-1234',
      ' 137 0000 1234 ',
      '１３７００００１２３４', // full-width digits from a Chinese input method
      '+86\u00a0137\u30000000\u20121234', // no-break space, ideographic space, figure dash
    ])
      expect(ok(raw), raw).toBe('13700001234')
    expect(normalizePhone('+8613700001234')).toEqual({ ok: true, phone: '13700001234', kind: 'mobile' })
  })

  it('landlines: area code + number, written 0594-2345678 (Putian), 010-/02x- three-digit codes', () => {
    expect(ok('0594-2345678')).toBe('0594-2345678')
    expect(ok('05942345678')).toBe('0594-2345678')
    expect(ok('(0594) 2345 678')).toBe('0594-2345678')
    expect(ok('+86 594 2345678')).toBe('0594-2345678')
    expect(ok('0086-594-2345678')).toBe('0594-2345678')
    expect(ok('010-12345678'.replace('-1', '-6'))).toBe('010-62345678')
    expect(ok('02161234567')).toBe('021-61234567')
    expect(ok('+86 21 6123 4567')).toBe('021-61234567')
    expect(normalizePhone('0594-2345678')).toEqual({ ok: true, phone: '0594-2345678', kind: 'landline' })
    // A local number without its area code is a Putian one: the platform serves Hanjiang, Putian.
    expect(ok('2345678')).toBe('0594-2345678')
    expect(ok('2345-6789')).toBe('0594-23456789')
  })

  it('refuses what is not a mainland mobile or landline, saying why', () => {
    for (const raw of [
      '',
      '   ',
      '12345', // the hotline itself, not a caller
      '12700001234', // 12x is not a mobile prefix
      '1370000123', // 10 digits
      '137000012345', // 12 digits
      '+85212345678', // Hong Kong
      '+1 415 555 0100',
      '0594-1234567', // a local number does not start with 1
      '0594-0234567',
      '0594-23456', // too short
      '0594-234567890', // too long
      '137O0001234', // a letter O
      '13700001234;DROP',
      '137\u00000001234',
      '+',
      '86',
      '++8613700001234',
      '8 6 1 3 7',
    ]) {
      const r = normalizePhone(raw)
      expect(r.ok, raw).toBe(false)
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(5)
    }
  })

  it('is idempotent: a normalised number normalises to itself', () => {
    for (const raw of ['+8613700001234', '0594 2345678', '+86 21 6123 4567', '2345678']) expect(ok(ok(raw))).toBe(ok(raw))
  })
})
