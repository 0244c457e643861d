import type { MiddlewareHandler } from 'hono'
import type { TileSourceConfig } from '../config.ts'

/**
 * The Content-Security-Policy of every answer. The web app is built to need nothing inline (Vite emits module
 * scripts and CSS files; MapLibre, Vue and ECharts set styles through the CSSOM, which CSP does not govern), so
 * scripts and styles are 'self' only. MapLibre needs blob: workers and data:/blob: images (sprites, canvases);
 * a configured basemap's origin may be fetched (tiles, style, glyphs) and drawn. No one may frame the app
 * (clickjacking of the dispatch desk): frame-ancestors 'none'.
 */
export function contentSecurityPolicy(tileSource: TileSourceConfig | null): string {
  const tiles = tileOrigin(tileSource)
  const extra = tiles ? ` ${tiles}` : ''
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${extra}`,
    `connect-src 'self'${extra}`,
    "font-src 'self' data:",
    "worker-src blob: 'self'",
    "child-src blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** The origin a basemap is fetched from (http/https URLs only; a PMTiles path on this server is 'self'). */
function tileOrigin(tileSource: TileSourceConfig | null): string | null {
  if (!tileSource) return null
  try {
    const url = new URL(tileSource.url.replace(/\{[a-z]\}/g, '0'))
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null
  } catch {
    return null
  }
}

/**
 * Sets the headers on every answer, whichever handler made it (JSON, a problem from onError, a static file,
 * the SPA shell). Set after the handler: a header set before is lost when the handler returns its own Response.
 * Reading `res.headers` keeps @hono/node-server's cheap response (its headers object is swapped, the body kept).
 */
export function securityHeaders(tileSource: TileSourceConfig | null): MiddlewareHandler {
  const headers: [string, string][] = [
    ['content-security-policy', contentSecurityPolicy(tileSource)],
    ['x-content-type-options', 'nosniff'],
    // Tracking codes and incident codes are in paths: other origins (a basemap server) get the origin only.
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    // For browsers without CSP frame-ancestors.
    ['x-frame-options', 'DENY'],
  ]
  return async (c, next) => {
    await next()
    let h: Headers
    try {
      h = c.res.headers
      for (const [k, v] of headers) h.set(k, v)
    } catch {
      // An immutable Response (e.g. one passed through from fetch): copy it once.
      c.res = new Response(c.res.body, c.res)
      for (const [k, v] of headers) c.res.headers.set(k, v)
    }
  }
}
