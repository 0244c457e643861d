import { expect, it } from 'vitest'
import { PUBLIC_LIMITS } from '../src/services/public/rate-limiter.ts'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

/**
 * Per-address limits behind the default TRUSTED_PROXIES=loopback: a client on this machine (a trusted peer) that
 * rotates made-up X-Forwarded-For values is still one client.
 */
describeEachEngine(
  'X-Forwarded-For: made-up entries do not make a new client',
  (ctx) => {
    const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remotePort: 40000, remoteFamily: remoteAddress.includes(':') ? 'IPv6' : 'IPv4' } } })
    const rate = (xff: string, peer = '127.0.0.1') =>
      testApp(ctx.database).request(
        '/api/public/track/0000000000AB/rating',
        { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': xff }, body: JSON.stringify({ rating: 'satisfied' }) },
        socket(peer),
      )

    it('a loopback peer rotating non-IP values hits the per-address limit like any one client', async () => {
      const limit = PUBLIC_LIMITS.ratePerIp.limit
      const statuses: number[] = []
      for (let i = 0; i <= limit; i++) statuses.push((await rate(`client-${i}, x${i}`)).status)
      expect(statuses.slice(0, limit).every((s) => s === 404)).toBe(true) // no such tracking code, but counted
      expect(statuses[limit]).toBe(429)
      // A real address written by the trusted proxy is another client.
      expect((await rate('198.51.100.23')).status).toBe(404)
      // From a peer that is not a proxy the header is ignored altogether.
      for (let i = 0; i < limit; i++) await rate(`198.51.100.${100 + i}`, '203.0.113.77')
      expect((await rate('198.51.100.250', '203.0.113.77')).status).toBe(429)
    })
  },
  seedFixture,
)
