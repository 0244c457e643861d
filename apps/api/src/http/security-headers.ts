import type { MiddlewareHandler } from 'hono'
import { basemapOrigins } from '@hanjiang/shared'
import type { BasemapConfig } from '../config.ts'

/**
 * The Content-Security-Policy of every answer. The web app is built to need nothing inline (Vite emits module
 * scripts and CSS files; MapLibre, Vue and ECharts set styles through the CSSOM, which CSP does not govern), so
 * scripts and styles are 'self' only. MapLibre needs blob: workers and data:/blob: images (sprites, canvases);
 * configured basemaps' origins may be fetched (tiles, style, glyphs) and drawn. No one may frame the app
 * (clickjacking of the dispatch desk): frame-ancestors 'none'.
 */
export function contentSecurityPolicy(basemaps: readonly BasemapConfig[]): string {
  const origins = basemapOrigins(basemaps)
  const extra = origins.length ? ` ${origins.join(' ')}` : ''
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

/**
 * Sets the headers on every answer, whichever handler made it (JSON, a problem from onError, a static file,
 * the SPA shell). Set after the handler: a header set before is lost when the handler returns its own Response.
 * Reading `res.headers` keeps @hono/node-server's cheap response (its headers object is swapped, the body kept).
 */
export function securityHeaders(basemaps: readonly BasemapConfig[]): MiddlewareHandler {
  const headers: [string, string][] = [
    ['content-security-policy', contentSecurityPolicy(basemaps)],
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
