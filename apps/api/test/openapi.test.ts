import fs from 'node:fs'
import { Validator } from '@seriousme/openapi-schema-validator'
import { expect, it } from 'vitest'
import { ROUTE_RULES } from '../src/auth/route-rules.ts'
import { openApiDocument } from '../src/openapi/document.ts'
import { WEB_SCHEMA_FILE, webSchemaTypes } from '../src/openapi/web-types.ts'
import { testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

/**
 * The API describes itself: every route the real app registers has an OpenAPI description (written next to the
 * route with http/openapi.ts `describe`), the document is valid OpenAPI 3.1 and the same on every build, and the
 * web's generated types (apps/web/src/api/schema.d.ts) are up to date with it.
 */

type Operation = {
  summary?: string
  parameters?: { in: string; name: string }[]
  requestBody?: unknown
  responses?: Record<string, unknown>
}
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> }

const toOpenApiPath = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')

function apiRoutes(app: { routes: { method: string; path: string }[] }) {
  const out = new Map<string, { method: string; path: string }>()
  for (const r of app.routes) {
    // `use` middleware and the /api/* 404 fallback register as ALL; the SPA shell lives outside /api.
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue
    out.set(`${r.method} ${r.path}`, r)
  }
  return [...out.values()]
}

/** Writes that take no body (the path says it all). */
const BODYLESS_WRITES = new Set([
  'POST /api/auth/logout',
  'POST /api/admin/users/:id/revoke-sessions',
  'POST /api/incidents/:code/reporter/reveal',
  'POST /api/admin/api-keys/:id/revoke',
  'POST /api/admin/api-keys/:id/rotate',
  // Publishing takes only the period (query): there is nothing to send.
  'POST /api/evaluation/publish',
  // A change set's preview reads the stored items: nothing to send (POST: it computes, and may be refused).
  'POST /api/region-changes/:id/preview',
  // A special-service request's state steps: the code and the step are the whole request (docs/SERVICES.md §3).
  'POST /api/public/services/requests/:code/cancel',
  'POST /api/service-requests/:code/:action',
])

/** Routes that exist only to answer a specific error (and say so in their description). */
const ERROR_ONLY_ROUTES = new Set([
  // Any tile layer not in the list: 404 tile_layer_not_found naming the layers (routes/tiles.ts).
  'GET /api/tiles/:layer/:z/:x/:y',
])

describeEachEngine('OpenAPI document', (ctx) => {
  const app = () => testApp(ctx.database)

  it('describes every registered API route, with a summary, its path parameters, a body for writes and an answer', async () => {
    const a = app()
    const doc = (await openApiDocument(a)) as unknown as Doc
    const problems: string[] = []
    const routes = apiRoutes(a)
    expect(routes.length).toBeGreaterThan(80)
    for (const r of routes) {
      const key = `${r.method} ${r.path}`
      const op = doc.paths[toOpenApiPath(r.path)]?.[r.method.toLowerCase()]
      if (!op) {
        problems.push(`${key}: no description (add describe({...}) to the route)`)
        continue
      }
      if (!op.summary) problems.push(`${key}: no summary`)
      for (const name of [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]!)) {
        if (!op.parameters?.some((p) => p.in === 'path' && p.name === name)) problems.push(`${key}: path parameter ${name} not described`)
      }
      if (['POST', 'PUT', 'PATCH'].includes(r.method) && !op.requestBody && !BODYLESS_WRITES.has(key)) {
        problems.push(`${key}: a write without a request body schema`)
      }
      if (!Object.keys(op.responses ?? {}).some((s) => /^[23]\d\d$/.test(s)) && !ERROR_ONLY_ROUTES.has(key)) {
        problems.push(`${key}: no successful answer described`)
      }
    }
    expect(problems).toEqual([])
    // …and nothing else: the document lists the routes there are, and the route table's rules.
    const described = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
    const expected = routes.map((r) => `${r.method} ${toOpenApiPath(r.path)}`)
    expect(described.sort()).toEqual(expected.sort())
    expect(
      Object.keys(ROUTE_RULES)
        // Open311 (/open311/v2) is described by the GeoReport v2 specification, not by this document.
        .filter((k) => k.split(' ')[1]!.startsWith('/api/'))
        .map((k) => toOpenApiPath(k))
        .sort(),
    ).toEqual(described.sort())
  })

  it('is valid OpenAPI 3.1 and byte-for-byte the same from a fresh app', async () => {
    const first = await openApiDocument(app())
    const again = await openApiDocument(app())
    expect(JSON.stringify(again)).toBe(JSON.stringify(first))
    expect((first as unknown as Doc).openapi).toBe('3.1.0')
    const result = await new Validator().validate(structuredClone(first))
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('serves the document and an offline reference page', async () => {
    const a = app()
    const res = await a.request('/api/openapi.json')
    expect(res.status).toBe(200)
    const served = (await res.json()) as Doc
    expect(JSON.stringify(served)).toBe(JSON.stringify(await openApiDocument(a)))

    const page = await a.request('/api/docs')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const html = await page.text()
    expect(html).toContain('/api/incidents/{code}/actions/{action}')
    expect(html).toContain('id="schema-IncidentDetail"')
    // Works offline: nothing is loaded from elsewhere, and there is no script at all.
    expect(html).not.toMatch(/<script|<link[^>]+href="https?:|src="https?:/i)
  })

  it("the web's generated types (apps/web/src/api/schema.d.ts) are up to date — else run `npm run api:types`", async () => {
    const expected = await webSchemaTypes(await openApiDocument(app()))
    const checkedIn = fs.readFileSync(WEB_SCHEMA_FILE, 'utf8')
    expect(checkedIn === expected, 'apps/web/src/api/schema.d.ts is stale: run `npm run api:types`').toBe(true)
  })
})
