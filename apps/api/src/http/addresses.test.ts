import { describe, expect, it } from 'vitest'
import { clientNetwork, parseTrustedProxies, plainAddress, proxyMatcher } from './addresses.ts'

describe('client addresses', () => {
  it('reads TRUSTED_PROXIES: loopback, none, addresses and CIDR blocks; names a bad entry', () => {
    expect(parseTrustedProxies('loopback')).toEqual(['127.0.0.0/8', '::1/128'])
    expect(parseTrustedProxies('none')).toEqual([])
    expect(parseTrustedProxies(' 10.0.0.5, 172.16.0.0/12 ,fd00::/8,loopback')).toEqual(['10.0.0.5/32', '172.16.0.0/12', 'fd00::/8', '127.0.0.0/8', '::1/128'])
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/"10.0.0.0\/33" is not an IP address or CIDR block/)
    expect(() => parseTrustedProxies('proxy.local')).toThrow(/"proxy.local"/)
    expect(() => parseTrustedProxies('10.0.0.0/8/1')).toThrow(/CIDR/)
  })

  it('matches proxies by block, IPv4-mapped peers as IPv4', () => {
    const trusted = proxyMatcher(parseTrustedProxies('loopback,10.1.0.0/16,fd00::/8'))
    expect(['127.0.0.1', '::ffff:127.0.0.1', '::1', '10.1.200.3', 'fd12::1'].map(trusted)).toEqual([true, true, true, true, true])
    expect(['10.2.0.1', '203.0.113.5', '2001:db8::1', 'unknown', ''].map(trusted)).toEqual([false, false, false, false, false])
    expect(proxyMatcher([])('127.0.0.1')).toBe(false)
  })

  it('writes one key per client: IPv4 as is, IPv6 as its /64, mapped IPv4 and zones normalised', () => {
    expect(plainAddress('::ffff:198.51.100.7')).toBe('198.51.100.7')
    expect(plainAddress('fe80::1%eth0')).toBe('fe80::1')
    expect(clientNetwork('198.51.100.7')).toBe('198.51.100.7')
    expect(clientNetwork('::ffff:198.51.100.7')).toBe('198.51.100.7')
    expect(clientNetwork('2001:db8:aa:1::5')).toBe('2001:db8:aa:1::/64')
    expect(clientNetwork('2001:0DB8:00aa:0001:ffff:1:2:3')).toBe('2001:db8:aa:1::/64')
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64')
    expect(clientNetwork('2001:db8::1.2.3.4')).toBe('2001:db8:0:0::/64')
    expect(clientNetwork('64:ff9b::198.51.100.7')).toBe('64:ff9b:0:0::/64')
    expect(clientNetwork('unknown')).toBe('unknown')
    expect(clientNetwork('x'.repeat(200))).toHaveLength(64)
  })
})
