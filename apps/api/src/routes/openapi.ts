import { Hono } from 'hono'
import { describe, media } from '../http/openapi.ts'
import { openApiDocument } from '../openapi/document.ts'
import { referencePage } from '../openapi/page.ts'

/**
 * The API describes itself: GET /openapi.json (OpenAPI 3.1, generated once per process from the routes'
 * descriptions) and GET /docs (a reference page rendered on the server from that document: no script, no CDN).
 */
export function openApiRoutes(app: () => Hono) {
  let doc: Promise<Record<string, unknown>> | null = null
  const document = () => (doc ??= openApiDocument(app()))
  return new Hono()
    .get(
      '/openapi.json',
      describe({ tag: 'meta', summary: 'This OpenAPI 3.1 document', responses: { 200: media('application/json', 'The document') } }),
      async (c) => c.json(await document()),
    )
    .get(
      '/docs',
      describe({ tag: 'meta', summary: 'The API reference page (HTML, from this document)', responses: { 200: media('text/html', 'The page') } }),
      async (c) => c.html(referencePage(await document())),
    )
}
