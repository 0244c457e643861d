import { Hono } from 'hono'
import type { AppDeps } from '../http/context.ts'
import { getTaxonomy } from '../services/taxonomy/get.ts'
import { describe, json } from '../http/openapi.ts'
import { taxonomyViewSchema } from '@hanjiang/shared/contract'

/** GET /taxonomy → classes → subclasses (lead unit) → fine classes (responsible unit or territorial), and the units. */
export function taxonomyRoutes({ database }: AppDeps) {
  return new Hono().get('/taxonomy', describe({ tag: 'system', summary: 'Classes → subclasses (lead unit) → fine classes (responsible unit), and the units', responses: { 200: json(taxonomyViewSchema) } }), async (c) => {
    // Admin edits show within the reference cache's few seconds; clients revalidate.
    c.header('cache-control', 'no-cache')
    return c.json(await getTaxonomy(database))
  })
}
