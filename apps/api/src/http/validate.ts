import type { z } from 'zod'
import { problems } from './problem.ts'

/** Parses input with a zod schema or throws a 400 problem listing every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  const errors = r.error.issues.map((i) => ({ path: i.path.join('.') || what, message: i.message }))
  throw problems.validation(`The ${what} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors)
}

/** The request's JSON body, or a 400 problem saying why it is not JSON (whatever the content-type claims). */
export async function jsonBody(c: { req: { json: () => Promise<unknown> } }): Promise<unknown> {
  try {
    return await c.req.json()
  } catch (e) {
    throw problems.validation(`The request body is not valid JSON: ${(e as Error).message}`)
  }
}
