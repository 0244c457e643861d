import { describeRoute, resolver } from 'hono-openapi'
import { z } from 'zod'
import { problemSchema } from '@hanjiang/shared/contract'

/**
 * A route's OpenAPI description, written next to the route from the SAME zod schemas its handler parses with
 * (`parseInput`), so the document cannot drift from what the route accepts. `describe({...})` is a no-op
 * middleware carrying the description; the document (openapi/document.ts) collects it from `app.routes`, and
 * test/openapi.test.ts fails for any route without one.
 */

type Json = Record<string, unknown>

export type Answer =
  | { kind: 'json'; description: string; schema: z.ZodType }
  | { kind: 'media'; description: string; mediaType: string; schema?: Json }
  | { kind: 'empty'; description: string }

/** A JSON answer described by a zod schema (packages/shared/src/contract for the ones the web reads). */
export const json = (schema: z.ZodType, description = 'OK'): Answer => ({ kind: 'json', description, schema })
/** A JSON answer whose shape is not described (yet): still a JSON value. */
export const anyJson = (description: string): Answer => ({ kind: 'media', description, mediaType: 'application/json', schema: {} })
export const geojson = (description: string): Answer => ({
  kind: 'media',
  description,
  mediaType: 'application/geo+json',
  schema: { type: 'object', properties: { type: { type: 'string' } }, required: ['type'] },
})
export const media = (mediaType: string, description: string): Answer => ({
  kind: 'media',
  description,
  mediaType,
  schema: { type: 'string', contentMediaType: mediaType },
})
export const eventStream = (description: string): Answer => ({ kind: 'media', description, mediaType: 'text/event-stream', schema: { type: 'string' } })
export const empty = (description = 'No content'): Answer => ({ kind: 'empty', description })

export interface RouteDoc {
  /** One line: what the route does. */
  summary: string
  description?: string
  /** The group on the reference page; by default the path's first segment after /api. */
  tag: string
  /** Path parameters, each the schema the handler parses it with. */
  params?: Record<string, z.ZodType>
  /** The query string: a zod object (refinements and transforms allowed: the input side is described). */
  query?: z.ZodType
  /** Request headers the route reads. */
  headers?: Record<string, z.ZodType>
  /** A JSON request body (zod), or another media type with a JSON Schema. */
  body?: z.ZodType | { mediaType: string; schema: Json; description?: string }
  /** Successful answers by status. Problems (RFC 9457) are added as the default answer. */
  responses: Record<number, Answer>
}

const toSchema = (schema: z.ZodType): Json => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json

function strip(s: Json): Json {
  const { $schema: _, ...rest } = s
  return rest
}

function parameters(where: 'path' | 'query' | 'header', entries: [string, Json, boolean][]): Json[] {
  return entries.map(([name, schema, required]) => {
    const { description, ...rest } = strip(schema)
    return { in: where, name, required: where === 'path' ? true : required, ...(description ? { description } : {}), schema: rest }
  })
}

function queryParameters(schema: z.ZodType): Json[] {
  const s = toSchema(schema) as { properties?: Record<string, Json>; required?: string[] }
  const required = new Set(s.required ?? [])
  return parameters(
    'query',
    Object.entries(s.properties ?? {}).map(([name, p]) => [name, p, required.has(name)]),
  )
}

const problemAnswer = {
  description: 'A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, …',
  content: { 'application/problem+json': { schema: resolver(problemSchema) } },
}

function answer(a: Answer) {
  switch (a.kind) {
    case 'json':
      return { description: a.description, content: { 'application/json': { schema: resolver(a.schema) } } }
    case 'media':
      return { description: a.description, content: { [a.mediaType]: { schema: a.schema ?? {} } } }
    case 'empty':
      return { description: a.description }
  }
}

/** The middleware that describes a route (see {@link RouteDoc}). */
export function describe(doc: RouteDoc) {
  const params = [
    ...parameters('path', Object.entries(doc.params ?? {}).map(([n, s]) => [n, toSchema(s), true])),
    ...(doc.query ? queryParameters(doc.query) : []),
    ...parameters(
      'header',
      Object.entries(doc.headers ?? {}).map(([n, s]) => [n, toSchema(s), !s.safeParse(undefined).success]),
    ),
  ]
  const body = doc.body
  const requestBody =
    body === undefined
      ? undefined
      : body instanceof z.ZodType
        ? { required: true, content: { 'application/json': { schema: resolver(body) } } }
        : { required: true, description: body.description, content: { [body.mediaType]: { schema: body.schema } } }
  return describeRoute({
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: [doc.tag],
    ...(params.length ? { parameters: params as never } : {}),
    ...(requestBody ? { requestBody: requestBody as never } : {}),
    responses: {
      ...Object.fromEntries(Object.entries(doc.responses).map(([status, a]) => [status, answer(a)])),
      default: problemAnswer,
    } as never,
  })
}
