/**
 * Mainland China phone numbers written one way, so that one number is one key (the per-phone report limit) and
 * one stored value (reporter phones): a mobile as its 11 digits (`13700001234`), a landline as area code, dash,
 * local number (`0594-2345678`). Accepts what people and caller-ID systems write: spaces, dashes, dots and
 * brackets; `+86` / `0086` / `86` in front; full-width digits. Anything else — foreign numbers, service numbers
 * such as 12345, letters — is refused with a reason.
 */
export type PhoneKind = 'mobile' | 'landline'
export type NormalizedPhone = { ok: true; phone: string; kind: PhoneKind } | { ok: false; reason: string }

/** Putian's area code: a local number given without one is a Putian number (the platform serves Hanjiang). */
export const LOCAL_AREA_CODE = '0594'

const SEPARATORS = /[\s\-‐‑‒–—―﹣－.()（）[\]]/g
const MOBILE = /^1[3-9]\d{9}$/
/** 010 and 02x are three-digit area codes; every other one is four (0 + three digits, the first 3–9). */
const LANDLINE = /^(0(?:10|2\d)|0[3-9]\d{2})([2-9]\d{6,7})$/
const LOCAL = /^[2-9]\d{6,7}$/

function national(digits: string, international: boolean): NormalizedPhone | null {
  if (MOBILE.test(digits)) return { ok: true, phone: digits, kind: 'mobile' }
  // After +86 the trunk 0 of a landline is dropped (+86 594 …), though some write it (+86 (0)594 …).
  const withTrunk = international && !digits.startsWith('0') && !digits.startsWith('1') ? `0${digits}` : digits
  const landline = LANDLINE.exec(withTrunk)
  if (landline) return { ok: true, phone: `${landline[1]}-${landline[2]}`, kind: 'landline' }
  if (!international && LOCAL.test(digits)) return { ok: true, phone: `${LOCAL_AREA_CODE}-${digits}`, kind: 'landline' }
  return null
}

export function normalizePhone(raw: string): NormalizedPhone {
  if (raw.length > 40) return { ok: false, reason: 'a phone number is at most 40 characters' }
  const s = raw.normalize('NFKC').replace(SEPARATORS, '')
  if (s === '') return { ok: false, reason: 'the phone number is empty' }
  if (!/^\+?\d+$/.test(s)) return { ok: false, reason: 'a phone number holds digits, spaces, dashes and brackets, and may start with +' }
  let result: NormalizedPhone | null = null
  if (s.startsWith('+')) {
    if (!s.startsWith('+86')) return { ok: false, reason: 'only mainland China numbers (+86) are taken' }
    result = national(s.slice(3), true)
  } else if (s.startsWith('0086')) {
    result = national(s.slice(4), true)
  } else {
    result = national(s, false) ?? (s.startsWith('86') ? national(s.slice(2), true) : null)
  }
  return (
    result ?? {
      ok: false,
      reason: s.replace(/^\+?(0086|86)/, '').startsWith('1')
        ? 'a mobile number has 11 digits and starts with 13–19'
        : 'a landline is an area code (e.g. 0594) and 7–8 digits not starting with 0 or 1',
    }
  )
}
