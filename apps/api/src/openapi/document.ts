import type { Hono } from 'hono'
import { generateSpecs } from 'hono-openapi'

/**
 * The OpenAPI 3.1 document of the API, generated from the routes' own descriptions (http/openapi.ts `describe`,
 * written next to each route from the zod schemas it parses with). Deterministic: routes in registration order,
 * schemas from zod's JSON Schema output.
 */
export async function openApiDocument(app: Hono): Promise<Record<string, unknown>> {
  const doc = (await generateSpecs(app, {
    documentation: {
      info: {
        title: '涵江区“马上就办”平台 API',
        version: '1',
        description:
          'The API of the Hanjiang "马上就办" platform. Errors are RFC 9457 problem details with a stable `code`. ' +
          'Signed-in calls use the session cookie; unsafe methods also send the X-CSRF-Token the session gave out.',
      },
      servers: [{ url: '/' }],
    },
    // `/api/workbench/ledger.xlsx` is a route, not a static file.
    excludeStaticFile: false,
    // Every route says its own answers; no generic validation answer is added.
    defaultValidationErrorResponse: false,
  })) as unknown as Record<string, unknown>
  return sortComponents(doc)
}

/** Components in name order, so the document's text does not depend on which route first used a schema. */
function sortComponents(doc: Record<string, unknown>): Record<string, unknown> {
  const components = doc.components as Record<string, Record<string, unknown>> | undefined
  if (!components) return doc
  const sorted: Record<string, Record<string, unknown>> = {}
  for (const kind of Object.keys(components).sort()) {
    sorted[kind] = Object.fromEntries(Object.entries(components[kind]!).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  }
  return { ...doc, components: sorted }
}
