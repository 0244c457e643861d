import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps } from '../http/context.ts'
import { parseInput } from '../http/validate.ts'
import { searchPlaces } from '../services/places/search.ts'
import { placeSearchSchema } from '@hanjiang/shared/contract'
import { describe, json } from '../http/openapi.ts'

export const PLACE_QUERY_MAX = 50
export const PLACE_LIMIT_MAX = 20

const searchQuery = z.object({
  q: z
    .string({ message: 'q (a place name or region code) is required' })
    .trim()
    .min(1, 'q must not be empty')
    .max(PLACE_QUERY_MAX, `q is at most ${PLACE_QUERY_MAX} characters`),
  limit: z.coerce
    .number({ message: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(PLACE_LIMIT_MAX, `limit must be at most ${PLACE_LIMIT_MAX}`)
    .default(8),
})

/**
 * GET /places?q=…[&limit=8] → `{query, places: [{id, name, kind, parent, point, line?}]}`: streets, communities
 * (by name), grids (by code prefix), named roads and rivers — the hotline seat's address search.
 * Problems: 400 validation_failed.
 */
export function placeRoutes({ database }: AppDeps) {
  return new Hono().get('/places', describe({ tag: 'assignment', summary: 'Search named places (streets, communities, grids, roads, rivers)', query: searchQuery, responses: { 200: json(placeSearchSchema) } }), async (c) => {
    const q = parseInput(searchQuery, c.req.query(), 'query')
    return c.json(await searchPlaces(database, q.q, q.limit))
  })
}
