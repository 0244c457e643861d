import { SERVICE_CATEGORIES, SERVICE_ITEM_CODE_RE, SPECIAL_SERVICES } from '@hanjiang/shared'
import { z } from 'zod'

const text = (name: string, max: number) =>
  z.string({ message: `${name} must be a string` }).trim().min(1, `${name} must not be empty`).max(max, `${name} is at most ${max} characters`)

/** A catalogue item's fields as the API and the XLSX import take them (docs/SERVICES.md §1). */
export const itemFields = {
  name: text('name', 100),
  nameEn: text('nameEn', 200).nullable(),
  category: z.enum(SERVICE_CATEGORIES, { message: `category must be one of ${SERVICE_CATEGORIES.join(', ')}` }),
  unitCode: text('unitCode', 64).nullable(),
  unitName: text('unitName', 100),
  materials: z.array(text('material', 200), { message: 'materials must be a list of strings' }).max(40, 'at most 40 materials'),
  steps: z.string().trim().max(2000, 'steps is at most 2000 characters'),
  timeLimitDays: z.number({ message: 'timeLimitDays must be a number' }).int('timeLimitDays must be a whole number of working days').min(0, 'timeLimitDays must be 0 (on the spot) or more').max(365, 'timeLimitDays is at most 365'),
  fees: text('fees', 200),
  onlinePrereview: z.boolean({ message: 'onlinePrereview must be true or false' }),
  specialServices: z
    .array(z.enum(SPECIAL_SERVICES, { message: `special services are ${SPECIAL_SERVICES.join(', ')}` }))
    .transform((s) => [...new Set(s)]),
  demo: z.boolean({ message: 'demo must be true or false' }),
  pointCodes: z.array(text('point code', 40)).max(1000, 'at most 1000 points').optional(),
}
export const itemCode = z
  .string({ message: 'code must be a string' })
  .trim()
  .toUpperCase()
  .regex(SERVICE_ITEM_CODE_RE, 'code: 2–32 capital letters, digits and dashes, starting with a letter or digit')

export const createItemBody = z.strictObject({ code: itemCode, ...itemFields, steps: itemFields.steps.default(''), demo: itemFields.demo.default(false) })
export const patchItemBody = z
  .strictObject({ ...Object.fromEntries(Object.entries(itemFields).map(([k, v]) => [k, v.optional()])), expectedVersion: z.number().int().min(1).optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'nothing to change' }) as unknown as z.ZodType<
  Partial<z.output<z.ZodObject<typeof itemFields>>> & { expectedVersion?: number }
>
