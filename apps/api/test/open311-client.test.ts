import { execFile } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { serve, type ServerType } from '@hono/node-server'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { issueKey } from './open311-helpers.ts'

const CLIENT = path.resolve(import.meta.dirname, '../../../scripts/open311-client.mjs')

/** The independent client script (no project imports) against a started HTTP server. */
describeEachEngine(
  'Open311: the independent client script against a running server',
  (ctx) => {
    let server: ServerType
    let url: string
    beforeAll(async () => {
      await issueKey(ctx.database, 'test-client-script-key')
      server = await new Promise<ServerType>((resolve) => {
        const s = serve({ fetch: testApp(ctx.database).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
      })
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2`
    })
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

    it('lists services, posts with the key, reads back by id and token, filters by date and status', async () => {
      const { stdout } = await promisify(execFile)(process.execPath, [CLIENT, url, 'test-client-script-key', '020602', '25.48', '119.12'], { timeout: 60_000 })
      expect(stdout).toMatch(/ok \d+ - POST requests: service_request_id HJ\d{8}-/)
      expect(stdout).toMatch(/ok \d+ - GET tokens\/\{token\}\.json/)
      expect(stdout).toMatch(/ok \d+ - GET requests by status/)
      expect(stdout).toMatch(/^1\.\.10$/m)
    })

    it('fails (exit 1) with a wrong key', async () => {
      const run = promisify(execFile)(process.execPath, [CLIENT, url, 'wrong-key', '020602', '25.48', '119.12'], { timeout: 60_000 })
      await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/not ok \d+ - POST requests: HTTP 403/) })
    })
  },
  seedFixture,
)
