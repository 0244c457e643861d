import { Hono } from 'hono'
import { z } from 'zod'
import { listAudit } from '../db/repositories/audit.ts'
import type { AppDeps } from '../http/context.ts'
import { parseInput } from '../http/validate.ts'
import { anyJson, describe } from '../http/openapi.ts'

/** The audit log, read-only (admin, efficiency office). There is no route that edits or deletes it. */

const instant = z.string().max(64).refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO-8601 date-time')
const query = z.object({
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  objectType: z.string().max(50).optional(),
  objectId: z.string().max(100).optional(),
  from: instant.optional(),
  to: instant.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export function auditRoutes({ database }: AppDeps) {
  return new Hono().get('/audit', describe({ tag: 'audit', summary: 'The audit log, newest first', query, responses: { 200: anyJson('{items, nextBefore}') } }), async (c) => {
    const q = parseInput(query, c.req.query(), 'query')
    const rows = await listAudit(database, q)
    return c.json({
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: r.actorId ? { id: r.actorId, username: r.actorUsername } : null,
        role: r.role,
        action: r.action,
        objectType: r.objectType,
        objectId: r.objectId,
        ip: r.ip,
        userAgent: r.userAgent,
        detail: r.detail,
      })),
      nextBefore: rows.length === q.limit ? rows[rows.length - 1]!.id : null,
    })
  })
}
