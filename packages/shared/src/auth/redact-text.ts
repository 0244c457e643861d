import { maskPhone } from './masking.ts'

/**
 * Phone numbers inside free text (a description typed by a hotline seat often holds the caller's number),
 * masked like the reporter's phone: what leaves the platform through a public interface (Open311 reads) keeps
 * the text but not the number. Mainland mobiles (11 digits from 1[3-9], optionally +86), landlines with an
 * area code (0xxx-xxxxxxx) and any other run of 7+ digits are masked; shorter numbers (house numbers,
 * dates, counts) are kept.
 */
const PHONE_LIKE = /(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}|0\d{2,3}[ -]?\d{7,8}|\d{7,}/g

export function maskPhonesInText(text: string): string
export function maskPhonesInText(text: string | null): string | null
export function maskPhonesInText(text: string | null): string | null {
  if (text == null) return null
  return text.replace(PHONE_LIKE, (m) => maskPhone(m) ?? m)
}
