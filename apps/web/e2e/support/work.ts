import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import { request } from 'playwright-core'
import { DEMO_PASSWORD, login } from './auth.ts'

export { DEMO_PASSWORD }

/** Helpers of the workbench and public-page browser tests: demo sign-in, API calls as the dispatcher, a photo. */

export interface ContextOptions {
  locale: 'zh-CN' | 'en'
  phone?: boolean
  /** Browser geolocation (WGS84), granted. */
  at?: { lng: number; lat: number }
  /** Demo account to sign in as with the auth helper (none: a citizen). */
  user?: string
}

/** A browser context: size, language, position; signed in (auth's e2e `login`) when `user` is given. */
export async function openContext(browser: Browser, url: string, o: ContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: o.phone ? { width: 360, height: 640 } : { width: 1280, height: 800 },
    deviceScaleFactor: o.phone ? 2 : 1,
    isMobile: o.phone ?? false,
    hasTouch: o.phone ?? false,
    locale: o.locale,
    timezoneId: 'Asia/Shanghai',
    ...(o.at ? { geolocation: { longitude: o.at.lng, latitude: o.at.lat, accuracy: 12 }, permissions: ['geolocation'] } : {}),
  })
  await context.addInitScript((l) => localStorage.setItem('hj.locale', l), o.locale)
  if (o.user) {
    const p = await context.newPage()
    await login(p, o.user, { url })
    await p.close()
  }
  return context
}

/** Collects page errors, Content-Security-Policy refusals and requests that leave the app's origin (none are allowed). */
export function watch(page: Page, origin: string, errors: string[], outside: string[]): Page {
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) errors.push(m.text())
  })
  page.on('request', (r) => {
    const u = r.url()
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u)
  })
  return page
}

/** The dispatcher's API session (cookie + X-CSRF-Token), for the steps the test does not click through. */
export async function dispatcherApi(url: string) {
  const ctx: APIRequestContext = await request.newContext({ baseURL: url })
  const login = await ctx.post('/api/auth/login', { data: { username: 'dispatcher', password: DEMO_PASSWORD } })
  if (login.status() !== 200) throw new Error(`dispatcher sign-in: ${login.status()} ${await login.text()}`)
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const headers = { 'x-csrf-token': csrfToken }
  const get = async (path: string) => (await ctx.get(path)).json()
  const api = {
    get,
    /** The incident a citizen reported, found by its (unique) text. */
    codeByText: async (text: string): Promise<string> => {
      const r = (await get(`/api/incidents?q=${encodeURIComponent(text)}&limit=5`)) as { items: { code: string }[] }
      if (!r.items.length) throw new Error(`no incident with text ${text}`)
      return r.items[0]!.code
    },
    /** A hotline complaint, registered and dispatched to `unitCode`; answers its code. */
    dispatchNew: async (unitCode: string, description: string): Promise<string> => {
      const r = await ctx.post('/api/incidents', {
        data: { channel: 'hotline_12345', requestType: 'complaint', description, location: { lng: 119.0953, lat: 25.4588 } },
        headers,
      })
      if (r.status() !== 201) throw new Error(`create: ${r.status()} ${await r.text()}`)
      const { code } = (await r.json()) as { code: string }
      await api.step(code, 'register', { incidentType: 'complaint' })
      await api.step(code, 'dispatch', { unitCode })
      return code
    },
    step: async (code: string, action: string, body: Record<string, unknown> = {}) => {
      const cur = (await get(`/api/incidents/${code}`)) as { version: number }
      const r = await ctx.post(`/api/incidents/${code}/actions/${action}`, { data: { version: cur.version, ...body }, headers })
      if (r.status() !== 200) throw new Error(`${action} ${code}: ${r.status()} ${await r.text()}`)
      return r.json()
    },
    dispose: () => ctx.dispose(),
  }
  return api
}

/** A small JPEG (a coloured square) for the photo inputs. */
export async function jpeg(r: number, g: number, b: number): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const sharp = (await import('sharp')).default
  const buffer = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r, g, b } } }).jpeg().toBuffer()
  return { name: 'photo.jpg', mimeType: 'image/jpeg', buffer }
}
