import type { z } from 'zod'
import { problems } from './problem.ts'

/** Parses input with a zod schema or throws a 400 problem listing every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  const errors = r.error.issues.map((i) => ({ path: i.path.join('.') || what, message: i.message }))
  throw problems.validation(`The ${what} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors)
}

/** A JSON media type: application/json or a +json one (application/geo+json, application/merge-patch+json). */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i

/**
 * The request's JSON body, or a 400 problem saying why it is not JSON. The body must be declared JSON: a form on
 * another site can only send text/plain, urlencoded or multipart bodies without a CORS preflight, so this refuses
 * a cross-site form posting JSON-looking text (login CSRF; http/same-origin.ts is the other half) — 415.
 */
export async function jsonBody(c: { req: { json: () => Promise<unknown>; header: (name: string) => string | undefined } }): Promise<unknown> {
  const type = c.req.header('content-type') ?? ''
  if (!JSON_TYPE.test(type)) {
    throw problems.unsupportedMediaType(`Send the body as JSON with Content-Type: application/json${type ? ` (got ${type.slice(0, 100)})` : ''}`)
  }
  try {
    return await c.req.json()
  } catch (e) {
    throw problems.validation(`The request body is not valid JSON: ${(e as Error).message}`)
  }
}
