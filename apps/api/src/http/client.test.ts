import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { parseTrustedProxies } from './addresses.ts'
import { clientIp } from './client.ts'

/** What clientIp says for a request from socket `peer` (none: in-process) carrying X-Forwarded-For `xff`. */
async function ipOf(trusted: string, peer: string | null, xff?: string): Promise<string> {
  const blocks = parseTrustedProxies(trusted)
  const app = new Hono().get('/', (c) => c.text(clientIp(c, blocks) ?? 'null'))
  const env = peer === null ? undefined : { incoming: { socket: { remoteAddress: peer, remotePort: 1234, remoteFamily: peer.includes(':') ? 'IPv6' : 'IPv4' } } }
  const res = await app.request('/', { headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }, env)
  return res.text()
}

describe('clientIp', () => {
  it('is the socket peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', async () => {
    expect(await ipOf('loopback', '203.0.113.5', '10.0.0.1')).toBe('203.0.113.5')
    expect(await ipOf('loopback', '::ffff:203.0.113.5')).toBe('203.0.113.5')
    expect(await ipOf('none', '127.0.0.1', '10.0.0.1')).toBe('127.0.0.1')
  })

  it('behind trusted proxies: the rightmost entry that is not one of them (what the client wrote itself is ignored)', async () => {
    expect(await ipOf('loopback', '127.0.0.1', '198.51.100.7')).toBe('198.51.100.7')
    expect(await ipOf('loopback', '127.0.0.1', '6.6.6.6, 198.51.100.7')).toBe('198.51.100.7')
    expect(await ipOf('loopback,10.0.0.0/8', '10.0.0.2', '6.6.6.6, 198.51.100.7, 10.0.0.3')).toBe('198.51.100.7')
    expect(await ipOf('loopback', '::1', '2001:db8::9')).toBe('2001:db8::9')
    // Only proxies in the header: the leftmost is as far as it goes; no header: the proxy itself.
    expect(await ipOf('10.0.0.0/8', '10.0.0.2', '10.0.0.4, 10.0.0.3')).toBe('10.0.0.4')
    expect(await ipOf('loopback', '127.0.0.1')).toBe('127.0.0.1')
  })

  it('without a socket (in-process requests) the header is taken as a trusted proxy would send it', async () => {
    expect(await ipOf('loopback', null, '6.6.6.6, 198.51.100.7')).toBe('198.51.100.7')
    expect(await ipOf('loopback', null)).toBe('null')
  })

  it('ignores X-Forwarded-For entries that are not IP addresses: no proxy writes them, so they are never the key', async () => {
    // A local client (trusted loopback peer) rotating made-up values stays itself.
    for (const junk of ['x1', 'unknown', 'evil.example', '', '1.2.3', '999.1.1.1', '<script>', 'a'.repeat(300), '198.51.100.7/24'])
      expect(await ipOf('loopback', '127.0.0.1', junk)).toBe('127.0.0.1')
    expect(await ipOf('loopback', null, 'x1')).toBe('null')
    // Junk left of a trusted hop: the chain is broken there, the hop right of it (here the proxy) is as far as it goes.
    expect(await ipOf('loopback,10.0.0.0/8', '10.0.0.2', '198.51.100.7, junk, 10.0.0.3')).toBe('10.0.0.3')
    expect(await ipOf('loopback', '127.0.0.1', '198.51.100.7, junk')).toBe('127.0.0.1')
    // A port some proxies add is not part of the address; [v6]:port too.
    expect(await ipOf('loopback', '127.0.0.1', '198.51.100.7:5123')).toBe('198.51.100.7')
    expect(await ipOf('loopback', '127.0.0.1', '[2001:db8::9]:443')).toBe('2001:db8::9')
    expect(await ipOf('loopback', '127.0.0.1', '::ffff:198.51.100.7')).toBe('198.51.100.7')
  })
})
