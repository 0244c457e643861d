import { AsyncLocalStorage } from 'node:async_hooks'
import type { MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import { insertAudit, type AuditEntry } from '../db/repositories/audit.ts'
import type { AppDb, Database } from '../db/types.ts'
import { actorOf, rolesOf } from '../http/actor.ts'

/**
 * Every write is audited, in one place. An unsafe request (POST/PUT/PATCH/DELETE) runs inside a
 * write context; the first database transaction it commits carries the audit row — appended at the end of that
 * same transaction, so the change and its audit row commit or roll back together (nothing half-written). A
 * service that writes its own, more specific row (sign-in, user admin, reveal) marks the context done. A
 * successful write that used no transaction gets its row after the response is ready.
 */
interface WriteContext {
  entry: AuditEntry
  audited: boolean
}

const store = new AsyncLocalStorage<WriteContext>()

/** Called by recordAudit: the request's write already has its (specific) audit row. */
export function markAudited(): void {
  const ctx = store.getStore()
  if (ctx) ctx.audited = true
}

/**
 * For a write that carries its own audit row inside its one statement (batched intake): takes the request's
 * generic entry and marks the context done, so neither the transaction hook nor the after-response fallback
 * writes a second row. Null outside a write context (seed, worker).
 */
export function claimAuditEntry(): AuditEntry | null {
  const ctx = store.getStore()
  if (!ctx || ctx.audited) return null
  ctx.audited = true
  return ctx.entry
}

const hooked = new WeakSet<object>()

/** Wraps the database's transaction() once so a request's write context appends its row inside the transaction. */
export function installAuditHook(database: Database): void {
  const db = database.db as AppDb & { transaction: (...a: unknown[]) => Promise<unknown> }
  if (hooked.has(db)) return
  hooked.add(db)
  const original = db.transaction.bind(db) as (fn: (tx: AppDb) => Promise<unknown>, config?: unknown) => Promise<unknown>
  db.transaction = ((fn: (tx: AppDb) => Promise<unknown>, config?: unknown) =>
    original(async (tx: AppDb) => {
      const result = await fn(tx)
      const ctx = store.getStore()
      if (ctx && !ctx.audited) {
        ctx.audited = true
        await insertAudit(database, ctx.entry, tx)
      }
      return result
    }, config)) as typeof db.transaction
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Path parameters by the route's pattern (in middleware, c.req.param() does not see the handler's yet). */
function paramsOf(pattern: string, path: string): Record<string, string> {
  const out: Record<string, string> = {}
  const want = pattern.split('/')
  const got = path.split('/')
  want.forEach((seg, i) => {
    if (seg.startsWith(':') && got[i] !== undefined) out[seg.slice(1).replace(/\{.*\}$/, '')] = decodeURIComponent(got[i]!)
  })
  return out
}

/** Runs after authorize: the actor is known. */
export function auditWrites(database: Database): MiddlewareHandler {
  installAuditHook(database)
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next()
    const route = matchedRoutes(c).find((r) => r.method !== 'ALL')
    if (!route) return next()
    const actor = actorOf(c)
    const params = paramsOf(route.path, c.req.path)
    const segment = route.path.split('/')[2] ?? null
    const ctx: WriteContext = {
      audited: false,
      entry: {
        actorId: actor.userId ?? null,
        actorUsername: actor.userId || actor.apiKey ? actor.id : null,
        role: rolesOf(actor).join(','),
        action: `api.${c.req.method.toLowerCase()}`,
        objectType: segment,
        objectId: params.code ?? params.id ?? params.unit ?? null,
        ip: actor.ip ?? null,
        userAgent: actor.userAgent ?? null,
        detail: { route: `${c.req.method} ${route.path}`, params, ...(actor.apiKey ? { apiKey: { id: actor.apiKey.id, name: actor.apiKey.name } } : {}) },
      },
    }
    await store.run(ctx, next)
    if (!ctx.audited && c.res.status < 400) {
      ctx.audited = true
      await insertAudit(database, { ...ctx.entry, detail: { ...(ctx.entry.detail as object), status: c.res.status, afterResponse: true } })
    }
  }
}

/**
 * Runs a write outside the /api middleware (the Open311 server authenticates its `api_key` in the handler)
 * under the same audit rule: the first transaction (or batched intake) carries `entry`; a write that used
 * neither gets its row after it succeeded.
 */
export async function runAudited<T>(database: Database, entry: AuditEntry, fn: () => Promise<T>): Promise<T> {
  installAuditHook(database)
  const ctx: WriteContext = { audited: false, entry }
  const result = await store.run(ctx, fn)
  if (!ctx.audited) {
    ctx.audited = true
    await insertAudit(database, { ...entry, detail: { ...(entry.detail as object), afterResponse: true } })
  }
  return result
}
