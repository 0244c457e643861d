import { z } from 'zod'

/** RFC 9457 problem details, as the API sends every error (apps/api/src/http/problem.ts). */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    /** Stable snake_case code clients switch on (also the last segment of `type`). */
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' })
export type Problem = z.infer<typeof problemSchema>

/** A code and its (Chinese) name: units, classes, regions. */
export const namedSchema = z.object({ code: z.string(), name: z.string() })
export type Named = z.infer<typeof namedSchema>

export const pointSchema = z.object({ lng: z.number(), lat: z.number() })

/** An instant as the API writes it: ISO-8601 with the +08:00 offset (Asia/Shanghai). */
export const instantSchema = z.string()
