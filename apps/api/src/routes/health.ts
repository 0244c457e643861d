import { Hono } from 'hono'
import { MIGRATIONS_FOLDER } from '../db/open.ts'
import { migrationState, serverVersions } from '../db/repositories/health.ts'
import type { AppDeps } from '../http/context.ts'

export function healthRoutes({ database }: AppDeps) {
  return new Hono().get('/health', async (c) => {
    const [versions, migrations] = await Promise.all([
      serverVersions(database),
      migrationState(database, MIGRATIONS_FOLDER),
    ])
    const ok = migrations.pending.length === 0
    return c.json({ status: ok ? 'ok' : 'degraded', engine: database.engine, ...versions, migrations }, ok ? 200 : 503)
  })
}
