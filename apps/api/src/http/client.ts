import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/**
 * Where a request came from, for audit rows and rate limits: the socket's address (X-Forwarded-For is only
 * believed from a loopback peer, i.e. the app's own reverse proxy).
 */
export function clientIp(c: Context): string | null {
  let peer: string | null = null
  try {
    peer = getConnInfo(c).remote.address ?? null
  } catch {
    peer = null // app.request() in tests: no socket
  }
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
  if (forwarded && (peer === null || peer === '127.0.0.1' || peer === '::1' || peer === '::ffff:127.0.0.1')) return forwarded
  return peer
}

export const userAgentOf = (c: Context): string | null => c.req.header('user-agent')?.slice(0, 500) ?? null
