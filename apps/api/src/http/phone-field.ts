import { z } from 'zod'
import { normalizePhone } from '@hanjiang/shared'

/**
 * A phone number in a request, written the one way (packages/shared phone/normalize.ts) before anything limits,
 * compares or stores it; a number that is not a mainland mobile or landline is a 400 naming the field.
 */
export const phoneField = (name: string) =>
  z.string({ message: `${name} must be a string` }).transform((raw, ctx) => {
    const r = normalizePhone(raw)
    if (r.ok) return r.phone
    ctx.addIssue({ code: 'custom', message: `${name}: ${r.reason}` })
    return z.NEVER
  })
