import type { components, paths } from './schema'

/**
 * The web's view of the API contract: types generated from the API's OpenAPI document (./schema.d.ts, written
 * by `npm run api:types`, checked by apps/api/test/openapi.test.ts). Answers, request bodies and queries are
 * looked up by path and method, so the web never re-declares what the API sends (web-contract.test.ts keeps it so).
 */

/** The named answer schemas (packages/shared/src/contract). */
export type Schemas = components['schemas']

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>

/** The JSON answer of `M P` with status `S` (default: the first 2xx it describes). */
export type JsonAnswer<P extends keyof paths, M extends Method, S extends number = 200 | 201> =
  Operation<P, M> extends { responses: infer R }
    ? { [K in keyof R]: K extends S ? (R[K] extends { content: { 'application/json': infer J } } ? J : never) : never }[keyof R]
    : never

/** The JSON request body of `M P`. */
export type JsonBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer J } } } ? J : never

/** The query parameters of `M P`. */
export type QueryOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never
