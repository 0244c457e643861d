import { Hono } from 'hono'
import type { AppDeps } from '../http/context.ts'
import { wallStats } from '../services/wall/stats.ts'

/** GET /api/wall/stats — the command-center wall's panels in one answer (one SQL statement). */
export function wallRoutes({ database }: AppDeps) {
  return new Hono().get('/wall/stats', async (c) => {
    // TODO(auth): scope by the caller (a handler's wall shows their unit only).
    return c.json(await wallStats({ database }), 200, { 'cache-control': 'no-store' })
  })
}
