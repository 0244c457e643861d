import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import { plainAddress, proxyMatcher } from './addresses.ts'

/**
 * Where a request came from, for audit rows and rate limits: the socket's address. X-Forwarded-For is believed
 * only when the peer is a trusted proxy (TRUSTED_PROXIES, default loopback: the app's own reverse proxy), and
 * then read from the right: each trusted proxy appends the address it saw, so the first entry from the right
 * that is not a trusted proxy is the client. The entries left of it are whatever the client sent (anyone can
 * put a made-up address there) and are never used — otherwise every attempt could claim a new address and
 * slip past the per-address limits.
 */
export function clientIp(c: Context, trustedProxies: readonly string[]): string | null {
  let peer: string | null = null
  try {
    peer = getConnInfo(c).remote.address ?? null
  } catch {
    peer = null // app.request() in tests: no socket
  }
  const trusted = proxyMatcher(trustedProxies)
  // No socket (in-process requests, tests) is treated like a trusted proxy: the header says who the client is.
  if (peer !== null && !trusted(peer)) return plainAddress(peer)
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    if (i === 0 || !trusted(hops[i]!)) return plainAddress(hops[i]!).slice(0, 100)
  }
  return peer === null ? null : plainAddress(peer)
}

export const userAgentOf = (c: Context): string | null => c.req.header('user-agent')?.slice(0, 500) ?? null
