import dns from 'node:dns'
import type { LookupFunction } from 'node:net'
import ipaddr from 'ipaddr.js'

/**
 * Where a webhook may be sent. A unit supervisor chooses the URL, so without this the server would post to
 * itself, the database, the intranet or a cloud metadata service and show back whether it answered. Only
 * public unicast addresses are reached, unless the operator's allow-list (WEBHOOK_ALLOW_HOSTS) names the
 * host or the address. The check runs when the webhook is saved and again inside the connection's own
 * address lookup, so the address that was checked is the one connected to (no DNS rebinding in between).
 */

/** Ranges ipaddr.js calls plain unicast that are not reachable public hosts either. */
const EXTRA_REFUSED: [string, string][] = [
  ['fec0::/10', 'siteLocal'],
  ['100.64.0.0/10', 'carrierGradeNat'],
]

/** Why an address may not be reached (`loopback`, `private`, `linkLocal`, …), or null for a public unicast address. */
export function addressRange(ip: string): string | null {
  const plain = ip.replace(/^\[|\]$/g, '')
  if (!ipaddr.isValid(plain)) return 'invalid'
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it reaches.
  const addr = ipaddr.process(plain)
  const range = addr.range()
  if (range !== 'unicast') return range
  for (const [cidr, name] of EXTRA_REFUSED) {
    const [net, bits] = ipaddr.parseCIDR(cidr)
    if (net.kind() === addr.kind() && addr.match(net, bits)) return name
  }
  return null
}

/** An IP address written as the host (`10.0.0.1`, `[::1]`), which sockets connect to without a lookup. */
export function isAddressLiteral(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '')
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare))
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*\.?$/

/**
 * Reads WEBHOOK_ALLOW_HOSTS: comma-separated host names (matched exactly, case-insensitive), addresses and
 * CIDR blocks. Returns host names lower-cased and addresses as `address/prefix`; throws naming a bad entry.
 */
export function parseWebhookAllowHosts(raw: string): string[] {
  const out: string[] = []
  for (const entry of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const bare = entry.replace(/^\[(.*)\]$/, '$1')
    try {
      if (bare.includes('/')) {
        const [net, bits] = ipaddr.parseCIDR(bare)
        out.push(`${net.toString()}/${bits}`)
        continue
      }
      if (ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare))) {
        const a = ipaddr.parse(bare)
        out.push(`${a.toString()}/${a.kind() === 'ipv4' ? 32 : 128}`)
        continue
      }
    } catch {
      // fall through to the error below
    }
    if (!bare.includes('/') && HOST_NAME.test(bare.toLowerCase())) {
      out.push(bare.toLowerCase().replace(/\.$/, ''))
      continue
    }
    throw new Error(`"${entry}" is not a host name, address or CIDR block (e.g. hooks.internal, 10.0.0.5, 10.0.0.0/8, fd00::/8)`)
  }
  return out
}

/** Whether the allow-list names this host (by name) or this address (by block). */
function allowListed(host: string, ip: string, allow: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')
  if (allow.includes(name)) return true
  const addr = ipaddr.process(ip.replace(/^\[|\]$/g, ''))
  for (const entry of allow) {
    if (!entry.includes('/')) continue
    const [net, bits] = ipaddr.parseCIDR(entry)
    const candidate = net.kind() === addr.kind() ? addr : addr.kind() === 'ipv4' ? (addr as ipaddr.IPv4).toIPv4MappedAddress() : null
    if (candidate && candidate.kind() === net.kind() && candidate.match(net, bits)) return true
  }
  return false
}

/** A refused webhook target. `reason` is what the delivery status may say; `range` names the rule. */
export class WebhookAddressRefused extends Error {
  override name = 'WebhookAddressRefused'
  readonly code = 'EWEBHOOKREFUSED'
  constructor(
    readonly reason: 'address not allowed' | 'unresolvable',
    readonly range: string | null = null,
  ) {
    super(`refused: ${reason}`)
  }
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>

const systemResolver: Resolver = (host) => dns.promises.lookup(host, { all: true, verbatim: true })

/**
 * Every address the host resolves to, when each may be reached; throws WebhookAddressRefused otherwise. A
 * name answering with one public and one private address is refused: which one is connected to is not ours
 * to choose.
 */
export async function resolveWebhookTarget(host: string, allow: readonly string[], resolve: Resolver = systemResolver) {
  const bare = host.replace(/^\[|\]$/g, '')
  let answers: { address: string; family: number }[]
  if (isAddressLiteral(bare)) {
    answers = [{ address: bare, family: bare.includes(':') ? 6 : 4 }]
  } else {
    try {
      answers = await resolve(bare)
    } catch {
      throw new WebhookAddressRefused('unresolvable')
    }
    if (answers.length === 0) throw new WebhookAddressRefused('unresolvable')
  }
  for (const a of answers) {
    const range = addressRange(a.address)
    if (range !== null && !allowListed(host, a.address, allow)) throw new WebhookAddressRefused('address not allowed', range)
  }
  return answers
}

/**
 * The `lookup` of the delivery's socket: resolves, checks every answer, and hands the socket exactly the
 * checked addresses, so a name cannot answer differently between the check and the connection.
 */
export function pinnedLookup(allow: readonly string[], resolve: Resolver = systemResolver): LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    resolveWebhookTarget(hostname, allow, resolve).then(
      (answers) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0
        const usable = family ? answers.filter((a) => a.family === family) : answers
        if (usable.length === 0) return callback(new WebhookAddressRefused('unresolvable'))
        if (options.all) callback(null, usable)
        else callback(null, usable[0]!.address, usable[0]!.family)
      },
      (e: unknown) => callback(e),
    )
  }) as LookupFunction
}
