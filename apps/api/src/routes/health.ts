import { Hono } from 'hono'
import { MIGRATIONS_FOLDER } from '../db/open.ts'
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
    return c.json({ status: ok ? 'ok' : 'degraded', engine: database.engine, ...versions, migrations }, ok ? 200 : 503)
  })
}
