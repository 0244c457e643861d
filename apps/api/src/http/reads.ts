import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { Database } from '../db/types.ts'
import type { AppDeps } from './context.ts'

/** Set after a client's successful write: until the time it holds, that client's reads stay on the primary. */
export const READ_PRIMARY_COOKIE = 'hj_read_primary_until'

/**
 * The database for a read that may come from the read replica (map layers, analytics, the wall, exports;
 * docs/SCALING.md): the replica while it is healthy, unless this client wrote a moment ago — what a user has
 * just written must be on the screen they return to, and the replica may not have replayed it yet.
 */
export function readsFrom(deps: Pick<AppDeps, 'database' | 'readReplica'>, c: Context): Database {
  const replica = deps.readReplica
  if (!replica) return deps.database
  const until = Number(getCookie(c, READ_PRIMARY_COOKIE))
  if (Number.isFinite(until) && until > Date.now()) return deps.database
  return replica.reads()
}

/**
 * Marks a client that wrote: for as long as the replica may be behind when still used (its lag limit, plus one
 * check interval) its replica-eligible reads go to the primary. Only installed with a replica configured.
 */
export function readPrimaryAfterWrites(windowMs: number): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const m = c.req.method
    if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS' || c.res.status >= 400) return
    // Signing in or out changes nothing a replica-read screen shows.
    if (c.req.path.startsWith('/api/auth/')) return
    setCookie(c, READ_PRIMARY_COOKIE, String(Date.now() + windowMs), { path: '/api', httpOnly: true, sameSite: 'Lax', maxAge: Math.ceil(windowMs / 1000) })
  }
}
