import fs from 'node:fs'
import path from 'node:path'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { serveStatic } from '@hono/node-server/serve-static'
import { requestBodyLimit } from './http/body-limits.ts'
import type { AppDeps } from './http/context.ts'
import { Problem, problems } from './http/problem.ts'
import { cleanUrl } from './http/input-text.ts'
import { sameOriginWrites } from './http/same-origin.ts'
import { securityHeaders } from './http/security-headers.ts'
import { auditWrites } from './auth/audit-writes.ts'
import { authorize } from './auth/authorize.ts'
import { adminRoutes } from './routes/admin.ts'
import { apiKeyRoutes } from './routes/api-keys.ts'
import { areaRoutes } from './routes/areas.ts'
import { auditRoutes } from './routes/audit.ts'
import { authRoutes } from './routes/auth.ts'
import { callbackRoutes } from './routes/callback.ts'
import { assignRoutes } from './routes/assign.ts'
import { classificationRoutes } from './routes/classification.ts'
import { clusterRoutes } from './routes/clusters.ts'
import { configRoutes } from './routes/config.ts'
import { deadlineRoutes } from './routes/deadlines.ts'
import { eventRoutes } from './routes/events.ts'
import { healthRoutes } from './routes/health.ts'
import { incidentMapRoutes } from './routes/incident-map.ts'
import { incidentRoutes } from './routes/incidents.ts'
import { incidentExportRoutes } from './routes/incident-export.ts'
import { knowledgeRoutes } from './routes/knowledge.ts'
import { notificationRoutes } from './routes/notifications.ts'
import { openApiRoutes } from './routes/openapi.ts'
import { patrolRoutes } from './routes/patrol.ts'
import { dispatchRoutes } from './routes/dispatch.ts'
import { photoRoutes } from './routes/photos.ts'
import { publicRoutes } from './routes/public.ts'
import { placeRoutes } from './routes/places.ts'
import { regionRoutes } from './routes/regions.ts'
import { regionWriteRoutes } from './routes/region-writes.ts'
import { regionChangeRoutes } from './routes/region-changes.ts'
import { taxonomyRoutes } from './routes/taxonomy.ts'
import { wallRoutes } from './routes/wall.ts'
import { evaluationRoutes } from './routes/evaluation.ts'
import { letterRoutes } from './routes/letters.ts'
import { analyticsRoutes } from './routes/analytics.ts'
import { webhookRoutes } from './routes/webhooks.ts'
import { open311Routes } from './routes/open311.ts'
import { errorResponse, formatOfPath, open311Errors } from './services/open311/format.ts'
import { workbenchRoutes } from './routes/workbench.ts'

function problemResponse(p: Problem): Response {
  return new Response(JSON.stringify(p.toJSON()), {
    status: p.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...p.headers },
  })
}

/** The SQLSTATE of a database error, looking through wrappers (drizzle's query error keeps the driver's as `cause`). */
function databaseErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
  }
  return undefined
}

const DATA_EXCEPTIONS: Record<string, string> = {
  '22021': 'a character not valid in UTF-8, e.g. NUL',
  '22P05': 'a character JSON cannot hold, e.g. NUL',
  '22P02': 'text that is not a valid value of its type',
  '22003': 'a number out of range',
  '22008': 'a date or time out of range',
  '22007': 'an invalid date or time',
  '22001': 'text too long',
  '22023': 'an invalid parameter value',
  '2201E': 'an invalid logarithm argument',
  '22012': 'division by zero',
}
const dataExceptionName = (code: string) => DATA_EXCEPTIONS[code] ?? 'an invalid value'

