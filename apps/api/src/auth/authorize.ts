import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { matchedRoutes } from 'hono/route'
import { permissionsOf, scopePermissions } from '@hanjiang/shared'
import { PUBLIC_ACTOR, userRoles } from '../http/actor.ts'
import { clientIp, userAgentOf } from '../http/client.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { actorOfUser } from '../services/auth/actor.ts'
import { actorOfApiKey } from '../services/api-keys/actor.ts'
import { enforceKeyRate } from '../services/api-keys/rate.ts'
import { sessionUser, tokenCredentials, type Credentials } from '../services/auth/credentials.ts'
import { databaseStore, RateLimiter } from '../services/public/rate-limiter.ts'
import { SESSION_COOKIE } from './cookies.ts'
import { safeEqual } from './crypto.ts'
import { ruleFor } from './route-rules.ts'

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * The one authorization layer: finds the route the request matched, looks up its rule in ROUTE_RULES
 * (no rule → denied), authenticates (bearer API token, else the session cookie + CSRF token on unsafe
 * methods), and checks the rule's permission against the user's roles — or, for a unit's API key, against the
 * key's scopes (packages/shared/src/auth/api-scopes.ts) within its per-minute limit. Sets `c.get('actor')`.
 */
export function authorize({ database, config }: AppDeps, limiter = new RateLimiter(databaseStore(database))): MiddlewareHandler {
  return async (c, next) => {
    // The handler that will answer: the first matched route that is not middleware (`use` registers ALL).
    const route = matchedRoutes(c).find((r) => r.method !== 'ALL')
    if (!route) return next() // unknown path: the 404 fallback answers
    const rule = ruleFor(c.req.method, route.path)
    if (!rule) throw problems.denied(`No access rule for ${c.req.method} ${route.path}; denied by default.`)
    if (rule.access === 'public') {
      c.set('actor', { ...PUBLIC_ACTOR, ip: clientIp(c, config.trustedProxies), userAgent: userAgentOf(c) })
      return next()
    }

    let creds: Credentials | null = null
    const authz = c.req.header('authorization')
    if (authz !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz)
      const found = m ? await tokenCredentials(database, m[1]!) : null
      if (found && 'apiKey' in found) {
        c.set('actor', actorOfApiKey(found.apiKey, { ip: clientIp(c, config.trustedProxies), userAgent: userAgentOf(c) }))
        // Keys are no one's session: only routes a scope grants, never the signed-in-user routes.
        if (rule.access !== 'permission' || !scopePermissions(found.apiKey.scopes).includes(rule.permission)) {
          throw problems.denied(`The API key's scopes (${found.apiKey.scopes.join(', ') || 'none'}) do not grant ${c.req.method} ${route.path}.`)
        }
        await enforceKeyRate(limiter, found.apiKey)
        return next()
      }
      creds = found
    } else {
      const sid = getCookie(c, SESSION_COOKIE)
      if (sid) creds = await sessionUser(database, sid, config.sessionIdleMs)
      if (creds && UNSAFE.has(c.req.method)) {
        const sent = c.req.header('x-csrf-token') ?? ''
        if (!safeEqual(sent, creds.csrfToken!)) throw problems.csrf()
      }
    }
    if (!creds) throw problems.unauthenticated()

    const actor = actorOfUser(creds.user, { ip: clientIp(c, config.trustedProxies), userAgent: userAgentOf(c), sessionHash: creds.sessionHash, csrfToken: creds.csrfToken })
    c.set('actor', actor)
    if (creds.user.mustChangePassword && !(rule.access === 'signedIn' && rule.passwordChange)) throw problems.passwordChangeRequired()
    if (rule.access === 'permission' && !permissionsOf(userRoles(actor)).includes(rule.permission)) {
      throw problems.denied(`Your roles (${userRoles(actor).join(', ')}) do not grant ${rule.permission}.`)
    }
    return next()
  }
}
