import { Hono } from 'hono'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { rowScope } from '../services/incident-map/scope.ts'
import { wallStats } from '../services/wall/stats.ts'
import { anyJson, describe } from '../http/openapi.ts'
import { readsFrom } from '../http/reads.ts'

/** GET /api/wall/stats — the command-center wall's panels in one answer (one SQL statement). */
export function wallRoutes(deps: AppDeps) {
  return new Hono().get('/wall/stats', describe({ tag: 'incidents', summary: "The command-center wall's panels in one answer", responses: { 200: anyJson('The panels') } }), async (c) => {
    // Rows scoped by the caller: a handler's wall counts their unit's incidents only.
    return c.json(await wallStats({ database: readsFrom(deps, c), scope: rowScope(actorOf(c)) }), 200, { 'cache-control': 'no-store' })
  })
}
