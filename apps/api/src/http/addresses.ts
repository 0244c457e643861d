import { BlockList, isIP, isIPv4, isIPv6 } from 'node:net'

/**
 * Client addresses: which reverse proxies may speak for a client (TRUSTED_PROXIES), and how addresses are
 * written so one client always gets the same key (audit rows, rate limits, the sign-in throttle).
 */

/** `TRUSTED_PROXIES=loopback` (the default): a proxy on this machine, as before the setting existed. */
const LOOPBACK = ['127.0.0.0/8', '::1/128']

/**
 * Reads TRUSTED_PROXIES: `loopback`, `none`, or a comma-separated list of addresses and CIDR blocks (which may
 * include `loopback`). Returns the blocks as `address/prefix`; throws with a readable message on a bad entry.
 */
export function parseTrustedProxies(raw: string): string[] {
  const out: string[] = []
  for (const entry of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (entry === 'none') continue
    if (entry === 'loopback') {
      out.push(...LOOPBACK)
      continue
    }
    const [address = '', prefix, extra] = entry.split('/')
    const family = isIP(address)
    const max = family === 4 ? 32 : 128
    const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN
    if (!family || extra !== undefined || !(bits >= 0 && bits <= max)) {
      throw new Error(`"${entry}" is not an IP address or CIDR block (e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8, loopback, none)`)
    }
    out.push(`${address}/${bits}`)
  }
  return out
}

const matchers = new WeakMap<readonly string[], (ip: string) => boolean>()

/** Whether an address belongs to a trusted proxy (built once per configured list). */
export function proxyMatcher(blocks: readonly string[]): (ip: string) => boolean {
  let m = matchers.get(blocks)
  if (!m) {
    const list = new BlockList()
    for (const b of blocks) {
      const [address, prefix] = b.split('/') as [string, string]
      list.addSubnet(address, Number(prefix), isIPv4(address) ? 'ipv4' : 'ipv6')
    }
    m = (ip: string) => {
      const a = plainAddress(ip)
      const family = isIP(a)
      return family !== 0 && list.check(a, family === 4 ? 'ipv4' : 'ipv6')
    }
    matchers.set(blocks, m)
  }
  return m
}

/** `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) → `1.2.3.4`; a zone (`fe80::1%eth0`) dropped. */
export function plainAddress(ip: string): string {
  const a = ip.trim().replace(/%.*$/, '')
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a)
  return mapped ? mapped[1]! : a
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 part converted). */
function ipv6Groups(ip: string): number[] {
  let s = ip
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s)
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number]
    s = `${s.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = s.split('::')
  const h = head ? head.split(':') : []
  const t = tail === undefined ? [] : tail ? tail.split(':') : []
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t]
  return groups.map((g) => parseInt(g, 16))
}

/**
 * The network a client cannot cheaply leave, for per-client limits: an IPv4 address itself, but for IPv6 its
 * /64 — one subscriber or host usually holds a whole /64 and could otherwise take a fresh address per attempt.
 * Anything else (no socket in tests, a proxy's odd entry) is kept as given, bounded in length.
 */
export function clientNetwork(ip: string): string {
  const a = plainAddress(ip)
  if (isIPv4(a)) return a
  if (isIPv6(a)) return `${ipv6Groups(a).slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`
  return a.slice(0, 64)
}
