import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { USER_ROLES } from '@hanjiang/shared'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { createUnit, listUnitsForAdmin, updateUnitForAdmin } from '../services/units/manage.ts'
import {
  createUser, listUsersForAdmin, revokeSessionsForAdmin, updateUserForAdmin,
} from '../services/users/manage.ts'
import { clearSignInThrottle } from '../services/auth/clear-sign-in-throttle.ts'
import { listSignInThrottle } from '../services/auth/list-sign-in-throttle.ts'
import { anyJson, describe, empty, json } from '../http/openapi.ts'
import { unitListSchema } from '@hanjiang/shared/contract'

/** Users, units and role/area grants (admin; units also readable by dispatchers). Rules: auth/route-rules.ts. */

const limit = () =>
  bodyLimit({
    maxSize: 32 * 1024,
    onError: () => {
      throw problems.payloadTooLarge('An admin request body may be at most 32 KB')
    },
  })

const roles = z.array(z.enum(USER_ROLES, { message: `roles are among ${USER_ROLES.join(', ')}` })).min(1, 'at least one role').max(8)
const areaCodes = z.array(z.string().regex(/^\d{6,15}$/, 'area codes are region codes')).max(200)
const name = (what: string) => z.string({ message: `${what} is required` }).trim().min(1, `${what} must not be empty`).max(100)
const unitKinds = ['command', 'supervision', 'department', 'utility', 'street_office', 'section'] as const

const createUserBody = z.strictObject({
  username: z.string().trim().regex(/^[a-z][a-z0-9_.-]{1,49}$/i, 'username: 2–50 letters, digits, _ . - (starting with a letter)'),
  displayName: name('displayName'),
  unitCode: name('unitCode'),
  roles,
  areaCodes: areaCodes.default([]),
  password: z.string().max(256),
})
const patchUserBody = z.strictObject({
  displayName: name('displayName').optional(),
  unitCode: name('unitCode').optional(),
  roles: roles.optional(),
  areaCodes: areaCodes.optional(),
  disabled: z.boolean().optional(),
  password: z.string().max(256).optional(),
})
const userQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unit: z.string().max(100).optional(),
  role: z.enum(USER_ROLES).optional(),
})
const unitBody = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'code: lower-case letters, digits, _'),
  name: name('name'),
  nameEn: z.string().trim().max(200).default(''),
  kind: z.enum(unitKinds),
  parentCode: z.string().max(100).nullish().transform((v) => v ?? null),
  regionCode: z.string().regex(/^\d{12,15}$/).nullish().transform((v) => v ?? null),
  active: z.boolean().default(true),
})
const unitPatch = z.strictObject({
  name: name('name').optional(),
  nameEn: z.string().trim().max(200).optional(),
  kind: z.enum(unitKinds).optional(),
  parentCode: z.string().max(100).nullable().optional(),
  regionCode: z.string().regex(/^\d{12,15}$/).nullable().optional(),
  active: z.boolean().optional(),
})
const uuid = z.uuid({ message: 'a user id' })
const unitCodeParam = z.string().describe('a unit code')
const addressParam = z.string().describe('a client address (IPv4, or an IPv6 /64 prefix)')
const throttleQuery = z.object({
  /** Also the addresses with failures that are not refused yet. */
  all: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1'),
})


export function adminRoutes({ database, config }: AppDeps) {
  const throttle = () => ({ maxFailures: config.signInThrottleMaxFailures, windowMs: config.signInThrottleWindowMs })
  return new Hono()
    .get('/admin/users', describe({ tag: 'admin', summary: 'Users, filtered', query: userQuery, responses: { 200: anyJson('{items: users}') } }), async (c) => {
      const q = parseInput(userQuery, c.req.query(), 'query')
      return c.json({ items: await listUsersForAdmin(database, { q: q.q, unitCode: q.unit, role: q.role }) })
    })
    .post('/admin/users', describe({ tag: 'admin', summary: 'Create a user (must change the password at first sign-in)', body: createUserBody, responses: { 201: anyJson('The user') } }), limit(), async (c) => {
      const body = parseInput(createUserBody, await jsonBody(c), 'body')
      return c.json(await createUser(database, actorOf(c), body), 201)
    })
    .patch('/admin/users/:id', describe({ tag: 'admin', summary: 'Change a user (roles, areas, unit, disabled, password reset)', params: { id: uuid }, body: patchUserBody, responses: { 200: anyJson('The user') } }), limit(), async (c) => {
      const id = parseInput(uuid, c.req.param('id'), 'user id')
      const body = parseInput(patchUserBody, await jsonBody(c), 'body')
      return c.json(await updateUserForAdmin(database, actorOf(c), id, body))
    })
    .post('/admin/users/:id/revoke-sessions', describe({ tag: 'admin', summary: "End all of a user's sessions", params: { id: uuid }, responses: { 200: anyJson('{revoked: count}') } }), async (c) => {
      const id = parseInput(uuid, c.req.param('id'), 'user id')
      return c.json({ revoked: await revokeSessionsForAdmin(database, actorOf(c), id) })
    })
    .get('/admin/units', describe({ tag: 'admin', summary: 'All units (also sections and inactive ones)', responses: { 200: json(unitListSchema) } }), async (c) => c.json({ items: await listUnitsForAdmin(database) }))
    .post('/admin/units', describe({ tag: 'admin', summary: 'Create a unit', body: unitBody, responses: { 201: anyJson('The unit') } }), limit(), async (c) => {
      const body = parseInput(unitBody, await jsonBody(c), 'body')
      return c.json(await createUnit(database, actorOf(c), body), 201)
    })
    .patch('/admin/units/:code', describe({ tag: 'admin', summary: 'Change a unit', params: { code: unitCodeParam }, body: unitPatch, responses: { 200: anyJson('The unit') } }), limit(), async (c) => {
      const body = parseInput(unitPatch, await jsonBody(c), 'body')
      return c.json(await updateUnitForAdmin(database, actorOf(c), c.req.param('code'), body))
    })
    .get('/admin/sign-in-throttle', describe({ tag: 'admin', summary: 'Client addresses refused (or failing) sign-in', query: throttleQuery, responses: { 200: anyJson('The addresses') } }), async (c) => {
      const q = parseInput(throttleQuery, c.req.query(), 'query')
      c.header('cache-control', 'no-store')
      return c.json(await listSignInThrottle(database, throttle(), { includeFailing: q.all }))
    })
    .delete('/admin/sign-in-throttle/:address', describe({ tag: 'admin', summary: "Clear an address's sign-in failures", params: { address: addressParam }, responses: { 204: empty('Cleared') } }), async (c) => {
      await clearSignInThrottle(database, actorOf(c), c.req.param('address'), throttle())
      return c.body(null, 204)
    })
}
