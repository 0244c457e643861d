import { fromWgs84, type LngLat } from './crs.ts'

/**
 * "Navigate to the site" from a phone: the URI each Chinese map app understands, with the site converted to that
 * app's coordinate system (AMap and Tencent: GCJ-02; Baidu: BD-09), plus the standard `geo:` URI (WGS84, RFC 5870)
 * that Android hands to whatever map app the user has. The stored point is WGS84 (docs/DOMAIN.md §6); sending it
 * unconverted to AMap would put the pin 300–500 m off in Putian.
 */
export const NAVIGATION_APPS = ['amap', 'baidu', 'tencent', 'geo'] as const
export type NavigationApp = (typeof NAVIGATION_APPS)[number]

export interface NavigationLink {
  app: NavigationApp
  url: string
}

/** Six decimals: about 0.1 m, more than any phone's fix. */
const fixed = (n: number) => n.toFixed(6)

/**
 * The links for a WGS84 site. `name` labels the destination in the app (the address or the incident's class);
 * `source` is the caller's name, which Baidu and Tencent ask for (`src` / `referer`).
 */
export function navigationLinks(site: LngLat, name: string, source = 'hanjiang'): NavigationLink[] {
  const label = name.trim() || '目的地'
  const gcj = fromWgs84(site, 'gcj02')
  const bd = fromWgs84(site, 'bd09')
  const q = encodeURIComponent
  return [
    {
      app: 'amap',
      // uri.amap.com opens the AMap app where installed (callnative=1) and its web map otherwise.
      url: `https://uri.amap.com/navigation?to=${fixed(gcj.lng)},${fixed(gcj.lat)},${q(label)}&mode=car&coordinate=gaode&callnative=1&src=${q(source)}`,
    },
    {
      app: 'baidu',
      url: `baidumap://map/direction?destination=${q(`latlng:${fixed(bd.lat)},${fixed(bd.lng)}|name:${label}`)}&coord_type=bd09ll&mode=driving&src=${q(source)}`,
    },
    {
      app: 'tencent',
      url: `qqmap://map/routeplan?type=drive&to=${q(label)}&tocoord=${fixed(gcj.lat)},${fixed(gcj.lng)}&referer=${q(source)}`,
    },
    { app: 'geo', url: `geo:${fixed(site.lat)},${fixed(site.lng)}?q=${fixed(site.lat)},${fixed(site.lng)}(${q(label)})` },
  ]
}
