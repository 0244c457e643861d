import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { loadConfig } from '../src/config.ts'
import { seedFixture, testApp } from './app.ts'
import { ensureUser, signIn, TEST_PASSWORD } from './auth.ts'
import { describeEachEngine } from './engines.ts'

/**
 * Login CSRF and framing: a page on another site cannot sign a browser in (or change anything) with a form post,
 * and every answer — API and web app — carries the headers that keep it out of frames and sniffing.
 */
describeEachEngine(
  'cross-site requests and security headers',
  (ctx) => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-csp-dist-'))
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>涵江</title><div id="app"></div>')
    afterAll(() => fs.rmSync(dist, { recursive: true, force: true }))
    const app = () => testApp(ctx.database)
    const login = (headers: Record<string, string>, body = JSON.stringify({ username: 'dispatcher', password: TEST_PASSWORD })) =>
      app().request('http://hj.example/api/auth/login', { method: 'POST', headers, body })

    it('a cross-site text/plain form cannot sign in: no session cookie is set', async () => {
      await ensureUser(ctx.database, 'dispatcher')
      const form = await login({ 'content-type': 'text/plain', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })
      expect(form.status).toBe(403)
      expect(form.headers.get('content-type')).toContain('application/problem+json')
      expect(((await form.json()) as { code: string }).code).toBe('cross_site_request')
      expect(form.headers.getSetCookie()).toEqual([])
      // An older browser that sends only Origin, and one that sends neither (the JSON rule still stops the form).
      expect((await login({ 'content-type': 'text/plain', origin: 'https://evil.example' })).status).toBe(403)
      expect((await login({ 'content-type': 'application/json', origin: 'null' })).status).toBe(403)
      const plain = await login({ 'content-type': 'text/plain' })
      expect(plain.status).toBe(415)
      expect(((await plain.json()) as { code: string }).code).toBe('unsupported_media_type')
      expect(plain.headers.getSetCookie()).toEqual([])
      for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        expect((await login({ 'content-type': type })).status, type).toBe(415)
      }
      // The same-site check is on even for a JSON body (a cross-site fetch with a preflight is refused too).
      expect((await login({ 'content-type': 'application/json', 'sec-fetch-site': 'same-site' })).status).toBe(403)
    })

    it('same-origin browsers and clients without those headers (scripts, curl, API tokens) still sign in', async () => {
      const same = await login({ 'content-type': 'application/json', origin: 'http://hj.example', 'sec-fetch-site': 'same-origin' })
      expect(same.status).toBe(200)
      expect(same.headers.getSetCookie().some((c) => c.startsWith('hj_session='))).toBe(true)
      expect((await login({ 'content-type': 'application/json', origin: 'http://hj.example' })).status).toBe(200)
      expect((await login({ 'content-type': 'application/json; charset=utf-8' })).status).toBe(200)
      // Typed into the address bar / a bookmark: the browser says "none".
      expect((await login({ 'content-type': 'application/json', 'sec-fetch-site': 'none' })).status).toBe(200)
    })

    it('every state-changing route refuses a cross-site request, even with a valid session and CSRF token', async () => {
      const s = await signIn(app(), ctx.database, 'dispatcher')
      const post = (url: string, headers: Record<string, string>, body: BodyInit) =>
        app().request(`http://hj.example${url}`, { method: 'POST', headers: { ...s.headers, ...headers }, body })
      const incident = JSON.stringify({ channel: 'hotline_12345', requestType: 'complaint', description: '路边垃圾' })
      expect((await post('/api/incidents', { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, incident)).status).toBe(403)
      expect((await post('/api/incidents', { 'content-type': 'text/plain' }, incident)).status).toBe(415)
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array([0xff, 0xd8, 0xff])]), 'x.jpg')
      expect((await post('/api/public/photos', { origin: 'https://evil.example' }, form)).status).toBe(403)
      const del = await app().request('http://hj.example/api/auth/logout', { method: 'POST', headers: { ...s.headers, 'sec-fetch-site': 'cross-site' } })
      expect(del.status).toBe(403)
      // Reads are not state changes: a cross-site GET is answered (cookies are SameSite=Strict anyway).
      expect((await app().request('http://hj.example/api/health', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200)
    })

    const expectSecurityHeaders = (res: Response, what: string) => {
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, what).toContain("frame-ancestors 'none'")
      expect(csp, what).toContain("default-src 'self'")
      expect(csp, what).toMatch(/script-src 'self'(;|$)/)
      expect(csp, what).toContain('worker-src')
      expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin')
      expect(res.headers.get('x-frame-options'), what).toBe('DENY')
    }

    it('CSP (frame-ancestors none), nosniff and a referrer policy on every answer: JSON, problems, the web app', async () => {
      const web = testApp(ctx.database, { webDist: dist })
      expectSecurityHeaders(await web.request('/api/health'), 'health')
      expectSecurityHeaders(await web.request('/api/nope'), '404 problem')
      expectSecurityHeaders(await web.request('/api/incidents'), '401 problem')
      expectSecurityHeaders(await web.request('/'), 'web shell')
      expectSecurityHeaders(await web.request('/dispatch'), 'client-side route')
      expectSecurityHeaders(await web.request('/favicon.svg'), 'missing static file')
    })

    it('the CSP lets MapLibre run (blob: workers, data:/blob: images) and names the configured basemap origin', async () => {
      const csp = (await app().request('/api/health')).headers.get('content-security-policy')!
      expect(csp).toContain('worker-src blob:')
      expect(csp).toMatch(/img-src 'self' data: blob:/)
      expect(csp).not.toContain('tiles.example')
      const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', TILE_SOURCE: 'xyz:https://tiles.example:8443/{z}/{x}/{y}.png' })
      const withTiles = (await testApp(ctx.database, config).request('/api/health')).headers.get('content-security-policy')!
      expect(withTiles).toMatch(/img-src [^;]*https:\/\/tiles\.example:8443/)
      expect(withTiles).toMatch(/connect-src [^;]*https:\/\/tiles\.example:8443/)
    })
  },
  seedFixture,
)