/** The API under /api plus, when built, the web app with an SPA fallback. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono()
  const api = new Hono()
  // CSP, nosniff, referrer policy, no framing: on every answer, API and web app alike.
  app.use('*', securityHeaders(deps.config.tileSource))
  // Reads are what is big (map data, lists, exports); write answers are one small object, and touching a
  // response's headers/body in the middleware turns @hono/node-server's cheap response into a web-streams one
  // (measured: ~10 % of intake CPU). Big write answers (batch assign) compress themselves (http/big-json.ts).
  const gzip = compress()
  api.use('*', (c, next) => (c.req.method === 'GET' && c.req.header('accept-encoding') ? gzip(c, next) : next()))
  // Every body has a limit (1 MiB unless the route needs more), enforced while it is read.
  api.use('*', requestBodyLimit(deps.config))
  // One rule for incoming text (NUL, unpaired surrogates) in the path and query; JSON bodies: http/validate.ts.
  api.use('*', cleanUrl())
  // Before any session is looked at: a browser's write from another site is refused (login CSRF included).
  api.use('*', sameOriginWrites())
  // The one authorization layer: every route below needs a rule in auth/route-rules.ts (none → denied).
  api.use('*', authorize(deps))
  // Every successful write gets an audit row, in the write's own transaction where it has one.
  api.use('*', auditWrites(deps.database))
  api.route('/', authRoutes(deps))
  api.route('/', adminRoutes(deps))
  api.route('/', apiKeyRoutes(deps))
  api.route('/', auditRoutes(deps))
  api.route('/', healthRoutes(deps))
  api.route('/', configRoutes(deps))
  api.route('/', taxonomyRoutes(deps))
  api.route('/', regionWriteRoutes(deps)) // before regionRoutes: /regions/export must not be read as a code
  api.route('/', regionRoutes(deps))
  api.route('/', regionChangeRoutes(deps))
  api.route('/', assignRoutes(deps))
  api.route('/', clusterRoutes(deps)) // before incident routes: /incidents/similar must not be read as a code
  api.route('/', incidentMapRoutes(deps)) // before incident routes: /incidents/map must not be read as a code
  api.route('/', incidentExportRoutes(deps)) // before incident routes: /incidents/export must not be read as a code
  api.route('/', incidentRoutes(deps))
  api.route('/', dispatchRoutes(deps))
  api.route('/', callbackRoutes(deps))
  api.route('/', classificationRoutes(deps))
  api.route('/', wallRoutes(deps))
  api.route('/', evaluationRoutes(deps))
  api.route('/', letterRoutes(deps))
  api.route('/', analyticsRoutes(deps))
  api.route('/', deadlineRoutes(deps))
  api.route('/', eventRoutes(deps))
  api.route('/', knowledgeRoutes(deps))
  api.route('/', photoRoutes(deps))
  api.route('/', placeRoutes(deps))
  api.route('/', areaRoutes(deps))
  api.route('/', patrolRoutes(deps))
  api.route('/', workbenchRoutes(deps))
  api.route('/', notificationRoutes(deps))
  api.route('/', webhookRoutes(deps))
  api.route('/', publicRoutes(deps))
  api.route('/', openApiRoutes(() => app))
  app.route('/api', api)
  // Sub-app notFound handlers are not consulted once mounted: answer unknown /api paths here.
  app.all('/api/*', (c) => problemResponse(problems.routeNotFound(c.req.path)))

  // Open311 GeoReport v2 (docs/OPEN311.md): its own error shape, behind the same deny-by-default route table.
  app.route('/open311/v2', open311Routes(deps))
  app.all('/open311/*', (c) => errorResponse(open311Errors.notFound(`No Open311 resource at ${c.req.path}`), formatOfPath(c.req.path))!)

  app.onError((err, c) => {
    if (err instanceof Problem) return problemResponse(err)
    // The database refused a value (SQLSTATE class 22: bad encoding, out of range, invalid text for a type): the
    // request was bad, not the server. Only the class is named, never the SQL or the database's message.
    const sqlState = databaseErrorCode(err)
    if (sqlState?.startsWith('22')) {
      if (deps.config.logLevel === 'debug') console.error(`[api] ${c.req.method} ${c.req.path}: SQLSTATE ${sqlState}`, err)
      return problemResponse(problems.badRequest('invalid_value', `A value in the request cannot be stored or compared (${dataExceptionName(sqlState)}); check the text, numbers and dates you sent.`))
    }
    if (err instanceof SyntaxError && c.req.header('content-type')?.includes('json')) {
      return problemResponse(problems.validation(`The request body is not valid JSON: ${err.message}`))
    }
    if (deps.config.logLevel !== 'silent') console.error(`[api] ${c.req.method} ${c.req.path}:`, err)
    return problemResponse(problems.internal())
  })

  const dist = deps.config.webDist
  const index = path.join(dist, 'index.html')
  if (fs.existsSync(index)) {
    const root = path.relative(process.cwd(), dist) || '.'
    // The build writes .br/.gz beside each text asset (apps/web/build/precompress.ts): served to clients that take them.
    // Hashed file names never change content: cache for good. Set after the handler (serveStatic's onFound runs
    // after the response is built, too late for a header); a missing asset falls through to the HTML shell, which
    // must not be cached like this.
    app.use('/assets/*', async (c, next) => {
      await next()
      if (c.res.ok && !c.res.headers.get('content-type')?.startsWith('text/html')) {
        c.res.headers.set('cache-control', 'public, max-age=31536000, immutable')
      }
    })
    app.use('/assets/*', serveStatic({ root, precompressed: true }))
    app.use('*', serveStatic({ root, precompressed: true }))
    // Client-side routes (/map, /dispatch, …) all load the app shell.
    app.get('*', (c) => c.html(fs.readFileSync(index, 'utf8')))
  } else {
    app.get('/', (c) =>
      c.text(`The web app is not built (${index} is missing). Run "npm run build" or "npm start".`, 503),
    )
  }
  return app
}
