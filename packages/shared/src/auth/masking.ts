/**
 * Personal data shown masked (PIPL minimum necessity): `13812341234` → `138****1234`, `张三` → `张*`,
 * `欧阳娜娜` → `欧***` (at most three stars, so the mask does not tell a long name's length). Full values only
 * through the audited reveal.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone == null) return null
  const digits = phone.replace(/[^0-9+]/g, '')
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  if (digits.length === 0) return ''
  return '*'.repeat(digits.length)
}

export function maskName(name: string | null | undefined): string | null {
  if (name == null) return null
  const chars = [...name.trim()]
  if (chars.length === 0) return ''
  if (chars.length === 1) return '*'
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3))
}

export interface MaskedReporter {
  name: string | null
  phone: string | null
}

export function maskReporter(r: { name?: string | null; phone?: string | null }): MaskedReporter {
  return { name: maskName(r.name), phone: maskPhone(r.phone) }
}
