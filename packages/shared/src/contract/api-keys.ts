import { z } from 'zod'
import { instantSchema, namedSchema } from './common.ts'

/** Answers of the API-key administration (`/api/admin/api-keys`): docs/OPEN311.md, "API keys". */

/** A unit's key for an external system, as the list shows it: never the key, only its first characters. */
export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    unit: namedSchema,
    scopes: z.array(z.string()),
    rateLimitPerMinute: z.number().int(),
    /** The first characters of the key: enough to recognise it, not to use it. */
    prefix: z.string().nullable(),
    useCount: z.number().int(),
    createdBy: z.string().nullable(),
    replacesId: z.string().nullable(),
    createdAt: instantSchema,
    expiresAt: instantSchema.nullable(),
    revokedAt: instantSchema.nullable(),
    lastUsedAt: instantSchema.nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'ApiKey' })
export type ApiKey = z.infer<typeof apiKeySchema>

/** The answer that issues (or rotates) a key: the only time the key itself is sent. */
export const issuedApiKeySchema = apiKeySchema.extend({ key: z.string() }).meta({ id: 'IssuedApiKey' })
export type IssuedApiKey = z.infer<typeof issuedApiKeySchema>

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) }).meta({ id: 'ApiKeyList' })
