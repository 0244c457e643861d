import type { MiddlewareHandler } from 'hono'
import { problems } from './problem.ts'

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Refuses a state-changing request a browser says came from another site — above all a form on another site
 * posting to POST /api/auth/login (login CSRF: the victim's browser would be signed in as the attacker).
 *
 * - `Sec-Fetch-Site` (sent by every current browser, cannot be set by page scripts): `same-origin` and `none`
 *   (typed, bookmarked) pass; `cross-site` and `same-site` (a sibling host on the intranet) are refused.
 * - Without it, an `Origin` header (older browsers) must name this host (`Host` or, behind a proxy that rewrites
 *   it, `X-Forwarded-Host`); `Origin: null` (sandboxed frames, some redirects) is refused.
 * - With neither, the request is not from a browser page (curl, scripts, API-token clients) and passes: such a
 *   client holds no victim's cookies. Browsers that send neither are still held by the JSON rule (jsonBody: a
 *   cross-site form can only send text/plain, urlencoded or multipart), SameSite=Strict session cookies and the
 *   X-CSRF-Token every session write needs.
 */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next()
    const site = c.req.header('sec-fetch-site')?.toLowerCase()
    const origin = c.req.header('origin')
    if (site !== undefined) {
      if (site !== 'same-origin' && site !== 'none') throw crossSite(`Sec-Fetch-Site: ${site}`)
    } else if (origin !== undefined && !sameHost(origin, [c.req.header('host'), c.req.header('x-forwarded-host'), new URL(c.req.url).host])) {
      throw crossSite(`Origin: ${origin.slice(0, 100)}`)
    }
    return next()
  }
}

function sameHost(origin: string, hosts: (string | undefined)[]): boolean {
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return false // "null" and anything that is not a URL
  }
  return hosts.some((h) => h !== undefined && h.split(',')[0]!.trim().toLowerCase() === host.toLowerCase())
}

const crossSite = (why: string) =>
  problems.forbidden('cross_site_request', `A state-changing request from another site is refused (${why}); use the platform's own pages or a client without a browser's cookies.`)
