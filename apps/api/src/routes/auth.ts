import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { findUserById } from '../db/repositories/accounts.ts'
import { clearSessionCookies, setSessionCookies } from '../auth/cookies.ts'
import { actorOf } from '../http/actor.ts'
import { clientIp, userAgentOf } from '../http/client.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { changePassword } from '../services/auth/change-password.ts'
import { login } from '../services/auth/login.ts'
import { logout } from '../services/auth/logout.ts'
import { meView } from '../services/auth/me.ts'
import { describe, empty, json } from '../http/openapi.ts'
import { sessionSchema } from '@hanjiang/shared/contract'

/** Sign-in, sign-out, who am I, own password (docs: notes/auth-contract.md). */

const small = () =>
  bodyLimit({
    maxSize: 4096,
    onError: () => {
      throw problems.payloadTooLarge('A sign-in request body may be at most 4 KB')
    },
  })

const loginBody = z.strictObject({
  username: z.string({ message: 'username is required' }).trim().min(1, 'username is required').max(100),
  password: z.string({ message: 'password is required' }).min(1, 'password is required').max(256),
})
const passwordBody = z.strictObject({
  currentPassword: z.string({ message: 'currentPassword is required' }).max(256),
  newPassword: z.string({ message: 'newPassword is required' }).max(512),
})


export function authRoutes({ database, config }: AppDeps) {
  return new Hono()
    .post('/auth/login', describe({ tag: 'auth', summary: 'Sign in (sets the session cookies)', body: loginBody, responses: { 200: json(sessionSchema) } }), small(), async (c) => {
      const body = parseInput(loginBody, await jsonBody(c), 'body')
      const r = await login({
        database,
        username: body.username,
        password: body.password,
        maxAgeMs: config.sessionMaxMs,
        from: { ip: clientIp(c, config.trustedProxies), userAgent: userAgentOf(c) },
        throttle: { maxFailures: config.signInThrottleMaxFailures, windowMs: config.signInThrottleWindowMs },
      })
      setSessionCookies(c, config, r.sessionId, r.csrfToken)
      c.header('cache-control', 'no-store')
      return c.json({ user: meView(r.user), csrfToken: r.csrfToken })
    })
    .get('/auth/me', describe({ tag: 'auth', summary: 'Who is signed in, and the CSRF token', responses: { 200: json(sessionSchema) } }), async (c) => {
      const actor = actorOf(c)
      const user = await findUserById(database, actor.userId!)
      if (!user) throw problems.unauthenticated()
      const csrfToken = actor.csrfToken ?? null
      c.header('cache-control', 'no-store')
      return c.json({ user: meView(user), csrfToken })
    })
    .post('/auth/logout', describe({ tag: 'auth', summary: 'Sign out', responses: { 204: empty('Signed out') } }), async (c) => {
      await logout({ database, actor: actorOf(c) })
      clearSessionCookies(c)
      return c.body(null, 204)
    })
    .post('/auth/password', describe({ tag: 'auth', summary: 'Change the own password', body: passwordBody, responses: { 204: empty('Changed') } }), small(), async (c) => {
      const body = parseInput(passwordBody, await jsonBody(c), 'body')
      await changePassword({ database, actor: actorOf(c), currentPassword: body.currentPassword, newPassword: body.newPassword })
      return c.body(null, 204)
    })
}
