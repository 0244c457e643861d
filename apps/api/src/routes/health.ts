import { Hono } from 'hono'
import { demoHistoryState, migrationState, serverVersions } from '../services/health/status.ts'
import type { AppDeps } from '../http/context.ts'
import { describe, json } from '../http/openapi.ts'
import { healthSchema } from '@hanjiang/shared/contract'

export function healthRoutes({ database, readReplica }: AppDeps) {
  return new Hono().get('/health', describe({ tag: 'system', summary: 'Database engine, versions, migrations (503 when migrations are pending)', responses: { 200: json(healthSchema), 503: json(healthSchema, 'Migrations pending') } }), async (c) => {
    const [versions, migrations] = await Promise.all([
      serverVersions(database),
      migrationState(database),
    ])
    const ok = migrations.pending.length === 0
    // The demo's incident history may still be being written after a first start (seed/demo-history.ts): the
    // web app shows a banner while `demoData.state` is 'generating'.
    const demoData = ok ? await demoHistoryState(database) : undefined
    // A standby that is down or behind is not this node's failure (reads fall back to the primary): still 200.
    const replica = readReplica ? { readReplica: readReplica.status() } : {}
    return c.json({ status: ok ? 'ok' : 'degraded', engine: database.engine, ...versions, migrations, demoData, ...replica }, ok ? 200 : 503)
  })
}
