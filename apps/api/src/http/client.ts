import type { Context } from 'hono'
import { isIP } from 'node:net'
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
  let nearest = peer === null ? null : plainAddress(peer)
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',')
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = forwardedAddress(hops[i]!)
    // A proxy writes addresses only: anything else was written by the client, and so is everything left of it —
    // the nearest hop a proxy vouched for is as far as the chain goes (never the made-up entry itself).
    if (hop === null) return nearest
    if (i === 0 || !trusted(hop)) return hop
    nearest = hop
  }
  return nearest
}

/** One X-Forwarded-For entry as a plain IP address (a `:port` or `[v6]:port` some proxies add dropped), or null. */
export function forwardedAddress(entry: string): string | null {
  let a = entry.trim()
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(a)
  if (bracketed) a = bracketed[1]!
  else if (/^[\d.]+:\d{1,5}$/.test(a)) a = a.slice(0, a.lastIndexOf(':'))
  const plain = plainAddress(a)
  return isIP(plain) ? plain : null
}

export const userAgentOf = (c: Context): string | null => c.req.header('user-agent')?.slice(0, 500) ?? null
