import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { closeEventBus } from '../src/live/event-bus.ts'
import { open311RequestUpdate } from '../src/services/webhooks/channel.ts'
import { startWebhookWorker } from '../src/worker/webhook-worker.ts'
import { seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { client, SUPERVISOR, type Json } from './workbench-helpers.ts'

/** A unit's webhook in the Open311 request_update shape (docs/OPEN311.md), for platforms that speak Open311. */
describeEachEngine(
  'webhooks: the Open311 request_update format',
  (ctx) => {
    const ALLOW = ['127.0.0.1/32']
    const api = client(() => ctx.database, { webhookAllowHosts: ALLOW })
    const got: string[] = []
    const server = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        got.push(body)
        res.end('ok')
      })
    })
    beforeAll(() => new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r())))
    afterAll(async () => {
      await new Promise<void>((r) => server.close(() => r()))
      await closeEventBus(ctx.database)
    })
    const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311`

    it('stores the format, refuses an unknown one, and delivers service request updates', async () => {
      expect((await api.call(SUPERVISOR, 'PUT', '/api/units/city_admin/webhooks', { url: url(), format: 'soap' })).status).toBe(400)
      const r = await api.call(SUPERVISOR, 'PUT', '/api/units/city_admin/webhooks', { url: url(), format: 'open311' })
      expect(r.status).toBe(200)
      expect(r.body.format).toBe('open311')
      expect((await api.call(SUPERVISOR, 'GET', '/api/units/city_admin/webhooks')).body.webhooks[0].format).toBe('open311')

      const worker = startWebhookWorker({ database: ctx.database, intervalMs: 1000, loop: false, now: () => new Date(Date.now() + 1000), allowHosts: ALLOW })
      const code = await api.dispatched()
      expect(await worker.tick()).toEqual({ sent: 1, failed: 0 })
      await worker.stop()
      const payload = JSON.parse(got.at(-1)!) as Json
      expect(payload).toEqual([
        {
          update_id: expect.stringMatching(/^notification-\d+$/),
          service_request_id: code,
          status: 'open',
          updated_datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
          description: expect.stringContaining('assignment'),
          media_url: null,
          external_status_code: 'dispatched',
        },
      ])
      expect(got.at(-1)).not.toContain('1381234')

      // Back to the native shape.
      await api.call(SUPERVISOR, 'PUT', '/api/units/city_admin/webhooks', { url: url() })
      expect((await api.call(SUPERVISOR, 'GET', '/api/units/city_admin/webhooks')).body.webhooks[0].format).toBe('native')
    })

    it('maps closed, rejected and merged to closed', () => {
      const d = (state: string | null) => ({
        id: 1, attempts: 0, incidentState: state,
        webhook: { id: 1, unitCode: 'u', channel: 'http', url: 'http://x', secret: 's', format: 'open311' },
        notification: { id: 7, kind: 'closure', incidentCode: 'HJ20261207-000001', at: '2026-12-07T10:00:00.123Z', unitCode: null, role: null, data: {} },
      })
      for (const s of ['closed', 'rejected', 'merged']) expect(open311RequestUpdate(d(s))[0]!.status).toBe('closed')
      expect(open311RequestUpdate(d('resolved'))[0]).toMatchObject({ status: 'open', updated_datetime: '2026-12-07T18:00:00+08:00', external_status_code: 'resolved' })
      expect(open311RequestUpdate(d(null))[0]!.status).toBe('open')
    })
  },
  seedFixture,
)
