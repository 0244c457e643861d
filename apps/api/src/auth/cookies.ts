import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { Config } from '../config.ts'

export const SESSION_COOKIE = 'hj_session'
export const CSRF_COOKIE = 'hj_csrf'

function secure(c: Context, config: Config): boolean {
  if (config.cookieSecure !== 'auto') return config.cookieSecure === 'true'
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'
}

/** hj_session: HttpOnly (scripts never see it); hj_csrf: readable by the web app, which echoes it in X-CSRF-Token. */
export function setSessionCookies(c: Context, config: Config, sessionId: string, csrfToken: string): void {
  const s = secure(c, config)
  setCookie(c, SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'Strict', path: '/', secure: s })
  setCookie(c, CSRF_COOKIE, csrfToken, { httpOnly: false, sameSite: 'Strict', path: '/', secure: s })
}

export function clearSessionCookies(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
  deleteCookie(c, CSRF_COOKIE, { path: '/' })
}
