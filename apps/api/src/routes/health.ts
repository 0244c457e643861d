import { Hono } from 'hono'
import { MIGRATIONS_FOLDER } from '../db/open.ts'
import { demoHistoryState } from '../db/repositories/demo-history.ts'
import { migrationState, serverVersions } from '../db/repositories/health.ts'
import type { AppDeps } from '../http/context.ts'
import { describe, json } from '../http/openapi.ts'
import { healthSchema } from '@hanjiang/shared/contract'

export function healthRoutes({ database }: AppDeps) {
  return new Hono().get('/health', describe({ tag: 'system', summary: 'Database engine, versions, migrations (503 when migrations are pending)', responses: { 200: json(healthSchema), 503: json(healthSchema, 'Migrations pending') } }), async (c) => {
    const [versions, migrations] = await Promise.all([
      serverVersions(database),
      migrationState(database, MIGRATIONS_FOLDER),
    ])
    const ok = migrations.pending.length === 0
    // The demo's incident history may still be being written after a first start (seed/demo-history.ts): the
    // web app shows a banner while `demoData.state` is 'generating'.
    const demoData = ok ? await demoHistoryState(database) : undefined
    return c.json({ status: ok ? 'ok' : 'degraded', engine: database.engine, ...versions, migrations, demoData }, ok ? 200 : 503)
  })
}
