import { describe, expect, it } from 'vitest'
import { toWgs84 } from './crs.ts'
import { navigationLinks } from './navigation.ts'

const site = { lng: 119.1184, lat: 25.4612 } // 涵江区 seat, WGS84

function param(url: string, name: string): string {
  return new URL(url.replace(/^[a-z]+:\/\//, 'https://x/')).searchParams.get(name)!
}

describe('navigationLinks', () => {
  const links = navigationLinks(site, '涵东街道 新区社区 暴露垃圾')
  const by = Object.fromEntries(links.map((l) => [l.app, l.url]))

  it('offers AMap, Baidu, Tencent and a geo: fallback, in that order', () => {
    expect(links.map((l) => l.app)).toEqual(['amap', 'baidu', 'tencent', 'geo'])
  })

  it('AMap gets GCJ-02: converting back lands within 1 m of the site', () => {
    const [lng, lat, name] = param(by.amap!, 'to').split(',')
    expect(name).toBe('涵东街道 新区社区 暴露垃圾')
    expect(param(by.amap!, 'coordinate')).toBe('gaode')
    const back = toWgs84({ lng: Number(lng), lat: Number(lat) }, 'gcj02')
    expect(Math.abs(back.lng - site.lng) * 100_000).toBeLessThan(1)
    expect(Math.abs(back.lat - site.lat) * 111_000).toBeLessThan(1)
    // …and is really shifted: sending WGS84 as-is would be hundreds of metres off.
    expect(Math.abs(Number(lng) - site.lng) * 100_000).toBeGreaterThan(200)
  })

  it('Baidu gets BD-09 with coord_type=bd09ll; Tencent gets GCJ-02 as lat,lng', () => {
    const dest = param(by.baidu!, 'destination')
    const m = /^latlng:([\d.]+),([\d.]+)\|name:(.+)$/.exec(dest)!
    const back = toWgs84({ lat: Number(m[1]), lng: Number(m[2]) }, 'bd09')
    expect(Math.abs(back.lng - site.lng) * 100_000).toBeLessThan(1)
    expect(param(by.baidu!, 'coord_type')).toBe('bd09ll')
    const [lat, lng] = param(by.tencent!, 'tocoord').split(',').map(Number)
    const t = toWgs84({ lng: lng!, lat: lat! }, 'gcj02')
    expect(Math.abs(t.lat - site.lat) * 111_000).toBeLessThan(1)
  })

  it('geo: keeps WGS84 (RFC 5870) and labels the pin', () => {
    expect(by.geo).toBe('geo:25.461200,119.118400?q=25.461200,119.118400(%E6%B6%B5%E4%B8%9C%E8%A1%97%E9%81%93%20%E6%96%B0%E5%8C%BA%E7%A4%BE%E5%8C%BA%20%E6%9A%B4%E9%9C%B2%E5%9E%83%E5%9C%BE)')
  })

  it('an empty name still labels the destination; a bad point is refused', () => {
    expect(param(navigationLinks(site, '  ')[0]!.url, 'to')).toMatch(/,目的地$/)
    expect(() => navigationLinks({ lng: Number.NaN, lat: 25 }, 'x')).toThrow(/lng/)
  })
})
