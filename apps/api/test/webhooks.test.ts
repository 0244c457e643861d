import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { closeEventBus } from '../src/live/event-bus.ts'
import { verifySignature } from '../src/services/webhooks/http-channel.ts'
import { startWebhookWorker } from '../src/worker/webhook-worker.ts'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { client, HANDLER, SUPERVISOR, type Json } from './workbench-helpers.ts'

/** A local receiver: answers with the next scripted status, records what it got. */
function receiver() {
  const got: { headers: http.IncomingHttpHeaders; body: string }[] = []
  const script: number[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      got.push({ headers: req.headers, body })
      res.statusCode = script.shift() ?? 200
      res.end('ok')
    })
  })
  return {
    got,
    script,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    start: () => new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r())),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  }
}

describeEachEngine(
  'notifications: webhooks and the live stream',
  (ctx) => {
    // The local test receiver is on loopback: only the operator's allow-list lets webhooks reach it.
    const ALLOW = ['127.0.0.1/32']
    const api = client(() => ctx.database, { webhookAllowHosts: ALLOW })
    const strict = client(() => ctx.database)
    const rx = receiver()
    beforeAll(() => rx.start())
    afterAll(async () => {
      await rx.stop()
      await closeEventBus(ctx.database)
    })

    it('a unit supervisor sets the webhook; others may not', async () => {
      expect((await api.call(HANDLER, 'PUT', '/api/units/city_admin/webhooks', { url: rx.url() })).status).toBe(403)
      expect((await api.call(SUPERVISOR, 'PUT', '/api/units/office_350303002/webhooks', { url: rx.url() })).status).toBe(403)
      expect((await api.call(SUPERVISOR, 'PUT', '/api/units/city_admin/webhooks', { url: 'ftp://x' })).status).toBe(400)
      const r = await api.call(SUPERVISOR, 'PUT', '/api/units/city_admin/webhooks', { url: rx.url(), secret: 'a-very-secret-secret' })
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ unitCode: 'city_admin', channel: 'http', active: true, secret: 'a-very-secret-secret' })
      const list = await api.call(SUPERVISOR, 'GET', '/api/units/city_admin/webhooks')
      expect(list.body.webhooks[0]).not.toHaveProperty('secret')
    })

    it('POSTs signed notifications after the commit; a failure is retried with back-off, then delivered', async () => {
      let clock = new Date()
      const worker = startWebhookWorker({ database: ctx.database, intervalMs: 1000, loop: false, now: () => clock, allowHosts: ALLOW })
      const code = await api.dispatched()
      const [row] = await ctx.database.rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM webhook_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.incident_code = ${code}`)
      expect(Number(row!.n)).toBe(1) // queued in the dispatch's transaction, not sent yet
      expect(rx.got.length).toBe(0)

      rx.script.push(503)
      clock = new Date(Date.now() + 1000)
      expect(await worker.tick()).toEqual({ sent: 0, failed: 1 })
      expect(rx.got.length).toBe(1)
      expect(await worker.tick()).toEqual({ sent: 0, failed: 0 }) // not due before its back-off
      clock = new Date(clock.getTime() + 31_000)
      expect(await worker.tick()).toEqual({ sent: 1, failed: 0 })
      expect(rx.got.length).toBe(2)

      const { headers, body } = rx.got[1]!
      expect(verifySignature('a-very-secret-secret', body, String(headers['x-hanjiang-signature']), Math.floor(clock.getTime() / 1000))).toBe(true)
      const payload = JSON.parse(body) as Json
      expect(payload).toMatchObject({ type: 'notification.assignment', unitCode: 'city_admin', incident: { code } })
      expect(body).not.toContain('1381234')
      const status = (await api.call(SUPERVISOR, 'GET', '/api/units/city_admin/webhooks')).body.deliveries[0]
      expect(status).toMatchObject({ attempts: 2, lastStatus: 200 })
      expect(status.deliveredAt).toBeTruthy()
      await worker.stop()
    })

    it('a permanent refusal (4xx) is not retried; an unreachable receiver is', async () => {
      let clock = new Date(Date.now() + 60_000)
      const worker = startWebhookWorker({ database: ctx.database, intervalMs: 1000, loop: false, now: () => clock, allowHosts: ALLOW })
      await ctx.database.rows(sql`UPDATE webhook_delivery SET delivered_at = now() WHERE delivered_at IS NULL`)
      await api.dispatched()
      rx.script.push(410)
      expect(await worker.tick()).toEqual({ sent: 0, failed: 1 })
      const [gone] = await ctx.database.rows<{ failed: boolean }>(sql`SELECT failed_at IS NOT NULL AS failed FROM webhook_delivery ORDER BY id DESC LIMIT 1`)
      expect(gone!.failed).toBe(true)

      await ctx.database.rows(sql`UPDATE unit_webhook SET url = 'http://127.0.0.1:9/closed' WHERE unit_code = 'city_admin'`)
      await api.dispatched()
      expect(await worker.tick()).toEqual({ sent: 0, failed: 1 })
      const [retry] = await ctx.database.rows<{ failed: boolean; attempts: number; due: boolean }>(sql`
        SELECT failed_at IS NOT NULL AS failed, attempts, due_at > ${clock.toISOString()}::timestamptz AS due FROM webhook_delivery ORDER BY id DESC LIMIT 1`)
      expect(retry).toMatchObject({ failed: false, attempts: 1, due: true })
      // The answer says why in general words, never the socket's message (no port oracle).
      const shown = (await api.call(SUPERVISOR, 'GET', '/api/units/city_admin/webhooks')).body.deliveries[0]
      expect(shown).toMatchObject({ lastStatus: null, lastError: 'connection failed' })
      expect(JSON.stringify(shown)).not.toMatch(/ECONN|127\.0\.0\.1|:9\b/)
      await ctx.database.rows(sql`UPDATE unit_webhook SET url = ${rx.url()} WHERE unit_code = 'city_admin'`)
      clock = new Date(clock.getTime() + 60_000)
      expect(await worker.tick()).toEqual({ sent: 1, failed: 0 })
      await worker.stop()
    })

    it('refuses a webhook to loopback, private, link-local or metadata addresses when saved, naming the rule', async () => {
      for (const url of [
        rx.url(),
        'http://127.0.0.1:5432/x',
        'http://[::1]:8080/x',
        'http://[::ffff:127.0.0.1]/x',
        'http://10.1.2.3/hook',
        'http://192.168.0.10/hook',
        'http://100.64.1.1/hook',
        'http://169.254.169.254/latest/meta-data/',
        'http://[fd00:ec2::254]/x',
        'http://0.0.0.0:8080/x',
        'http://localhost:8080/x', // a host name resolving to loopback
      ]) {
        const r = await strict.call(SUPERVISOR, 'PUT', '/api/units/city_admin/webhooks', { url })
        expect(r.status, url).toBe(400)
        expect(r.body, url).toMatchObject({ code: 'webhook_address_not_allowed' })
        expect(r.body.detail, url).toMatch(/WEBHOOK_ALLOW_HOSTS/)
      }
      // nothing was stored: the allowed receiver set earlier is still the unit's webhook
      const list = await strict.call(SUPERVISOR, 'GET', '/api/units/city_admin/webhooks')
      expect(list.body.webhooks[0].url).toBe(rx.url())
    })

    it('refuses again at delivery (the address may have changed since): nothing is sent, the reason is generic', async () => {
      let clock = new Date(Date.now() + 600_000)
      const strictWorker = startWebhookWorker({ database: ctx.database, intervalMs: 1000, loop: false, now: () => clock })
      await ctx.database.rows(sql`UPDATE webhook_delivery SET delivered_at = now() WHERE delivered_at IS NULL`)
      const before = rx.got.length
      await api.dispatched()
      expect(await strictWorker.tick()).toEqual({ sent: 0, failed: 1 })
      expect(rx.got.length).toBe(before)
      const shown = (await api.call(SUPERVISOR, 'GET', '/api/units/city_admin/webhooks')).body.deliveries[0]
      expect(shown).toMatchObject({ lastStatus: null, lastError: 'refused: address not allowed' })
      await strictWorker.stop()
      // the operator's allow-list lets the same delivery through on its retry
      const allowed = startWebhookWorker({ database: ctx.database, intervalMs: 1000, loop: false, now: () => clock, allowHosts: ALLOW })
      clock = new Date(clock.getTime() + 3_600_000)
      expect(await allowed.tick()).toEqual({ sent: 1, failed: 0 })
      expect(rx.got.length).toBe(before + 1)
      await allowed.stop()
    })

    it('a redirect is not followed (it could point anywhere)', async () => {
      const target = receiver()
      await target.start()
      const redirector = http.createServer((_req, res) => {
        res.writeHead(307, { location: target.url() })
        res.end()
      })
      await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', () => r()))
      const url = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/hook`
      await ctx.database.rows(sql`UPDATE webhook_delivery SET delivered_at = now() WHERE delivered_at IS NULL`)
      expect((await api.call(SUPERVISOR, 'PUT', '/api/units/city_admin/webhooks', { url, secret: 'a-very-secret-secret' })).status).toBe(200)
      const clock = new Date(Date.now() + 7_200_000)
      const worker = startWebhookWorker({ database: ctx.database, intervalMs: 1000, loop: false, now: () => clock, allowHosts: ALLOW })
      await api.dispatched()
      expect(await worker.tick()).toEqual({ sent: 0, failed: 1 })
      expect(target.got.length).toBe(0)
      const shown = (await api.call(SUPERVISOR, 'GET', '/api/units/city_admin/webhooks')).body.deliveries[0]
      expect(shown).toMatchObject({ lastStatus: 307, lastError: 'HTTP 307' })
      await worker.stop()
      await new Promise<void>((r) => redirector.close(() => r()))
      await target.stop()
      await ctx.database.rows(sql`UPDATE unit_webhook SET url = ${rx.url()} WHERE unit_code = 'city_admin'`)
    })

    it('the bell is live: the stream says the unread count, then each new notification for the caller', async () => {
      await api.call(HANDLER, 'POST', '/api/notifications/read', { all: true })
      const res = await testApp(ctx.database, {}, HANDLER).request('/api/notifications/stream')
      expect(res.status).toBe(200)
      const reader = res.body!.getReader()
      const decoder = new TextDecoder()
      let buf = ''
      const next = async (event: string): Promise<Json> => {
        for (;;) {
          const m = new RegExp(`event: ${event}\\n(?:id: \\d+\\n)?data: (.*)\\n`).exec(buf)
          if (m) {
            buf = buf.slice(m.index + m[0].length)
            return JSON.parse(m[1]!)
          }
          const { value, done } = await reader.read()
          if (done) throw new Error('stream ended')
          buf += decoder.decode(value, { stream: true })
        }
      }
      expect(await next('unread')).toEqual({ unread: 0 })
      await api.dispatched('office_350303002') // another unit's: not for this handler
      const code = await api.dispatched()
      const n = await next('notification')
      expect(n).toMatchObject({ unread: 1, notification: { kind: 'assignment', incidentCode: code } })
      await reader.cancel()
    })
  },
  seedFixture,
)
