import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { authorize } from '../auth/authorize.ts'
import { clientIp, userAgentOf } from '../http/client.ts'
import type { AppDeps } from '../http/context.ts'
import { reference } from '../services/assignment/reference-cache.ts'
import { checkJurisdiction, JURISDICTION_ID, serviceDefinition, serviceList } from '../services/open311/catalog.ts'
import { errorResponse, formatOfPath, Open311Error, open311Errors, render, splitFormat, type Format } from '../services/open311/format.ts'
import { postRequest, type PostFields } from '../services/open311/post.ts'
import { getRequest, listRequests, parseExtensionsFlag, requestOfToken } from '../services/open311/requests.ts'
import { databaseStore, RateLimiter } from '../services/public/rate-limiter.ts'

/**
 * The Open311 GeoReport v2 server, mounted at /open311/v2 (docs/OPEN311.md). Every resource answers in .xml and
 * .json; errors are the spec's list of {code, description}. Reads are public (no personal data); POST requests
 * needs a unit's API key with open311:write. Rules: auth/route-rules.ts (public; the key is checked here).
 */

/** When this interface last changed (discovery's changeset). */
const CHANGESET = '2026-12-08T00:00:00+08:00'
const MAX_BODY = 32 * 1024

function resource(c: Context, param: string, expected?: string): { name: string; format: Format } {
  const r = splitFormat(c.req.param(param) ?? '')
  if (expected !== undefined && r.name !== expected) throw open311Errors.notFound(`No Open311 resource "${r.name}" takes ${c.req.method}`)
  return r
}

const jurisdiction = (c: Context) => checkJurisdiction(c.req.query('jurisdiction_id') || undefined)

async function postFields(c: Context): Promise<PostFields> {
  const type = c.req.header('content-type') ?? ''
  if (type.includes('application/json')) {
    let body: unknown
    try {
      body = await c.req.json()
    } catch (e) {
      throw open311Errors.badRequest(`The request body is not valid JSON: ${(e as Error).message}`)
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw open311Errors.badRequest('The JSON body must be an object of fields')
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v == null ? undefined : String(v)]))
  }
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) {
    throw open311Errors.badRequest('POST the fields as application/x-www-form-urlencoded (or multipart/form-data)')
  }
  const form = await c.req.parseBody({ all: true })
  const out: PostFields = {}
  for (const [k, v] of Object.entries(form)) {
    const vs = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string')
    out[k] = vs.length > 1 ? vs : vs[0]
  }
  return out
}

export function open311Routes({ database, config }: AppDeps, limiter = new RateLimiter(databaseStore(database))) {
  const app = new Hono()
  app.onError((err, c) => {
    const res = errorResponse(err, formatOfPath(c.req.path))
    if (res) return res
    if (config.logLevel !== 'silent') console.error(`[open311] ${c.req.method} ${c.req.path}:`, err)
    return errorResponse(new Open311Error(500, 'An unexpected error occurred; it has been logged.'), formatOfPath(c.req.path))!
  })
  // The one authorization layer, as on /api: every route below needs its rule in auth/route-rules.ts.
  app.use('*', authorize({ database, config }))
  return app
    .get('/services/:file', async (c) => {
      const { name, format } = resource(c, 'file')
      jurisdiction(c)
      const ref = await reference(database)
      return render(format, 'service_definition', serviceDefinition(ref.taxonomy, name))
    })
    .get('/requests/:file', async (c) => {
      const { name, format } = resource(c, 'file')
      jurisdiction(c)
      return render(format, 'service_requests', await getRequest(database, name, parseExtensionsFlag('extensions', c.req.query('extensions'))))
    })
    .get('/tokens/:file', async (c) => {
      const { name, format } = resource(c, 'file')
      jurisdiction(c)
      return render(format, 'service_requests', await requestOfToken(database, name))
    })
    .get('/:document', async (c) => {
      const { name, format } = resource(c, 'document')
      jurisdiction(c)
      if (name === 'discovery') {
        const url = `${new URL(c.req.url).origin}/open311/v2`
        return render(format, 'discovery', {
          changeset: CHANGESET,
          contact: '莆田市涵江区“马上就办”指挥中心，12345 热线 (Hanjiang district command center, hotline 12345)',
          key_service: '向平台管理员申请 API 密钥（系统管理 → API 密钥）(API keys are issued by the platform administrator)',
          endpoints: [
            { specification: 'http://wiki.open311.org/GeoReport_v2', url, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] },
          ],
        })
      }
      if (name === 'services') return render(format, 'services', serviceList((await reference(database)).taxonomy))
      if (name === 'requests') return render(format, 'service_requests', await listRequests(database, c.req.query()))
      throw open311Errors.notFound(`No Open311 resource "${name}" (discovery, services, requests, tokens)`)
    })
    .post(
      '/:document',
      bodyLimit({
        maxSize: MAX_BODY,
        onError: () => {
          throw open311Errors.badRequest(`The request body may be at most ${MAX_BODY / 1024} KB`)
        },
      }),
      async (c) => {
        const { format } = resource(c, 'document', 'requests')
        const fields = await postFields(c)
        checkJurisdiction(typeof fields.jurisdiction_id === 'string' && fields.jurisdiction_id ? fields.jurisdiction_id : undefined)
        const { replayed, body } = await postRequest({
          database,
          limiter,
          fields,
          idempotencyKey: c.req.header('idempotency-key') ?? null,
          client: { ip: clientIp(c, config.trustedProxies), userAgent: userAgentOf(c) },
        })
        return render(format, 'service_requests', body, replayed ? 200 : 201, replayed ? { 'idempotent-replayed': 'true' } : {})
      },
    )
}

export { JURISDICTION_ID }
